// English inflections read back to their base forms, for lookups keyed by a word's base form (the
// English → French glossary lists `replace`, and a question writes `replaced`, `replacing`,
// `replaces`). Rules, not a dictionary: each returns a candidate, and only a candidate the caller
// knows (a glossary key) is used, so a wrong guess (`evening` → `even`) costs only when that guess
// is itself a key.

/** Verbs in `-ee`, whose past ends in `-eed` (`agreed`); any other `-eed` is a word of its own (`need`, `speed`). */
export const EE_VERBS: ReadonlySet<string> = new Set([
  "agree",
  "disagree",
  "free",
  "guarantee",
  "decree",
  "referee",
  "oversee",
  "foresee",
]);

// the stem of `stopped`, `running`: a doubled final consonant
const DOUBLED = /([b-df-hj-np-tv-z])\1$/;

/** A possible base form, and whether it was read from a verb's ending (`-ed`, `-ing`). */
export interface EnglishBase {
  readonly base: string;
  readonly verb: boolean;
}

// `-es` is the plural or third person only after a sibilant or `o` (`crashes`, `boxes`, `goes`):
// `Landes`, `rates` are not `land`, `rat`
const ES_ENDING = /(?:ch|sh|ss|x|z|o)es$/;

/**
 * Possible base forms of an inflected English word (lower case), most likely first: the singular
 * or base of `-s`/`-es`/`-ies`, the base of a regular past (`-d`, `-ed`, `-ied`, doubled consonant)
 * and of an `-ing` form (`dying` → `die`). Candidates shorter than three letters are left out.
 */
export function englishBaseForms(word: string): EnglishBase[] {
  const out: EnglishBase[] = [];
  const add = (base: string, verb: boolean) => {
    if (base.length >= 3 && base !== word && !out.some((x) => x.base === base)) out.push({ base, verb });
  };
  const doubled = (stem: string) => {
    if (DOUBLED.test(stem)) add(stem.slice(0, -1), true);
  };
  if (word.endsWith("ies")) add(`${word.slice(0, -3)}y`, false);
  if (word.endsWith("s") && !word.endsWith("ss")) add(word.slice(0, -1), false);
  if (ES_ENDING.test(word)) add(word.slice(0, -2), false);
  if (word.endsWith("ied")) add(`${word.slice(0, -3)}y`, true);
  else if (word.endsWith("eed")) {
    if (EE_VERBS.has(word.slice(0, -1))) add(word.slice(0, -1), true);
  } else if (word.endsWith("ed")) {
    add(word.slice(0, -1), true);
    add(word.slice(0, -2), true);
    doubled(word.slice(0, -2));
  }
  if (word.endsWith("ying")) add(`${word.slice(0, -4)}ie`, true);
  if (word.endsWith("ing")) {
    const stem = word.slice(0, -3);
    add(stem, true);
    add(`${stem}e`, true);
    doubled(stem);
  }
  return out;
}
