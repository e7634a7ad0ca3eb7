// Aliases the corpus itself teaches, so a question's words meet the article's: an acronym and the
// name it stands for, written together by the articles (`Banque centrale européenne (BCE)`,
// `BCE (Banque centrale européenne)`), and a surname used alone (`Macron`) and the full name of
// the person the corpus gives it to (`Emmanuel Macron`) — only when one name clearly dominates:
// an ambiguous acronym or surname expands to nothing. Learned in one pass of cheap scans (the
// 34k-article archive in well under 3 s, see bench/aliases-bench.ts).
import { fold } from "../text/fold.ts";

export interface AliasTable {
  /**
   * The folded words a folded term (or phrase, words separated by one space) also goes by, never
   * the term's own: `bce` → `banque centrale europeenne`'s words, `banque centrale europeenne` →
   * `bce`, `macron` → `emmanuel`. Empty when the corpus teaches nothing sure.
   */
  expand(foldedTerm: string): readonly string[];
  /**
   * The alias words of a question's folded words: every run of up to 8 words that has an alias
   * (longest first, runs not overlapping), its words added once; words already there are skipped.
   */
  expandWords(foldedWords: readonly string[]): string[];
  /** Number of terms with an alias. */
  readonly size: number;
  /** Every term and its alias words (for inspection and benchmarks). */
  entries(): IterableIterator<[string, readonly string[]]>;
}

export interface AliasOptions {
  /** Share of a term's uses the dominant name must have. Default 0.75. */
  readonly dominance?: number;
  /** Least number of times the pair must be written. Default 2 for acronyms, 3 for people. */
  readonly minAcronymCount?: number;
  readonly minPersonCount?: number;
}

/** Words an acronym's letters skip (`Organisation des Nations unies` → ONU). */
const FUNCTION_WORDS = new Set(
  "de du des d la le les l et à a au aux en sur pour par of the and for on in to un une".split(" "),
);
const words = (folded: string) => folded.split(/[^a-z0-9]+/).filter((w) => w.length > 0);
const contentWords = (folded: string) => words(folded).filter((w) => !FUNCTION_WORDS.has(w));

/** Tallies of what a key was written with. */
class Tally {
  private readonly counts = new Map<string, Map<string, number>>();
  add(key: string, value: string): void {
    let m = this.counts.get(key);
    if (!m) {
      m = new Map();
      this.counts.set(key, m);
    }
    m.set(value, (m.get(value) ?? 0) + 1);
  }
  has(key: string): boolean {
    return this.counts.has(key);
  }
  /** key → the value holding at least `share` of its tallies, seen at least `min` times. */
  *dominant(share: number, min: number): IterableIterator<[string, string]> {
    for (const [key, values] of this.counts) {
      let total = 0;
      let best = "";
      let bestN = 0;
      for (const [v, n] of values) {
        total += n;
        if (n > bestN) {
          best = v;
          bestN = n;
        }
      }
      if (bestN >= min && bestN / total >= share) yield [key, best];
    }
  }
}

/** Learn the aliases of a corpus. */
export function learnAliases(
  articles: readonly { title: string; body: string }[],
  options: AliasOptions = {},
): AliasTable {
  const share = options.dominance ?? 0.75;
  const acronyms = new Tally();
  const surnames = new Set<string>();
  for (const a of articles) {
    findAcronyms(a.title, acronyms);
    findAcronyms(a.body, acronyms);
    findCivilitySurnames(a.body, surnames);
  }
  const people = new Tally();
  for (const a of articles) findFullNames(a.body, surnames, people);

  const table = new Map<string, string[]>();
  const put = (key: string, alias: readonly string[]) => {
    const own = new Set(words(key));
    const add = alias.filter((w) => !own.has(w));
    if (add.length === 0 || table.has(key)) return;
    table.set(key, add);
  };
  const byPhrase = new Tally();
  for (const [acr, phrase] of acronyms.dominant(share, options.minAcronymCount ?? 2)) {
    put(acr, contentWords(phrase));
    byPhrase.add(phrase, acr);
  }
  for (const [phrase, acr] of byPhrase.dominant(share, 1)) put(phrase, [acr]);
  const named = [...people.dominant(share, options.minPersonCount ?? 3)];
  const nameWords = (surname: string) => words(surname).filter((w) => !PARTICLES.has(w));
  const common = commonWords(articles, new Set(named.flatMap(([surname]) => nameWords(surname))));
  for (const [surname, given] of named) {
    const parts = words(surname);
    // `Poisson`, `Blanc`: a surname that is also a common word would pull the person into
    // questions about fish or colours
    if (nameWords(surname).some((p) => common.has(p))) continue;
    put(surname, words(given));
    // `le drian` is also met as `drian`
    const last = parts[parts.length - 1];
    if (parts.length > 1 && last && !FUNCTION_WORDS.has(last) && !people.has(last)) put(last, words(given));
  }
  const expand = (term: string) => table.get(fold(term.trim()).replace(/\s+/g, " ")) ?? [];
  return {
    expand,
    expandWords: (foldedWords) => expandRuns(foldedWords, expand),
    size: table.size,
    entries: () => table.entries(),
  };
}

function expandRuns(foldedWords: readonly string[], expand: (term: string) => readonly string[]): string[] {
  const have = new Set(foldedWords);
  const out: string[] = [];
  for (let i = 0; i < foldedWords.length; ) {
    let step = 1;
    for (let n = Math.min(8, foldedWords.length - i); n >= 1; n--) {
      const alias = expand(foldedWords.slice(i, i + n).join(" "));
      if (alias.length === 0) continue;
      for (const w of alias)
        if (!have.has(w)) {
          have.add(w);
          out.push(w);
        }
      step = n;
      break;
    }
    i += step;
  }
  return out;
}

/** Articles enough to tell a surname from a common word: a larger corpus is sampled evenly. */
const COMMON_WORD_SAMPLE = 4000;

/**
 * The candidate words written in lower case mid-sentence at least half as often as capitalised,
 * on a sample of the articles: those are common words (`poisson`), not only names.
 */
function commonWords(articles: readonly { body: string }[], candidates: ReadonlySet<string>): Set<string> {
  const lower = new Map<string, number>();
  const upper = new Map<string, number>();
  const stride = Math.max(1, Math.floor(articles.length / COMMON_WORD_SAMPLE));
  // folding keeps the length of plain Latin words; `œ` → `oe` is the exception worth losing
  const lengths = new Set([...candidates].map((c) => c.length));
  for (let i = 0; i < articles.length; i += stride) {
    const body = (articles[i] as { body: string }).body;
    const re = /[A-Za-zÀ-ÖØ-öø-ÿ]+/g;
    for (let m = re.exec(body); m !== null; m = re.exec(body)) {
      const w = m[0];
      if (!lengths.has(w.length)) continue; // most words: no fold, no lookup
      const key = fold(w);
      if (!candidates.has(key)) continue;
      const counts = w.charCodeAt(0) < 0x61 || /^[À-Ý]/.test(w) ? upper : lower;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  }
  const out = new Set<string>();
  for (const [w, n] of lower) if (n >= 2 && n >= (upper.get(w) ?? 0) / 2) out.add(w);
  return out;
}

// --- acronyms --------------------------------------------------------------------------------

/** An acronym as written: a capital, then capitals, digits or `&` (lower-case inside: `MoDem`). */
const ACRONYM = /^[A-ZÀ-Ý][A-Za-zÀ-ÿ0-9&]{1,9}$/;
const capitals = (acr: string) => acr.replace(/[^A-ZÀ-Ý0-9&]/g, "");

/** Each `(` of the text: `Full Name (ACR)` or `ACR (Full Name)`. */
function findAcronyms(text: string, out: Tally): void {
  for (let open = text.indexOf("("); open >= 0; open = text.indexOf("(", open + 1)) {
    const close = text.indexOf(")", open);
    if (close < 0) return;
    if (close - open > 121) continue;
    const inside = text.slice(open + 1, close).trim();
    if (ACRONYM.test(inside)) {
      const letters = capitals(inside);
      if (letters.length < 2 || letters.length !== inside.replace(/[^A-Za-zÀ-ÿ0-9&]/g, "").length) {
        if (!/^[A-Z][a-z]?[A-Z]/.test(inside)) continue; // `MoDem`, `PdG`, not `Paris`
      }
      const before = text.slice(Math.max(0, open - 150), open);
      const phrase = nameBefore(before, letters);
      if (phrase) out.add(fold(inside), fold(phrase));
      continue;
    }
    // `BCE (Banque centrale européenne)`
    const m = /(?:^|[\s'’])([A-ZÀ-Ý][A-Za-zÀ-ÿ0-9&]{1,9})\s*$/.exec(text.slice(Math.max(0, open - 12), open));
    const acr = m?.[1];
    if (
      acr &&
      capitals(acr).length >= 2 &&
      capitals(acr).length === acr.replace(/[^A-Za-zÀ-ÿ0-9&]/g, "").length
    ) {
      const tokens = inside.split(/\s+/);
      if (initialsMatch(tokens, 0, tokens.length, capitals(acr))) out.add(fold(acr), fold(inside));
    }
  }
}

/** The words just before `(` whose initials spell `letters` (function words skipped), if any. */
function nameBefore(before: string, letters: string): string | undefined {
  const tokens = before.trimEnd().split(/\s+/);
  // the name ends right before the bracket; try the shortest start that spells the letters
  for (let start = tokens.length - 1; start >= Math.max(0, tokens.length - 12); start--) {
    const first = tokens[start] ?? "";
    if (/[.,;:!?"«»]$/.test(first)) return undefined; // a name does not cross punctuation
    if (FUNCTION_WORDS.has(fold(first).replace(/['’]$/, ""))) continue;
    if (initialsMatch(tokens, start, tokens.length, letters))
      return tokens
        .slice(start)
        .join(" ")
        .replace(/^[ldLD]['’]/, ""); // `l'Association des…`
  }
  return undefined;
}

/** Whether tokens[from, to) spell `letters` by initials (hyphenated parts may give one each). */
function initialsMatch(tokens: readonly string[], from: number, to: number, letters: string): boolean {
  const want = fold(letters);
  const go = (i: number, j: number): boolean => {
    if (j === want.length) return tokens.slice(i, to).every((t) => FUNCTION_WORDS.has(bare(t)));
    if (i >= to) return false;
    const t = tokens[i] as string;
    const b = bare(t);
    if (b.length === 0) return false;
    if (FUNCTION_WORDS.has(b) && go(i + 1, j)) return true;
    const parts = b.split("-").filter((p) => p.length > 0);
    if (parts.length > 1) {
      const initials = parts.map((p) => p[0]).join("");
      if (want.startsWith(initials, j) && go(i + 1, j + initials.length)) return true;
    }
    return b[0] === want[j] && go(i + 1, j + 1);
  };
  return go(from, 0);
}
const bare = (t: string) => fold(t.replace(/^[«"“(]+|[»"”),.;:]+$/g, "").replace(/^[ldLD]['’]/, ""));

// --- people ----------------------------------------------------------------------------------

const UP = "A-ZÀ-ÖØ-Ý";
const LOW = "a-zà-öø-ÿ";
const PARTICLE = "(?:de|du|d'|van|von|der|den|del|della|da|di|dos|bin|ben|al|el|le|la) ?";
const PARTICLES = new Set("de du d van von der den del della da di dos bin ben al el le la".split(" "));
const CAP_WORD = `[${UP}][${LOW}'’]+(?:-[${UP}][${LOW}'’]+)?`;
/** `M. Macron`, `Mme Le Pen`, `M. de Rugy`, `Mr Johnson`: a surname the corpus gives a person. */
const CIVILITY = new RegExp(
  `(?:M\\.|Mme|Mlle|Mr\\.?|Mrs\\.?|Ms\\.?) ((?:${PARTICLE})?${CAP_WORD}(?: ${CAP_WORD})?)`,
  "g",
);
/** A run of two to four capitalised words (particles inside): a candidate full name. */
const NAME_RUN = new RegExp(`${CAP_WORD}(?: (?:${PARTICLE})?${CAP_WORD}){1,3}`, "g");

const GIVEN_NAME = new RegExp(`^${CAP_WORD}$`);

function findCivilitySurnames(text: string, out: Set<string>): void {
  CIVILITY.lastIndex = 0;
  for (let m = CIVILITY.exec(text); m !== null; m = CIVILITY.exec(text)) {
    const name = m[1] as string;
    out.add(fold(name));
    // `M. Philippe Martinez` is a full name: the last word alone is the surname too
    const last = name.split(" ").pop() as string;
    if (last !== name) out.add(fold(last));
  }
}

/**
 * Full names ending on a known surname, written mid-sentence (after a lower-case word or a
 * comma), so a capitalised sentence opener (`Selon`, `Pour`) is never taken for a given name.
 */
function findFullNames(text: string, surnames: ReadonlySet<string>, out: Tally): void {
  NAME_RUN.lastIndex = 0;
  for (let m = NAME_RUN.exec(text); m !== null; m = NAME_RUN.exec(text)) {
    const at = m.index;
    if (at < 2 || text.charCodeAt(at - 1) !== 32 || !/[a-zà-ÿ,]/.test(text.charAt(at - 2))) continue;
    const tokens = (m[0] as string).split(" ");
    // the longest known surname, and the one given name right before it (`la Santé Olivier Véran`
    // gives `Olivier`; a particle is no given name: `Le Pen` alone is not `Pen`)
    for (let s = 1; s < tokens.length; s++) {
      const surname = fold(tokens.slice(s).join(" "));
      if (!surnames.has(surname)) continue;
      const given = tokens[s - 1] as string;
      if (GIVEN_NAME.test(given) && !PARTICLES.has(given.toLowerCase())) out.add(surname, fold(given));
      break;
    }
  }
}
