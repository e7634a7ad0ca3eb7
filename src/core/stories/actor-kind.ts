// What kind of actor a name is — a person, a place or an organisation (a party, a company, a
// brand, an institution) — read from how the archive itself writes it, not from a list: French
// puts a place after `à` / `en` (`à Alep`, `en Syrie`), an organisation after an article (`l'ONU`,
// `la SNCF`, `le PSG`), and a person after a civility or a first name (`M. Sarkozy`, `Karine Le
// Marchand`) — a first name being itself learned as a capitalised word that, in the archive, is
// almost always followed by another one and never read as a place or an organisation. The counts
// are taken once per index over every article's title and opening, at first use.
//
// Why: two title actors that differ and do not name each other are two stories when they are two
// people (two programmes, a reply and a gift), not when one is where the other acts (Mélenchon in
// Nantes) or an institution it meets at (bombs on Aleppo, a meeting at the UN). See cluster.ts
// ClusterParams.refuseApart.
import type { NewsIndex } from "../search/news-index.ts";

export type ActorKind = "person" | "place" | "organisation" | "unknown";

export interface ActorKinds {
  /** The kind of a name (a capitalised run such as `Karine Le Marchand`), judged by its last word. */
  kindOf(name: string): ActorKind;
  /** The counts behind a word's kind (lower case), for reading. */
  evidence(word: string): { person: number; place: number; organisation: number } | undefined;
}

/** Characters of each article's body read (its opening: the lead and a few paragraphs). */
const BODY_CHARS = 1500;
/** Fewest cue occurrences a word needs before its kind is judged (fewer: unknown). */
const MIN_EVIDENCE = 3;
/** Share of a word's cues one kind needs to be its kind. */
const MIN_SHARE = 0.6;
/** A first name: at the head of a run of capitalised words in this share of its occurrences. */
const FIRST_NAME_SHARE = 0.8;
const FIRST_NAME_MIN = 5;

const TOKEN = /[\p{L}\p{M}\p{N}][\p{L}\p{M}\p{N}'’.-]*|[^\s]/gu;
const CAPITALISED = /^[\p{Lu}][\p{L}\p{M}'’-]*$/u;
/** Words before a place (`à Alep`, `en Syrie`, `au Mali` is an article and counts below). */
const PLACE_CUES = new Set(["à", "en"]);
/** Articles before an organisation or a country (`la SNCF`, `l'ONU`, `du PS`). */
const ARTICLE_CUES = new Set(["le", "la", "les", "l'", "l’", "du", "des", "au", "aux"]);
/** Civilities before a person. */
const PERSON_CUES = new Set(["m.", "mme", "mlle", "dr", "me", "mgr"]);
/** Particles inside a name (`Le Marchand`, `de Gaulle`) — never a name's last word on their own. */
const PARTICLES = new Set(["de", "du", "des", "la", "le", "von", "van", "di", "da", "bin", "al", "el"]);

/** A name's words without its particles (`Karine Le Marchand` → Karine, Marchand). */
const nameWords = (words: readonly string[]) => {
  const kept = words.filter((w) => !PARTICLES.has(w.toLowerCase()));
  return kept.length > 0 ? kept : [...words];
};

interface Counts {
  person: number;
  place: number;
  organisation: number;
}

interface Run {
  readonly words: string[];
  /** The token before the run (lower case, an elided article kept as `l'`), "" at a sentence start. */
  readonly before: string;
}

/** Capitalised runs of a text with the token before each; a run opening a sentence is left out. */
export function runsWithCue(text: string): Run[] {
  const out: Run[] = [];
  // the archive glues paragraphs without a space (`jeudi.Le gouvernement`): part them first
  const tokens = text.replace(/([.!?…])(?=\p{Lu})/gu, "$1 ").match(TOKEN) ?? [];
  let words: string[] = [];
  let before = "";
  let prev = "";
  const flush = () => {
    while (words.length > 0 && PARTICLES.has((words[words.length - 1] as string).toLowerCase())) words.pop();
    if (words.length > 0) out.push({ words, before });
    words = [];
  };
  for (const raw of tokens) {
    // most tokens open in lower case (or are signs) with no elision: no name, only a cue (fast path,
    // the same as below for a word that is not capitalised)
    const c0 = raw[0] as string;
    const c1 = raw[1];
    const c2 = raw[2];
    if (c0 === c0.toLowerCase() && c1 !== "'" && c1 !== "’" && c2 !== "'" && c2 !== "’") {
      if (words.length > 0 && PARTICLES.has(raw)) {
        words.push(raw);
        continue;
      }
      if (words.length > 0) flush();
      prev = raw.toLowerCase();
      continue;
    }
    // an elided article stuck to the name (`l'ONU`, `d'Alep`) is the cue before it
    const elided = raw.match(/^([ldjmnst]|qu)['’](?=\p{Lu})/iu);
    const tok = elided ? raw.slice((elided[0] as string).length) : raw;
    const word = tok.replace(/['’.]+$/u, "");
    const cap = CAPITALISED.test(word) && word.length > 1 && !PERSON_CUES.has(tok.toLowerCase());
    if (cap && words.length > 0 && !elided) words.push(word);
    else if (cap) {
      if (words.length > 0) flush();
      const opens = prev === "" || (/[.!?…:«"“]$/u.test(prev) && !PERSON_CUES.has(prev));
      // a single word opening a sentence is capitalised for that alone: no run, no cue
      before = elided ? `${(elided[1] as string).toLowerCase()}'` : opens ? "" : prev;
      words = [word];
      if (opens && !elided) before = "^";
    } else if (words.length > 0 && PARTICLES.has(raw)) words.push(raw);
    else if (words.length > 0) flush();
    if (!(cap || (words.length > 0 && PARTICLES.has(raw)))) prev = raw.toLowerCase();
    else if (/[.!?…]$/u.test(raw)) {
      // a name ending a sentence (`… à Alep.`): the next word opens one
      if (words.length > 0) flush();
      prev = ".";
    }
  }
  if (words.length > 0) flush();
  // a lone word opening a sentence tells nothing; a several-word run there still names someone
  return out
    .filter((r) => r.before !== "^" || r.words.length > 1)
    .map((r) => (r.before === "^" ? { ...r, before: "" } : r));
}

export interface ActorKindOptions {
  /** Fewest cues a word needs before its kind is judged. Default 3. */
  readonly minEvidence?: number;
  /** Fewest occurrences of a first name before it is learned as one. Default 5. */
  readonly firstNameMin?: number;
}

/** Counts the archive's cues for every name's last word. */
export function learnActorKinds(texts: Iterable<string>, options: ActorKindOptions = {}): ActorKinds {
  const minEvidence = options.minEvidence ?? MIN_EVIDENCE;
  const firstNameMin = options.firstNameMin ?? FIRST_NAME_MIN;
  const runs: Run[] = [];
  // first pass: how often each capitalised word is followed by another inside a name (`Agnès` in
  // `la marcheuse Agnès Buzyn`, `LREM Agnès Buzyn`), and how often a name it heads is read as a
  // place or an organisation (`à New York`)
  const seen = new Map<string, { inside: number; all: number; other: number }>();
  for (const text of texts)
    for (const run of runsWithCue(text)) {
      runs.push(run);
      const words = nameWords(run.words);
      words.forEach((word, i) => {
        const w = word.toLowerCase();
        const h = seen.get(w) ?? { inside: 0, all: 0, other: 0 };
        h.all++;
        if (i < words.length - 1) h.inside++;
        if (i === 0 && (PLACE_CUES.has(run.before) || ARTICLE_CUES.has(run.before))) h.other++;
        seen.set(w, h);
      });
    }
  const firstNames = new Set<string>();
  for (const [w, h] of seen)
    if (
      w.length >= 3 &&
      h.all >= firstNameMin &&
      h.inside >= FIRST_NAME_SHARE * h.all &&
      h.other < (1 - FIRST_NAME_SHARE) * h.all
    )
      firstNames.add(w);
  const counts = new Map<string, Counts>();
  for (const run of runs) {
    const words = nameWords(run.words);
    const last = (words[words.length - 1] as string).toLowerCase();
    const c = counts.get(last) ?? { person: 0, place: 0, organisation: 0 };
    // the word before the last a first name (`LREM Agnès Buzyn`), or a civility before the name
    const given = words.length > 1 && firstNames.has((words[words.length - 2] as string).toLowerCase());
    if (given || PERSON_CUES.has(run.before)) c.person++;
    else if (PLACE_CUES.has(run.before)) c.place++;
    else if (ARTICLE_CUES.has(run.before)) c.organisation++;
    else continue;
    counts.set(last, c);
  }
  return {
    kindOf(name) {
      const words = nameWords(name.split(/\s+/u));
      const last = words[words.length - 1]?.toLowerCase();
      const c = last !== undefined ? counts.get(last) : undefined;
      if (!c) return "unknown";
      const total = c.person + c.place + c.organisation;
      if (total < minEvidence) return "unknown";
      if (c.person >= MIN_SHARE * total) return "person";
      if (c.place >= MIN_SHARE * total) return "place";
      if (c.organisation >= MIN_SHARE * total) return "organisation";
      // a name read as a place and as an organisation (a country, a city's club) is not a person
      return c.person < (1 - MIN_SHARE) * total
        ? c.place >= c.organisation
          ? "place"
          : "organisation"
        : "unknown";
    },
    evidence: (word) => counts.get(word.toLowerCase()),
  };
}

const byIndex = new WeakMap<NewsIndex, ActorKinds>();

/** The actor kinds of `news`'s archive, counted once (at first use) over its titles and openings. */
export function actorKindsOf(news: NewsIndex): ActorKinds {
  let kinds = byIndex.get(news);
  if (!kinds) {
    kinds = learnActorKinds(
      (function* () {
        for (const a of news.articles) {
          yield a.title;
          yield a.body.slice(0, BODY_CHARS);
        }
      })(),
    );
    byIndex.set(news, kinds);
  }
  return kinds;
}
