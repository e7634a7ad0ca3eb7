// The detail a question asks beyond its kind, and whether a sentence gives it. A sentence often
// tells the event a question is about without the asked detail: `un policier a été blessé par un
// vendeur` for "avec quoi ?", `appartenait à un cirque` for "à quel cirque ?", `d'une touriste
// française` for "quel est le nom de la touriste ?", `renvoyé au Cameroun` for "vers quelle
// ville ?", `n'a jamais été condamné` for "à quelle peine ?". Covering the question that well, it
// scores high; what it lacks is a span of the asked sort that the question does not already give
// (`detailMissing`). The sorts:
// - `name`: a name asked outright (`comment s'appelle`, `quel est le nom`, `nom de famille`) — for a
//   person, one the question does not give, not one of its own people's (`Donald Trump` for "the
//   woman who accused Trump"). A plain `qui` is left to kindFound: checked here too, it raised held-out
//   unanswerable questions answered at 0.6 from 12.3 to 14.4 % (ranker-comparison.md, answers12);
// - `named`: a thing known by its name (`à quel cirque`, `quelle centrale`, `which company`);
// - `object`: what something was done with (`avec quoi`, `quelle arme`, `with what`);
// - `city`: a town (`quelle ville`, `quelle commune`, `which city`): a country is no answer;
// - `penalty`: a court's sentence (`à quelle peine`, `quelles peines`, `condamné à combien`, `what
//   sentence`, `à quelle amende`);
// - `decision`: what a court, a judge or anyone asked decided (`qu'ont décidé les prud'hommes`,
//   `quelle décision`, `quel verdict`, `what did the court rule`): a decision given — not one
//   announced for later (`rendra son jugement le 24 septembre`, `doit se prononcer`, `will rule`), asked
//   for (`a demandé l'annulation`) or the decision to go to court (`a décidé d'attaquer`);
// - `culprit`: the person convicted, arrested or accused (`qui a été condamné`, `who was arrested`):
//   someone the question does not name (`l'enquête se poursuit` names no one);
// - `length`, `speed`, `area`, `mass`: a measure (`à quelle profondeur`, `how fast`, `quelle
//   superficie`, `combien pèse`): a figure with a unit of that dimension (`à 10 km de profondeur`);
// - `death`: what a death was of (`de quoi est-il mort`, `morte de quelle maladie`, `what did he die
//   of`): a cause stated (./states-cause.ts), not the death told alone (`est décédé mardi à 94 ans`)
//   or `des suites d'une longue maladie`. Apart from the `pourquoi` questions' causeMissing, whose
//   causes are stated in too many ways for its weight to matter (+0.04 in the gate of round 20);
// - `count`: what a how-many question counts (`combien de passagers`), where the sentence's figures
//   count something else: `9 morts` for the passengers on board. Nouns of one family (the dead:
//   `morts`, `tués`, `décès`) count alike, a generic one (`personnes`, `victimes`) counts anything,
//   and a family the question itself speaks of (`combien de militaires sont morts`) is no other.

import { frenchLexicon } from "../corpus/word-splitter.ts";
import type { NewsIndex } from "../search/news-index.ts";
import { fold } from "../text/fold.ts";
import { findNumbers, findPersonNames, isAge } from "./answer-kinds.ts";
import type { AnswerKind } from "./question.ts";
import { statesDeathCause } from "./states-cause.ts";

export type AskedDetail =
  | "name"
  | "named"
  | "object"
  | "city"
  | "penalty"
  | "decision"
  | "culprit"
  | "death"
  | Dimension
  | "count";
/** The dimension of a measure asked. */
export type Dimension = "length" | "speed" | "area" | "mass";

/** The question, folded, with plain apostrophes (the patterns below are written that way). */
const folded = (question: string) => fold(question).replace(/[’‘]/g, "'");

const PENALTY =
  /\b(?:a quelle peine|quelles? (?:est |etait |sera |sont )?(?:la |les )?peines?|condamnee?s? a combien|a combien (?:d'annees|de (?:mois|ans|prison))|a quoi (?:\S+ ){0,6}condamnee?s?|condamnee?s? a quoi|(?:a )?quelles? amendes?|what (?:sentence|fine)|sentenced to how|how long (?:\S+ ){0,6}(?:sentenced|in prison|in jail|behind bars))\b/;
const ASKED_FOR = /\b(?:requi[st]e?s?|reclamee?s?|demandee?s?|requested|sought|asked for)\b/;
// A decision asked: `qu'a décidé le juge`, `quelle décision`, `quel verdict`, `what did the court
// rule`, `what was the ruling`.
const DECISION =
  /\b(?:qu'(?:a|ont|avait|avaient)(?:-t)?(?:-(?:il|elle|ils|elles))? (?:\S+ ){0,4}?decid\w*|quelle (?:a ete la |est la |etait la |sera la )?decision|quel (?:a ete le |est le |etait le |sera le )?(?:verdict|jugement)|what (?:did|has|have|had) (?:\S+ ){0,5}?(?:decide|rule)d?|what (?:was|is|were) (?:the )?(?:verdict|ruling|decision)|what (?:verdict|ruling|decision))\b/;
const OBJECT =
  /\b(?:avec quoi|a l'aide de quoi|au moyen de quoi|quelle arme|quel objet|quel outil|quel type d'arme|with what|what weapon|which weapon|what object)\b/;
const CITY =
  /\b(?:quelle ville|quelle commune|quel village|quelle localite|which (?:city|town|village)|what (?:city|town)|in which (?:\w+ )?(?:city|town|village))\b/;
// A death's cause asked: `de quoi est mort X`, `X, il est mort de quoi ?`, `il est mort : de quoi ?`,
// `morte de quelle maladie`, `la cause de sa mort`, `what did X die of`, `cause of death` (not `la mort de X`, a death's noun).
const DEATH_WORD = "(?:mort|morte|morts|mortes|decedee?s?|succombee?s?|meurt|meurent)";
const DEATH = new RegExp(
  `\\b(?:${[
    `de quoi (?:\\S+ ){0,6}?(?<!(?:la|le|les|sa|son|leur|un|une|de|des|du|ce|cette) )${DEATH_WORD}`,
    `${DEATH_WORD}\\s*[:,]?\\s*de (?:quoi|quelle (?:maladie|affection|cause))`,
    `de quelle (?:maladie|affection) (?:\\S+ ){0,6}?(?<!(?:la|le|les|sa|son|leur|un|une|de|des|du|ce|cette) )${DEATH_WORD}`,
    "cause (?:de (?:sa|la|leur) mort|du deces|de (?:son|leur) deces)",
    "(?:what|which (?:illness|disease)) (?:did|had) (?:\\S+ ){1,6}?die (?:of|from)",
    "died (?:of|from) what|cause of (?:his|her|their|the) deaths?|what killed (?:him|her|them)",
  ].join("|")})\\b`,
);
// The name asked outright, wherever the cue stands: `comment s'appelle X`, `X, il s'appelle
// comment ?`, `c'était quoi son vrai nom`, `on connaît son nom ?` (not `pourquoi a-t-il changé son nom`), `sous quel nom`, `what's her name`, `what was the
// captain's name`, `what was the real name of`, and chat English with no verb or several names
// (`Name of the French fighter shot in Bali?`, `what are the names of the two pandas`).
const NAME =
  /\b(?:comment s'?appell?(?:e|ent|ait|aient)|s'?appell?(?:e|ent|ait|aient) comment|quel(?:le)? (?:est|etait) (?:le |son |sa |leur )?(?:vrai |veritable )?(?:nom|prenom|surnom)|(?:quoi|c'est|c'etait|est|etait|connait|connaissait|connaissons|connaitre|sait|savait|savons|sait-on|savoir)(?:-on)? (?:son|sa|leur) (?:vrai |veritable )?(?:nom|prenom|surnom)|(?:son|sa|leur) (?:vrai |veritable )?(?:nom|prenom|surnom),? (?:c'est |c'etait |est |etait )?quoi|sous quel nom|nom de famille|what(?:'s| is| was) (?:the|his|her|their) (?:[\w-]+'s )?(?:full |first |last |real |sur|nick)?name|what (?:is|was) the (?:\w+ ){1,3}?(?:name|nickname)\b|what (?:are|were) (?:the|their) (?:\w+ ){0,2}?names\b|^\s*(?:the )?(?:full |first |real |nick)?names? of (?:the|this|that|a|an|his|her|their)\b|le nom d[eu'])\b/;
// The person convicted, arrested, charged or accused, asked with `qui` / `who`. The participle
// agrees inside the phrase (`mise en examen`, `reconnue coupable`), not after it.
const CULPRIT =
  /\b(?:who (?:was|were|has been|have been|had been|is|are) (?:\w+ )?(?:convicted|arrested|charged|sentenced|accused|jailed|indicted|detained|suspected|found guilty)|qui (?:a|ont|avait|avaient) ete (?:\S+ )?(?:(?:condamne|arrete|interpelle|inculpe|accuse|incarcere|ecroue)e?s?|mise?s? en examen|(?:reconnu|juge)e?s? coupables?)|qui (?:est|sont|etait|etaient) (?:\S+ )?(?:(?:accuse|soupconne|suspecte|condamne|poursuivi)e?s?|mise?s? en (?:cause|examen)))\b/;
// `how high` is left out: it asks a temperature, a price or a rate as often as a height.
const MEASURES: readonly (readonly [Dimension, RegExp])[] = [
  [
    "length",
    /\b(?:quelle (?:profondeur|hauteur|altitude|distance|longueur|taille|envergure)|how (?:deep|tall|far)|what (?:depth|height|altitude|distance|length))\b/,
  ],
  ["speed", /\b(?:quelle vitesse|how fast|what speed)\b/],
  ["area", /\b(?:quelle (?:superficie|surface)|what (?:area|surface)|how (?:big|large) an area)\b/],
  [
    "mass",
    /\b(?:quel poids(?! (?:politique|economique|electoral|symbolique|social|moral|strategique|diplomatique|financier|mediatique|militaire|reel))|combien pes\w*|how heavy(?! an? )|what weight|how much (?:\S+ ){1,6}weigh\w*)\b/,
  ],
];
const COUNT_ASKED = /\b(?:combien (?:de|d')\s*|how many |nombre (?:de|d')\s*)([\w-]+)/;
// Things known by a name: the name answers, the category word alone (`un cirque`) does not.
const NAMED_NOUNS =
  "cirque|groupe|parti|entreprise|societe|club|equipe|festival|film|livre|roman|album|chanson|emission|journal|hotel|restaurant|musee|stade|hopital|association|marque|bateau|navire|typhon|ouragan|tempete|cyclone|operation|application|centrale|prison|eglise|cathedrale|compagnie|banque|chaine|serie|spectacle|tableau|magazine|gare|universite|ecole|lycee|circus|group|party|company|club|team|festival|film|movie|book|novel|album|song|show|newspaper|hotel|restaurant|museum|stadium|hospital|brand|ship|typhoon|hurricane|storm|airline|bank|channel|series|university|school";
// A plural is left out (`quels partis`, `quels groupes`): it asks names as often as a list of kinds
// (`quels groupes … ont-elles convenu de dynamiser` → `groupes des parlementaires`), and the one seed
// question answered so weakened the gate's weight on the detail (ranker-comparison.md, answers13).
const NAMED = new RegExp(`\\b(?:quel|quelle|quels|quelles|which) (?:${NAMED_NOUNS})\\b`);

/** The detail `question` asks beyond its kind, if any. */
export function askedDetail(question: string): AskedDetail | undefined {
  const q = folded(question);
  if (DEATH.test(q)) return "death";
  // a penalty asked for (`quelle amende le parquet a-t-il requise`) is answered by the request
  if (PENALTY.test(q) && !ASKED_FOR.test(q)) return "penalty";
  if (DECISION.test(q)) return "decision";
  if (OBJECT.test(q)) return "object";
  if (CITY.test(q)) return "city";
  if (NAME.test(q)) return "name";
  if (CULPRIT.test(q)) return "culprit";
  for (const [dimension, re] of MEASURES) if (re.test(q)) return dimension;
  if (NAMED.test(q)) return "named";
  if (COUNT_ASKED.test(q)) return "count";
  return undefined;
}

// A court's sentence stated: a term of prison, a fine, an acquittal. `n'a jamais été condamné`
// states none.
const COUNT = "\\d+|un|une|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|douze|quinze|vingt|trente";
const STATES_PENALTY = new RegExp(
  [
    `condamn\\p{L}*\\s+(?:[\\p{L}'’]+\\s+){0,3}?(?:à|a)\\s+(?:${COUNT}|la\\s+(?:r[ée]clusion|prison)|perp|payer|verser|une\\s+amende)`,
    `(?:${COUNT})\\s+(?:ans?|ann[ée]es?|mois|jours|semaines)\\s+(?:de\\s+(?:prison|r[ée]clusion|d[ée]tention)|d['’]emprisonnement|ferme|avec\\s+sursis)`,
    "perp[ée]tuit[ée]|r[ée]clusion\\s+criminelle|amende\\s+de|travaux\\s+d['’]int[ée]r[êe]t|(?:été|a|ont)\\s+(?:été\\s+)?(?:relax|acquitt)[ée]\\p{L}*",
    `peine\\s+de\\s+(?:${COUNT})`,
    "years?\\s+(?:in\\s+prison|behind\\s+bars|in\\s+jail)|life\\s+(?:sentence|in\\s+prison)|sentenced\\s+to\\s+\\S|acquitted|fined",
  ]
    .map((p) => `(?<!\\p{L})(?:${p})`)
    .join("|"),
  "giu",
);
// A penalty risked or asked for, not given: `encourt la perpétuité`, `s'expose à`, `cinq ans ont été
// requis`, `faces up to` — what articles say before a verdict.
const RISKED_BEFORE =
  /(?<!\p{L})(?:encour\p{L}*|expos\p{L}*|risqu\p{L}*|requi[st]\p{L}*|r[ée]quisitoire|r[ée]clam\p{L}*|demand\p{L}*|passible|maximale?|jusqu['’]à|faces?|facing|could|up\s+to)(?!\p{L})[^.;]{0,60}$/iu;
const RISKED_AFTER =
  /^[^.;]{0,30}?(?<!\p{L})(?:requis|r[ée]clam[ée]e?s?|demand[ée]e?s?|encouru\p{L}*)(?!\p{L})/iu;

// A figure with a unit of the dimension asked: `à 10 km de profondeur`, `culmine à 8.848 mètres`,
// `à 130 km/h`, `2.000 hectares`, `pèse 3 tonnes`.
const AMOUNT = String.raw`(?:\d[\d\s.,\u00a0\u202f]*|un|une|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|douze|quinze|vingt|trente|quarante|cinquante|soixante|cent|cents|mille|quelques|plusieurs|one|two|three|four|five|six|seven|eight|nine|ten|twenty|hundred|thousand)\s*(?:de\s+|d['’]\s*|of\s+)?`;
const UNITS: Record<Dimension, string> = {
  length:
    "km|kilom[eè]tres?|kilometers?|kilometres?|m|m[eè]tres?|meters?|metres?|cm|centim[eè]tres?|centimet(?:er|re)s?|mm|millim[eè]tres?|miles?|pieds|feet|ft|yards?|ann[ée]es?-lumi[eè]re|light-years?|milles",
  speed: String.raw`km\s*\/\s*h|kilom[eè]tres?[\s/-]*(?:heure|par\s+heure|à\s+l['’]heure)|kilomet(?:er|re)s?\s+(?:per|an)\s+hour|mph|miles?\s+(?:per|an)\s+hour|n[œo]e?uds|knots|m\s*\/\s*s`,
  area: String.raw`km2|km²|kilom[eè]tres?\s+carr[ée]s|square\s+(?:kilomet(?:er|re)s?|miles?|met(?:er|re)s?|feet)|hectares?|ha|m2|m²|m[eè]tres?\s+carr[ée]s|acres?`,
  mass: "kg|kilos?|kilogrammes?|kilograms?|tonnes?|tons?|grammes?|grams?|g|livres|pounds|lbs?",
};
const STATES_MEASURE = Object.fromEntries(
  Object.entries(UNITS).map(([d, units]) => [
    d,
    new RegExp(String.raw`(?<![\p{L}\d])${AMOUNT}(?:${units})(?!\p{L})`, "iu"),
  ]),
) as Record<Dimension, RegExp>;

// Families of counted nouns (folded words): a figure of one family does not count another's.
type Family = "dead" | "injured" | "arrested" | "cases" | "hospitalised";
const FAMILIES: readonly (readonly [Family, RegExp])[] = [
  ["dead", /^(?:morte?s?|deces|decedee?s?|tuee?s?|dead|deaths?|killed|fatalit(?:y|ies)|died|lives)$/],
  ["injured", /^(?:blessee?s?|blessures?|injured|injuries|wounded|hurt)$/],
  [
    "arrested",
    /^(?:interpellee?s?|interpellations?|arrestations?|arretee?s?|gardes?|arrested|arrests|detained)$/,
  ],
  [
    "cases",
    /^(?:cas|contaminations?|contaminee?s?|infections?|infectee?s?|positifs?|cases|infected|infections?)$/,
  ],
  ["hospitalised", /^(?:hospitalisee?s?|hospitalisations?|hospitali[sz]ed|hospitali[sz]ations?)$/],
];
// Nouns that count anyone: `neuf personnes tuées` answers `combien de morts`, `50 victimes` too.
const GENERIC = /^(?:personnes?|gens|individus|victimes?|people|persons|victims|habitants)$/;
const familyOf = (word: string) => FAMILIES.find(([, re]) => re.test(word))?.[0];

/** What a how-many question counts: its noun, and the families it speaks of (a generic noun: the toll's). */
export interface CountAsked {
  readonly noun: string;
  readonly families: ReadonlySet<Family>;
  /** The question asks a share (`quel pourcentage`, `quelle part`, `%`): a percentage may answer it. */
  readonly share: boolean;
}

// A share asked, and a share stated: `55 % des voix` counts no votes, it divides them.
const ASKS_SHARE =
  /(?:%|\b(?:pourcentage|pour ?cent|part|taux|proportion|percent(?:age)?|per cent|share|rate)\b)/;
const SHARE_AFTER = /^\s*(?:%|pour\s?cent(?!\p{L})|percent(?!\p{L})|per\s+cent(?!\p{L}))/iu;

/** The count `question` asks for, if it asks one (`combien de passagers`). */
export function askedCount(question: string): CountAsked | undefined {
  const q = folded(question);
  const noun = COUNT_ASKED.exec(q)?.[1];
  if (noun === undefined) return undefined;
  const families = new Set(q.split(/[^\p{L}\d'-]+/u).flatMap((w) => familyOf(w) ?? []));
  // victims are the dead and the injured
  if (/^(?:victimes?|victims)$/.test(noun)) families.add("dead").add("injured");
  return { noun, families, share: ASKS_SHARE.test(q) };
}

/**
 * Whether a figure of `text` may count what `asked` counts: one whose noun (the next word or the
 * one after, `neuf nouveaux décès`) is the asked one, generic, of a family the question speaks of,
 * or of no family known (`300 voyageurs` may be the passengers). Only figures that all count a
 * known other family (`9 morts` for passengers), or are shares where a count is asked (`55 % des
 * voix` for `combien de voix`), count something else.
 */
function countsAsked(text: string, asked: CountAsked): boolean {
  const counts = findNumbers(text).filter((n) => !isAge(text, n));
  if (counts.length === 0) return true;
  return counts.some((n) => {
    if (!asked.share && (n.text.endsWith("%") || SHARE_AFTER.test(text.slice(n.start + n.text.length))))
      return false;
    const after = fold(text.slice(n.start + n.text.length, n.start + n.text.length + 40)).replace(
      /[’]/g,
      "'",
    );
    const words = after
      .replace(/^\s*(?:de |d')/, " ")
      .split(/[^\p{L}\d-]+/u)
      .filter((w) => w !== "")
      .slice(0, 2);
    if (words.some((w) => w === asked.noun || GENERIC.test(w))) return true;
    const families = words.flatMap((w) => familyOf(w) ?? []);
    return families.length === 0 || families.some((f) => asked.families.has(f) || familyOf(asked.noun) === f);
  });
}

// A decision stated as taken: a court's verbs in the past or the headline's present (`a débouté`, `a
// tranché`, `annule`, `a été relaxé`), its nouns (`la relaxe`, `un non-lieu`), `ruled`, `dismissed`.
const STATES_DECISION =
  /(?<!\p{L})(?:(?:a|ont|avait|avaient|a\s+été|ont\s+été)\s+(?:\p{L}+\s+){0,2}?(?:décidé|tranché|statué|ordonné|annulé|rejeté|débouté|validé|confirmé|condamné|relaxé|acquitté|refusé|autorisé|accordé|prononcé|infirmé|cassé|suspendu|invalidé|donné\s+(?:raison|tort)|reconnu\s+coupable)|(?:décide|tranche|ordonne|annule|rejette|déboute|valide|confirme|condamne|relaxe|acquitte|refuse|autorise|donne\s+(?:raison|tort))(?=\s)|relax[ée]e?s?|acquitt[ée]e?s?|la\s+relaxe|l['’]acquittement|non-lieu|d[ée]bout[ée]e?s?|(?:ruled|decided|ordered|rejected|dismissed|upheld|overturned|acquitted|convicted|sentenced|granted|struck\s+down)|found\s+(?:guilty|not\s+guilty))(?!\p{L})/giu;
// The decision not taken yet, asked for, or expected: `doit se prononcer`, `a demandé que le juge
// annule`, `will rule`; any of these in the clause before the verb.
const PENDING_BEFORE =
  /(?<!\p{L})(?:doi[tv]\p{L}*|devr\p{L}*|pourr\p{L}*|va|vont|requi[st]\p{L}*|demand\p{L}*|r[ée]clam\p{L}*|attend\p{L}*|esp[èe]r\p{L}*|souhait\p{L}*|will|would|could|expected|asked|seeking|sought|may|might)(?!\p{L})[^.;]{0,50}$/iu;
// The decision to go to court, not the court's: `a décidé d'attaquer son employeur aux prud'hommes`.
const TO_COURT_AFTER =
  /^\s+(?:d['’]|de\s+)(?:attaquer|saisir|porter\s+plainte|faire\s+appel|contester|poursuivre|assigner|intenter|se\s+pourvoir)/iu;

/** Whether `text` states a decision taken (./asked-detail.ts `decision`), or a penalty given. */
function givesDecision(text: string, penalty: () => boolean): boolean {
  const taken = [...text.matchAll(STATES_DECISION)].some((m) => {
    const at = m.index ?? 0;
    return (
      !PENDING_BEFORE.test(text.slice(Math.max(0, at - 70), at)) &&
      !TO_COURT_AFTER.test(text.slice(at + m[0].length))
    );
  });
  return taken || penalty();
}

/** People named in `text`, one opening it too (findPersonNames skips a first word, often a capital only). */
const peopleIn = (text: string) => findPersonNames(` ${text}`);

/**
 * A penalty given in `text`, to the question's people: not one risked or asked for, and not in a
 * sentence naming only other people (`François Fillon a été condamné à 5 ans` for a question on
 * Platini) — a sentence with no name (`il a été condamné à…`) may be about them.
 */
function givesPenalty(
  text: string,
  nameTerms: ReadonlySet<string>,
  termsOf: (s: string) => string[],
): boolean {
  const given = [...text.matchAll(STATES_PENALTY)].some((m) => {
    const at = m.index ?? 0;
    return (
      !RISKED_BEFORE.test(text.slice(Math.max(0, at - 80), at)) &&
      !RISKED_AFTER.test(text.slice(at + m[0].length))
    );
  });
  if (!given || nameTerms.size === 0) return given;
  const people = peopleIn(text);
  return people.length === 0 || people.some((n) => termsOf(n.text).some((t) => nameTerms.has(t)));
}

// What something was done with: `avec un cerceau`, `à coups de barre`, `armé d'un couteau`,
// `poignardé`, `par balle`, `with a knife`.
const STATES_OBJECT =
  /(?<!\p{L})(?:avec\s+(?:un|une|des|son|sa|ses|le|la|les|l['’]|leur|leurs)\s*\p{L}|à\s+coups?\s+de|coups?\s+de\s+(?:couteau|poing|pied|marteau|barre|b[âa]ton|cutter|feu|crosse|machette|hache|tournevis|ciseaux)|à\s+l['’]aide\s+d|au\s+moyen\s+d|arm[ée]e?s?\s+d['’]|muni[es]*\s+d['’]|(?:au|à\s+la)\s+(?:couteau|cutter|marteau|fusil|pistolet|revolver|machette|hache|barre|batte|b[âa]ton|sabre|tournevis|pierre|bouteille)|poignard\p{L}*|par\s+balles?|with\s+(?:a|an|his|her|their|the)\s+\p{L}|armed\s+with|stabbed|shot\s+(?:dead|with))/iu;

/** A source quoted for the sentence (`rapporte Le Parisien`, `selon Ouest France`): no answer. */
const ATTRIBUTION_BEFORE =
  /(?:selon|d['’]apr[èe]s|rapporte|rapport[ée]|indique|indiqu[ée]|pr[ée]cise|pr[ée]cis[ée]|r[ée]v[èe]le|r[ée]v[ée]l[ée]|annonce|annonc[ée]|informations\s+d[eu']?|according\s+to|told|reported)\s*(?:par\s+)?(?:l['’]|le\s+|la\s+|les\s+)?$/iu;
export const CALENDAR = new Set(
  "janvier fevrier mars avril mai juin juillet aout septembre octobre novembre decembre lundi mardi mercredi jeudi vendredi samedi dimanche january february march april may june july august september october november december monday tuesday wednesday thursday friday saturday sunday".split(
    " ",
  ),
);
// Countries and continents, folded: the answer to `quelle ville` is none of them.
const COUNTRIES = new Set(
  "afghanistan afrique albanie algerie allemagne amerique andorre angleterre angola arabie argentine armenie asie australie autriche azerbaidjan bahrein bangladesh belgique benin bielorussie birmanie bolivie bosnie botswana bresil bulgarie burkina burundi cambodge cameroun canada centrafrique chili chine chypre colombie comores congo coree croatie cuba danemark djibouti egypte emirats equateur erythree espagne estonie ethiopie europe finlande france gabon gambie georgie ghana grece guatemala guinee guyane haiti honduras hongrie inde indonesie irak iran irlande islande israel italie jamaique japon jordanie kazakhstan kenya kosovo koweit laos lettonie liban liberia libye lituanie luxembourg macedoine madagascar malaisie malawi mali malte maroc maurice mauritanie mexique moldavie monaco mongolie montenegro mozambique namibie nepal nicaragua niger nigeria norvege ouganda ouzbekistan pakistan palestine panama paraguay pays-bas perou philippines pologne portugal qatar roumanie royaume-uni russie rwanda salvador senegal serbie singapour slovaquie slovenie somalie soudan suede suisse syrie tadjikistan taiwan tanzanie tchad tchequie thailande togo tunisie turquie ukraine uruguay venezuela vietnam yemen zambie zimbabwe afghanistan africa albania algeria germany america argentina armenia asia australia austria belgium bolivia brazil bulgaria cambodia cameroon canada chile china colombia croatia cuba denmark egypt england europe ethiopia finland france greece hungary india indonesia iraq iran ireland israel italy japan jordan kenya korea lebanon libya mali mexico morocco netherlands nigeria norway pakistan peru philippines poland portugal qatar romania russia senegal serbia somalia spain sudan sweden switzerland syria thailand tunisia turkey ukraine venezuela vietnam yemen usa uk etats-unis etats unis britain".split(
    " ",
  ),
);

/** Whether the capitalised word at `start` opens the text or a sentence of it (no name by its capital). */
const opensSentence = (text: string, start: number) => /(?:^|[.!?:;«"“—–(]\s*)$/u.test(text.slice(0, start));

export interface Capitalised {
  readonly word: string;
  readonly start: number;
  readonly inRun: boolean;
}

/** Capitalised words that do not open a sentence, nor name a day or month, nor a quoted source. */
export function capitalisedWords(text: string): Capitalised[] {
  const words = [...text.matchAll(/\p{Lu}[\p{L}\p{M}'’-]*/gu)];
  const out: Capitalised[] = [];
  words.forEach((m, i) => {
    const start = m.index ?? 0;
    const word = m[0];
    if (opensSentence(text, start) || CALENDAR.has(fold(word))) return;
    if (ATTRIBUTION_BEFORE.test(text.slice(Math.max(0, start - 40), start))) return;
    const gap = (a: RegExpMatchArray | undefined, b: RegExpMatchArray | undefined) =>
      a !== undefined &&
      b !== undefined &&
      /^\s+(?:(?:de|du|des|d['’]|la|le)\s+)?$/u.test(text.slice((a.index ?? 0) + a[0].length, b.index));
    out.push({ word, start, inRun: gap(words[i - 1], m) || gap(m, words[i + 1]) });
  });
  return out;
}

/** Whether `word`'s index terms are all among the question's. */
export const given = (news: NewsIndex, terms: ReadonlySet<string>, word: string) => {
  const t = news.analyzer.terms(word);
  return t.length > 0 && t.every((x) => terms.has(x));
};

/** What `holdsDetail` needs of the question. */
export interface DetailQuestion {
  readonly detail?: AskedDetail;
  readonly kind: AnswerKind;
  readonly terms: ReadonlySet<string>;
  /** Index terms of the names the question gives (`trump`). */
  readonly nameTerms: ReadonlySet<string>;
  /** What a how-many question counts (detail `count`). */
  readonly countAsked?: CountAsked;
  /** The question's word groups, and which says the role whose name is asked (`piéton`, `clinique`). */
  readonly groups?: readonly (readonly string[])[];
  readonly roleGroup?: number;
}

/** Whether `text` gives the detail `q` asks (true when it asks none). */
export function holdsDetail(news: NewsIndex, q: DetailQuestion, text: string): boolean {
  switch (q.detail) {
    case undefined:
      return true;
    case "penalty":
      return givesPenalty(text, q.nameTerms, (x) => news.analyzer.terms(x));
    case "decision":
      return givesDecision(text, () => givesPenalty(text, q.nameTerms, (x) => news.analyzer.terms(x)));
    case "object":
      return STATES_OBJECT.test(text);
    case "city":
      return capitalisedWords(text).some(
        (c) => !given(news, q.terms, c.word) && !COUNTRIES.has(fold(c.word)),
      );
    case "name":
      return namedBesideRole(news, q, text);
    case "culprit":
      return newPerson(news, q, text);
    case "length":
    case "speed":
    case "area":
    case "mass":
      return STATES_MEASURE[q.detail].test(text);
    case "death":
      return statesDeathCause(text);
    case "count":
      return q.countAsked === undefined || countsAsked(text, q.countAsked);
    case "named":
      return namesSomething(news, q, text);
  }
}

/** A span of a sentence: where it starts, and its text. */
interface Span {
  readonly start: number;
  readonly text: string;
}

// People the question does not give, opening the sentence too (`Amy Dorris accuse…`): no word of
// theirs among the question's names (`Donald Trump` is the question's Trump).
const newPeople = (news: NewsIndex, q: DetailQuestion, text: string): Span[] =>
  peopleIn(text)
    .filter((n) => !news.analyzer.terms(n.text).some((t) => q.nameTerms.has(t)))
    // peopleIn reads the text after a leading space
    .map((n) => ({ start: n.start - 1, text: n.text }));
/** Whether `text` names a person the question does not give (`Amy Dorris`, not `Donald Trump` for Trump). */
export const newPerson = (news: NewsIndex, q: DetailQuestion, text: string) =>
  newPeople(news, q, text).length > 0;

/**
 * How close (in index terms) the asked role must stand to a name to be its subject or apposition
 * (`le tireur, Stephan Balliet`, `la clinique Sina Athar`, `Thierry Strauss, gérant du pressing`).
 */
const ROLE_WINDOW = 3;

/** The index terms of `text` with where each starts. */
function termsAt(news: NewsIndex, text: string): { t: string; start: number }[] {
  const terms: { t: string; start: number }[] = [];
  news.analyzer.forEachTerm(text, "fr", (t, start) => terms.push({ t, start }));
  return terms;
}

/**
 * Whether one of `spans` stands within ROLE_WINDOW index terms of a word of `role`, the question's
 * own words between them not counted (`la touriste française violée à Kampot, Marie D.`: the role's
 * description, as the question gives it).
 */
function besideRole(
  role: readonly string[],
  textTerms: readonly { t: string; start: number }[],
  spans: readonly Span[],
  questionTerms: ReadonlySet<string>,
): boolean {
  if (spans.length === 0) return false;
  const terms = textTerms.filter((x) => role.includes(x.t) || !questionTerms.has(x.t));
  return spans.some((span) => {
    const end = span.start + span.text.length;
    const from = terms.findIndex((x) => x.start >= span.start);
    const to = terms.findIndex((x) => x.start >= end);
    const first = from < 0 ? terms.length : from;
    const last = to < 0 ? terms.length : to;
    return [
      ...terms.slice(Math.max(0, first - ROLE_WINDOW), first),
      ...terms.slice(last, last + ROLE_WINDOW),
    ].some((x) => role.includes(x.t));
  });
}

// The name asked (`comment s'appelle le piéton`, `la clinique`): a new person's for a who-question,
// else a name of anything; where the sentence speaks of the asked role (`piéton`, `clinique`), the
// name stands beside it — `un piéton … a rapporté le département de la Sécurité publique` tells the
// event and names its source, not the pedestrian.
function namedBesideRole(news: NewsIndex, q: DetailQuestion, text: string): boolean {
  const spans = q.kind === "person" ? newPeople(news, q, text) : nameSpans(news, q, text, false);
  const role = q.roleGroup === undefined ? undefined : q.groups?.[q.roleGroup];
  if (role === undefined) return spans.length > 0;
  const textTerms = termsAt(news, text);
  // a sentence naming the role's holder without repeating the role may still answer — with a
  // person's name or a quoted one: its other names are where and by whom the event is told
  // (`au large de Saint-Leu`, `relayée par LCI`), which held unanswerable questions answered
  if (!textTerms.some((x) => role.includes(x.t)))
    return newPerson(news, q, text) || quotedNames(news, q, text).length > 0 || namedByCue(news, q, text);
  return besideRole(role, textTerms, spans, q.terms);
}

// `à Strasbourg`, `en Corrèze`, `près de Lyon`: where it happened, not the name asked — of a
// person or a place (`comment s'appelle la clinique`). A thing known by its name (`named`) often
// stands there: `il jouait au Dinamo`, `au Bataclan`, `chez` or `à` a company.
const PLACE_BEFORE = /(?<!\p{L})(?:à|au|aux|en|près\s+de|in|at|near)\s+$/iu;

// Names the question does not give: a capitalised word that is no ordinary French word, or one of
// a run (`Fonds de garantie` alone is an institution's words; `Amy Dorris`, `Agir ensemble` after
// `groupe`), or right after a word of the question (`le cirque Olympique`); or a quoted title.
function nameSpans(news: NewsIndex, q: DetailQuestion, text: string, afterPlaceWord = true): Span[] {
  const lexicon = frenchLexicon().words;
  const named = capitalisedWords(text).filter((c) => {
    if (given(news, q.terms, c.word)) return false;
    if (!afterPlaceWord && PLACE_BEFORE.test(text.slice(Math.max(0, c.start - 12), c.start))) return false;
    if (c.inRun || !lexicon.has(c.word.toLowerCase())) return true;
    const before = /([\p{L}\p{M}-]+)\s+$/u.exec(text.slice(Math.max(0, c.start - 30), c.start))?.[1];
    return before !== undefined && /^\p{Ll}/u.test(before) && given(news, q.terms, before);
  });
  const quoted = quotedNames(news, q, text);
  return [
    ...named.map((c) => ({ start: c.start, text: c.word })),
    ...quoted.map((m) => ({ start: m.index ?? 0, text: m[0] })),
  ];
}
// A name given as one: `au doux nom de K9`, `baptisé Scar`, `surnommée Lily Paname`, `un chien appelé
// Max`, `named Ted`. Not `appelé` or `nommé` after an auxiliary, where they mean phoned or appointed
// (`a appelé Macron`, `a été nommé Premier ministre`), nor `called` after `has`, `had`.
const NAMING_CUE =
  /(?<!\p{L})(?:nom\s+d['’]|nom\s+de|baptis[ée]e?s?|surnomm[ée]e?s?|pr[ée]nomm[ée]e?s?|(?<!(?<!\p{L})(?:a|ont|avait|avaient|aura|été|est|sont|sera|seront|était|étaient|has|have|had)\s+)(?:appel[ée]e?s?|nomm[ée]e?s?|called)|named|dubbed|nicknamed)\s+[«"“]?\s*(\p{Lu}[\p{L}\p{N}'’-]*)/gu;
/** Whether `text` gives a name the question does not, right after a naming cue. */
const namedByCue = (news: NewsIndex, q: DetailQuestion, text: string) =>
  [...text.matchAll(NAMING_CUE)].some((m) => !given(news, q.terms, m[1] ?? ""));
/** Quoted titles the question does not give (`le "zoulou blanc"`, `« Comme j'aime »`). */
const quotedNames = (news: NewsIndex, q: DetailQuestion, text: string) =>
  [...text.matchAll(/[«“"]\s*([^«»“”"]{2,60}?)\s*[»”"]/gu)].filter((m) => !given(news, q.terms, m[1] ?? ""));
const namesSomething = (news: NewsIndex, q: DetailQuestion, text: string) =>
  nameSpans(news, q, text).length > 0;
