// When a figure holds: a toll, a count or an amount changes, and a sentence often gives one that is
// not the one asked. It may give the figure as superseded (`un précédent bilan faisait état de 22
// morts`), a day's increase for a total (`57 nouveaux décès en 24 heures` for the toll on that
// day), or a forecast for what happened (`estimé à 80 millions` for what a painting fetched). And a
// question on what holds now (`combien reste-t-il`, `still alive`) is answered by the newest
// article, not by an older one giving the count as it then stood. The patterns here say which of
// these a question asks and a sentence states; the scorer learns what each mismatch costs.

/** A figure the sentence gives as an earlier one, since superseded (`le précédent bilan`, `initially`). */
const PREVIOUS =
  /(?<!\p{L})(?:pr[ée]c[ée]dents?\s+bilans?|bilans?\s+pr[ée]c[ée]dents?|premiers?\s+bilans?|bilans?\s+(?:provisoires?|initia(?:l|ux))|pr[ée]c[ée]demment|initialement|auparavant|faisai(?:t|ent)\s+[ée]tat|previous(?:ly)?|earlier\s+(?:toll|figure|count|report|estimate)s?|initial(?:ly)?|preliminary|had\s+(?:earlier\s+|previously\s+)?(?:reported|given|put))(?!\p{L})/iu;

/** A day's (or a period's) increase rather than a running total (`en 24 heures`, `nouveaux décès`). */
const INCREMENT =
  /(?<!\p{L})(?:(?:en|sur)\s+(?:24\s*h(?:eures)?|vingt-quatre\s+heures|une\s+(?:seule\s+)?journ[ée]e)|nouveaux?\s+(?:d[ée]c[èe]s|cas|morts|malades|patients)|nouvelles?\s+(?:victimes|infections|hospitalisations|contaminations)|(?:d[ée]c[èe]s|morts|cas|victimes)\s+suppl[ée]mentaires|(?:over|in)\s+(?:the\s+)?(?:past\s+|last\s+)?24\s+hours|new\s+(?:deaths|cases|infections)|in\s+a\s+single\s+day|daily)(?!\p{L})/iu;

/** A question asking an increase itself (`combien de nouveaux cas`, `par jour`, `over 24 hours`). */
const ASKS_INCREMENT =
  /(?<!\p{L})(?:nouveaux?|nouvelles?|new|quotidien\p{L}*|daily|par\s+jour|per\s+day|a\s+day|derniers\s+jours|last\s+\d+\s+days|24\s*h(?:eures|ours)?|vingt-quatre\s+heures|journ[ée]e)(?!\p{L})/iu;

/** A figure given as expected rather than as what happened (`estimé à`, `devrait`, `expected`). */
const FORECAST =
  /(?<!\p{L})(?:estim[ée]e?s?\s+(?:à|entre)|devrai(?:t|ent)|pourrai(?:t|ent)|mise?\s+à\s+prix|expected|estimated|could\s+(?:fetch|reach)|is\s+set\s+to|will)(?!\p{L})/iu;

/** A question that itself asks an expectation (`prévoyait`, `estimation`, `devrait`, `will`). */
const ASKS_FORECAST =
  /(?<!\p{L})(?:pr[ée]v\p{L}*|estim\p{L}*|devrai(?:t|ent)|doi(?:t|vent)|va|vont|pourrai(?:t|ent)|attendu\p{L}*|will|expected|forecast\p{L}*|projected)(?!\p{L})/iu;

/**
 * A question on what holds now, or the latest figure (`combien reste-t-il`, `encore en vie`,
 * `actuel`, `dernier bilan`, `still`, `latest`): the newer the article, the likelier it holds.
 */
const ASKS_NOW =
  /(?<!\p{L})(?:reste(?:nt)?|restait|encore|toujours|actuel(?:le)?s?|actuellement|aujourd['’]hui|d[ée]sormais|en\s+vie|derni(?:er|[èe]re)s?\s+bilans?|bilans?\s+d[ée]finitifs?|still|now|currently|current|today|remain(?:s|ing)?|alive|latest|final\s+toll)(?!\p{L})/iu;

export interface FigureTimeQuestion {
  /** The question itself asks an earlier or provisional figure (`quel bilan provisoire`). */
  readonly asksPrevious: boolean;
  /** The question asks a day's or a period's increase, not a total. */
  readonly asksIncrement: boolean;
  /** The question asks an expected figure (a forecast, an estimate). */
  readonly asksForecast: boolean;
  /** The question asks what holds now, or the latest figure. */
  readonly asksNow: boolean;
}

export function readFigureTime(question: string): FigureTimeQuestion {
  return {
    asksPrevious: PREVIOUS.test(question),
    asksIncrement: ASKS_INCREMENT.test(question),
    asksForecast: ASKS_FORECAST.test(question),
    asksNow: ASKS_NOW.test(question),
  };
}

/** The sentence gives its figure as a superseded one. */
export const statesPrevious = (sentence: string) => PREVIOUS.test(sentence);
/** The sentence gives an increase (a day's new cases) rather than a total. */
export const statesIncrement = (sentence: string) => INCREMENT.test(sentence);
/** The sentence gives a figure as expected rather than as what happened. */
export const statesForecast = (sentence: string) => FORECAST.test(sentence);
