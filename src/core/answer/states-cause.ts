// Whether a sentence states a cause: what `pourquoi` / `why` questions and a death's cause
// (`de quoi est-il mort ?`) ask. A death told without one (`est morte paisiblement`, `des suites
// d'une longue maladie`) states none.

// An illness named in apposition (`une longue maladie, un cancer`): not a time told after the comma
// (`une longue maladie, un an après son mari`), which names nothing.
const APPOSITION = String.raw`\s*[,:(—–-]\s*(?:un|une|d['’]une?)\s+(?!(?:ans?|années?|mois|jours?|semaines?|heures?)(?!\p{L}))\p{L}`;
// What a death's own words say it was of: `des suites de`, `a succombé à`, `emporté par`, `victime
// d'`, `died of`, an illness named in apposition (both causes below read them).
const DEATH_VERBS = String.raw`des\s+suites|succomb\p{L}*|succumb\p{L}*|emport[ée]e?s?\s+par|victimes?\s+d|died\s+(?:of|from)|(?:maladie|illness)${APPOSITION}`;
/**
 * How a sentence states a cause: `des suites d'un cancer`, `mort d'une crise cardiaque`, `à cause
 * de`, `provoqué par`, `because of`. A death told without one (`est morte paisiblement`) answers no
 * `de quoi`.
 */
const STATES_CAUSE = new RegExp(
  String.raw`(?<!\p{L})(?:${DEATH_VERBS}|suite\s+à|à\s+cause|en\s+raison|faute\s+d|parce\s+qu|provoqu[ée]e?s?\s+par|caus[ée]e?s?\s+par|d[ûu]e?s?\s+(?:à|aux?)|li[ée]e?s?\s+(?:à|aux?)|atteinte?s?\s+d|souffr\p{L}*\s+d|because|caused\s+by|due\s+to|killed\s+(?:in|by)|cause\s+of)`,
  "iu",
);
/**
 * `des suites d'une longue maladie`, `after a long illness`: the usual way of not naming the cause,
 * which answers no `de quelle maladie` — unless an apposition names it right after (`des suites
 * d'une longue maladie, un cancer`), which states the cause.
 */
const UNNAMED_ILLNESS = new RegExp(
  String.raw`(?:des\s+suites\s+d['’]une|apr[èe]s\s+une|d['’]une|after\s+(?:a\s+)?)\s*(?:longue|courte|grave|long|short|brief)\s+(?:maladie|illness)(?!${APPOSITION})`,
  "giu",
);
// `mort d'un cancer`, `décédée des suites`, `morte de froid`; not `la mort de Steve` (a death's noun,
// a person): case matters, so apart
const DIED_OF =
  /(?<!(?:[Ll]a|[Ss]a|[Ll]eur)\s)(?<!\p{L})(?:mort|morte|morts|d[ée]c[ée]d[ée]e?s?|meurt|emport[ée]e?)\s+(?:d['’]|des\s|du\s|de\s)(?=\p{Ll})/u;

/** Whether `text` states a cause (an unnamed illness, `une longue maladie`, is none). */
export const statesCause = (text: string): boolean => {
  const told = text.replace(UNNAMED_ILLNESS, " ");
  return STATES_CAUSE.test(told) || DIED_OF.test(told);
};

/**
 * How a death's cause is told: the death's own words (DEATH_VERBS), or the usual causes named (`un
 * cancer`, `une crise cardiaque`, `une overdose`). The causes of anything (`en raison de`, `à cause
 * de`) are left out: beside a death they as often tell why someone was called or went somewhere
 * (`appelés en raison d'inquiétudes`).
 */
const DEATH_CAUSE = new RegExp(
  String.raw`(?<!\p{L})(?:${DEATH_VERBS}|cause\s+(?:of\s+(?:his|her|their|the)\s+)?death|cause\s+(?:de\s+(?:sa|la|leur)\s+mort|du\s+d[ée]c[èe]s)|mort\s+(?:naturelle|subite)|overdose|surdose|crise\s+cardiaque|arr[êe]t\s+cardiaque|malaise\s+cardiaque|infarctus|AVC|accident\s+vasculaire|cancers?|leuc[ée]mie|tumeur|pneumonie|h[ée]morragie|septic[ée]mie|covid(?:-19)?|coronavirus|sida|suicid\p{L}*|noy[ée]\p{L}*|heart\s+attack|cardiac\s+arrest|stroke|pneumonia|maladie\s+(?:de|d['’])\s*\p{Lu})`,
  "iu",
);

/** Whether `text` tells what a death was of (`de quoi est-il mort ?`). */
export const statesDeathCause = (text: string): boolean => {
  const told = text.replace(UNNAMED_ILLNESS, " ");
  return DEATH_CAUSE.test(told) || DIED_OF.test(told);
};
