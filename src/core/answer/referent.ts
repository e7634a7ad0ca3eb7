// Who a quote's opening pronoun stands for. A quote opening on `Il a loué…` or `She said…` reads
// as a riddle once taken out of its article; the person is named from the sentences before it
// (or the title): `[Hayashi Yoshimasa] a loué…`. Only when sure: the nearest sentence naming
// people must name exactly one of the pronoun's number, with a gender the article states (a
// civility, `le`/`la` before the role) matching the pronoun's; else the pronoun stays.
import { findPeople, nameKey, type PersonMention } from "../entities/index.ts";

export interface Referent {
  /** The quote, its opening pronoun replaced by `[Name]` when the referent is sure. */
  readonly text: string;
  /** The name put in, when one was. */
  readonly referent?: string;
  /** How far positions after the pronoun moved (`text.length - quote.length`). */
  readonly shift: number;
}

type Gender = "m" | "f";
interface Pronoun {
  readonly word: string;
  readonly plural: boolean;
  readonly gender?: Gender;
}

const PRONOUNS: Record<string, Omit<Pronoun, "word">> = {
  il: { plural: false, gender: "m" },
  elle: { plural: false, gender: "f" },
  ils: { plural: true },
  elles: { plural: true, gender: "f" },
  he: { plural: false, gender: "m" },
  she: { plural: false, gender: "f" },
  they: { plural: true },
};
const OPENING_PRONOUN = /^(Il|Elle|Ils|Elles|He|She|They)(?=\s|['’])/u;
/** `Il y a`, `Il faut`, `Il est possible de`: an impersonal `il` stands for nobody. */
const IMPERSONAL =
  /^Il\s+(?:ne\s+|n['’])?(?:y\s|faut|fallait|faudra|faudrait|s['’]agit|s['’]agissait|semble|semblait|reste|restait|existe|suffit|manque|vaut|importe|convient|paraît|parait|arrive|pleut|(?:est|était|sera|serait)\s+(?:\p{L}+\s+){0,2}?(?:de|d['’]|que|qu['’]|pour)\s)/u;
/** A civility names a person's gender: `M. Philippe`, `Mme Merkel`. */
const CIVILITY =
  /(?<![\p{L}])(M\.|Mr\.?|Monsieur|Mme|Mrs\.?|Ms\.?|Madame|Mlle)\s+((?:\p{Lu}[\p{L}'’-]+\s?)+)/gu;
const FEMININE_CIVILITY = /^(?:Mme|Mrs\.?|Ms\.?|Madame|Mlle)$/u;
/** `la ministre X`, `le président X`: the determiner before the role gives the gender. */
// (not `du`, `au`: `la femme du journaliste, Nathalie X` is the woman)
const DETERMINER_BEFORE = /(?:^|[\s,'’])(le|la|un|une)\s+$/iu;
const NAME_RUN = /(?<![\p{L}])\p{Lu}\p{Ll}+(?:[ -]\p{Lu}\p{Ll}+)+(?![\p{L}])/gu;
/** How far back the referent is looked for, in sentences. */
const LOOK_BACK = 3;

interface Person {
  readonly name: string;
  readonly key: string;
  readonly gender?: Gender;
  /** Where the sentence names the person, and the role it gives before the name. */
  readonly start: number;
  readonly role?: string;
}

/**
 * `quote` with its opening pronoun replaced by the person it stands for, when sure. `before` holds
 * the article's sentences before the quote, in article order; `title` is read last.
 */
export function nameReferent(quote: string, before: readonly string[], title = ""): Referent {
  const unchanged: Referent = { text: quote, shift: 0 };
  const m = OPENING_PRONOUN.exec(quote);
  if (!m || IMPERSONAL.test(quote)) return unchanged;
  const word = m[1] as string;
  const pronoun: Pronoun = { word, ...(PRONOUNS[word.toLowerCase()] as Omit<Pronoun, "word">) };
  const context = [title, ...before].filter((s) => s.length > 0);
  const genders = gendersOf(context);
  const recent = [...before].reverse().slice(0, LOOK_BACK);
  if (recent.length === 0 && title) recent.push(title);
  for (const sentence of recent) {
    const people = peopleIn(sentence, context.join(" "), genders);
    if (people.length === 0) {
      // a sentence opening on the same pronoun carries the chain back; anything else may be the referent
      if (OPENING_PRONOUN.exec(sentence)?.[1]?.toLowerCase() === word.toLowerCase()) continue;
      return unchanged;
    }
    const name = pick(people, pronoun, sentence, quote);
    if (!name) return unchanged;
    const text = `[${name}]${quote.slice(word.length)}`;
    return { text, referent: name, shift: text.length - quote.length };
  }
  return unchanged;
}

/** The name for `pronoun` among the people of one sentence, or undefined when not sure. */
function pick(
  people: readonly Person[],
  pronoun: Pronoun,
  sentence: string,
  quote: string,
): string | undefined {
  if (!pronoun.plural) {
    if (people.length !== 1) return undefined;
    const [p] = people as [Person];
    if (p.gender === undefined || p.gender !== pronoun.gender) return undefined;
    if (!subjectLike(p, sentence, pronoun, quote)) return undefined;
    return p.name;
  }
  if (people.length !== 2) return undefined;
  const [a, b] = people as [Person, Person];
  // `X et Y`, `X et la chancelière Y`: the two joined as one subject
  const joined = new RegExp(
    `${escapeRe(a.name)}\\s+(et|and)\\s+(?:[^\\s,.;:]+\\s+){0,5}?${escapeRe(b.name)}`,
    "u",
  ).exec(sentence);
  if (!joined) return undefined;
  if (pronoun.gender === "f" && (a.gender !== "f" || b.gender !== "f")) return undefined;
  return `${a.name} ${joined[1]} ${b.name}`;
}

/** Stems of verbs of saying (`a ajouté`, `estime`, `said`): a speaker goes on speaking. */
const SPEECH =
  "(?:déclar|affirm|soulign|estim|expliqu|indiqu|annonc|précis|ajout|rappel|assur|confi|répond|réag|insist|confirm|reconn|dénonc|regrett|poursui|conclu|répét|martel|racont|témoign|déplor|fustig|dément|révél|plaid|suggér|avert|préci|commen|observ|résum|lâch|gliss|tranch|argu|jug|dit|dis|écri|say|said|told|add|stress|explain|not|warn|insist)";
const SPEAKER_BEFORE = new RegExp(
  `(?:${SPEECH}\\p{L}*(?:-t-(?:il|elle))?|selon|d['’]après|according to)\\s+[^.;:!?"«»]{0,90}$`,
  "iu",
);
const SPEECH_QUOTE = new RegExp(
  `^\\p{L}+\\s+(?:(?:a|avait|ont|n['’]a|ne|has|had)\\s+)?(?:(?:aussi|également|encore|ensuite|toutefois|notamment|pourtant|alors|enfin|par ailleurs|also|then)\\s+)?${SPEECH}`,
  "iu",
);
const PREPOSITIONS = new Set(
  "de du des d à au aux contre par avec pour sur chez entre envers vers sans sous of by with for against to from".split(
    " ",
  ),
);

/**
 * Whether the one person a sentence names is what the pronoun continues: not a complement
 * (`contre le régime de Robert Mugabe`), not after the pronoun already used in that sentence
 * (`il fut partisan de X`), and a speaker (`, assure M. Facon`) only when the quote goes on
 * speaking (`Il a ajouté…`).
 */
function subjectLike(p: Person, sentence: string, pronoun: Pronoun, quote: string): boolean {
  const head = sentence.slice(0, p.start);
  const roleAt = p.role ? head.lastIndexOf(p.role) : -1;
  const lead = (roleAt >= 0 ? head.slice(0, roleAt) : head).split(/[,;:(«"“]/).pop() ?? "";
  const lastWords = lead
    .trim()
    .split(/\s+/)
    .slice(-3)
    .map((w) =>
      w
        .toLowerCase()
        .replace(/['’]$/, "")
        .replace(/^[ld]['’]/, ""),
    );
  if (lastWords.some((w) => PREPOSITIONS.has(w))) return false;
  if (new RegExp(`(?:^|[\\s,;:(])${pronoun.word}(?=\\s)`, "iu").test(head)) return false;
  if (SPEAKER_BEFORE.test(head) && !SPEECH_QUOTE.test(quote)) return false;
  return true;
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const surname = (key: string) => key.split(" ").pop() ?? key;

/** Distinct people of a sentence, full names first found; `M. Philippe` joins `Edouard Philippe`. */
function peopleIn(sentence: string, context: string, genders: ReadonlyMap<string, Gender | null>): Person[] {
  const out = new Map<string, Person>();
  const add = (name: string, key: string, start: number, stated?: Gender, role?: string) => {
    if (out.has(key)) return;
    const g = stated ?? (genders.has(key) ? genders.get(key) : genders.get(surname(key)));
    out.set(key, { name, key, start, ...(g ? { gender: g } : {}), ...(role ? { role } : {}) });
  };
  const found: PersonMention[] = findPeople(sentence, context);
  for (const p of found) add(p.name, p.key, p.start, undefined, p.role);
  const taken: [number, number][] = found.map((p) => [p.start, p.end]);
  for (const c of sentence.matchAll(CIVILITY)) {
    taken.push([c.index, c.index + c[0].length]);
    const key = nameKey((c[2] ?? "").trim());
    if (found.some((p) => p.key === key || surname(p.key) === surname(key))) continue;
    // the civility written here says the gender (`Mme Chirac` is not `Jacques Chirac`)
    const stated: Gender = FEMININE_CIVILITY.test(c[1] ?? "") ? "f" : "m";
    const full = fullNameIn(context, key);
    add(full ?? (c[2] ?? "").trim(), full ? nameKey(full) : key, c.index, stated);
  }
  // a name the article gives a civility or a gendered role elsewhere is a person here too
  for (const run of sentence.matchAll(NAME_RUN)) {
    const [a, b] = [run.index, run.index + run[0].length];
    if (taken.some(([x, y]) => a < y && x < b)) continue;
    const key = nameKey(run[0]);
    if (genders.has(key) || genders.has(surname(key))) add(run[0], key, run.index);
  }
  return [...out.values()];
}

/** A full name the article writes for a surname given with a civility, when it writes exactly one. */
function fullNameIn(context: string, surnameKey: string): string | undefined {
  const names = new Set(
    findPeople(context)
      .filter((p) => p.key !== surnameKey && surname(p.key) === surname(surnameKey))
      .map((p) => p.name),
  );
  return names.size === 1 ? [...names][0] : undefined;
}

/**
 * The gender the article states for each person (full-name key and surname key): a civility, or
 * the determiner before the role in front of the name. A person given both is left out (null).
 */
function gendersOf(context: readonly string[]): Map<string, Gender | null> {
  const out = new Map<string, Gender | null>();
  const note = (key: string, g: Gender) => {
    for (const k of [key, surname(key)]) {
      const had = out.get(k);
      out.set(k, had === undefined || had === g ? g : null);
    }
  };
  for (const sentence of context) {
    for (const c of sentence.matchAll(CIVILITY))
      note(nameKey((c[2] ?? "").trim()), FEMININE_CIVILITY.test(c[1] ?? "") ? "f" : "m");
    for (const p of findPeople(sentence)) {
      if (!p.role) continue;
      const at = sentence.lastIndexOf(p.role, p.start);
      const det = at >= 0 ? DETERMINER_BEFORE.exec(sentence.slice(0, at))?.[1]?.toLowerCase() : undefined;
      if (det) note(p.key, det === "la" || det === "une" ? "f" : "m");
    }
  }
  return out;
}
