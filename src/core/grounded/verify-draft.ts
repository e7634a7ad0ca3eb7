// Checking a model's draft against the numbered passages it was sent, before anyone sees it: every
// `[n]` is a passage that was sent; every number, date and proper name in a sentence appears in the
// passages that sentence cites (or, for a sentence citing none, in the passages the draft cites);
// a draft that says the passages do not answer is an abstention. Anything else is rejected, and the
// caller falls back on the extractive answer: a written answer is shown only when it is grounded.
import { frenchFor } from "../answer/glossary-en-fr.ts";
import { fold } from "../text/fold.ts";
import {
  type Claims,
  type DateClaim,
  findClaims,
  findDates,
  findNumbers,
  foldedWords,
  MARKER,
  markerNumbers,
  normalizeText,
} from "./claims.ts";
import { isCommonWord } from "./common-words.ts";

export type RejectReason =
  | "empty"
  | "too-long"
  | "no-citation"
  | "unknown-citation"
  | "number"
  | "date"
  | "name";

export type Verdict =
  | {
      readonly status: "verified";
      /** The draft with its markers renumbered in citation order (first cited passage = [1]). */
      readonly text: string;
      /** Indices (0-based) of the cited passages, in the order they are first cited. */
      readonly cited: readonly number[];
    }
  | { readonly status: "abstained" }
  | { readonly status: "rejected"; readonly reason: RejectReason; readonly detail: string };

export interface VerifyOptions {
  /** Longest draft accepted, in characters. Default 900. */
  readonly maxChars?: number;
  /** True for a lower-case word of the language (a capital opening a sentence is then no name). */
  readonly isCommonWord?: (word: string) => boolean;
}

// "The passages do not say": the phrase the prompts ask for, and the usual ways models say it.
const ABSTAIN = [
  /\bpassages?\b[^.]{0,40}\bne\b[^.]{0,30}\b(disent|dit|precisent|precise|mentionnent|indiquent|permettent|repondent|contiennent|donnent)\b/,
  /\baucun (des )?(passages?|extraits?|articles?)\b/,
  /\b(pas|aucune) d'information\b/,
  /\b(impossible de repondre|je ne (peux|sais) pas)\b/,
  /\bpassages?\b[^.]{0,40}\b(do|does|did) not\b/,
  /\bpassages?\b[^.]{0,40}\b(don't|doesn't|never)\b/,
  /\bno (passage|information|mention)\b/,
  /\b(cannot|can't|unable to) (be )?(answer|determine|tell)/,
  /\bnot (mentioned|stated|specified|given|said) in\b/,
];

export function saysNoAnswer(draft: string): boolean {
  const folded = fold(normalizeText(draft).toLowerCase());
  return ABSTAIN.some((re) => re.test(folded));
}

interface PassageFacts {
  readonly numbers: ReadonlySet<number>;
  readonly dates: readonly DateClaim[];
  readonly words: ReadonlySet<string>;
}

function factsOf(text: string): PassageFacts {
  return {
    numbers: new Set(findNumbers(text).map((n) => n.value)),
    dates: findDates(text),
    words: foldedWords(text),
  };
}

const markersIn = (text: string): number[] =>
  [...text.matchAll(MARKER)].flatMap((m) => markerNumbers(m[1] ?? ""));

function splitDraft(draft: string): string[] {
  return draft
    .split(/(?<=[.!?])\s+(?=\S)/)
    .map((s) => s.trim())
    .filter(Boolean);
}

function dateFound(d: DateClaim, facts: readonly PassageFacts[]): boolean {
  const yearOk = (p: PassageFacts, other: DateClaim) =>
    d.year === undefined || (other.year === undefined ? p.numbers.has(d.year) : other.year === d.year);
  return facts.some((p) =>
    p.dates.some((o) => {
      if (d.month !== undefined) {
        if (o.month !== d.month) return false;
        if (d.day !== undefined && o.day !== undefined && o.day !== d.day) return false;
        if (d.day !== undefined && o.day === undefined) return false;
        return yearOk(p, o);
      }
      return d.weekday !== undefined && o.weekday === d.weekday;
    }),
  );
}

function nameFound(folded: string, facts: readonly PassageFacts[]): boolean {
  const alternatives = [folded, ...(frenchFor(folded) ?? []).map((w) => fold(w))];
  return facts.some((p) => alternatives.some((w) => p.words.has(w)));
}

/** The first claim of `claims` that none of `facts` holds, or undefined when all are there. */
function unsupported(
  claims: Claims,
  facts: readonly PassageFacts[],
): { reason: "number" | "date" | "name"; detail: string } | undefined {
  for (const d of claims.dates) if (!dateFound(d, facts)) return { reason: "date", detail: d.text };
  for (const n of claims.numbers)
    if (!facts.some((p) => p.numbers.has(n.value))) return { reason: "number", detail: n.text };
  for (const n of claims.names) if (!nameFound(n.folded, facts)) return { reason: "name", detail: n.text };
  return undefined;
}

/** Check `draft` against the passages it was sent (each as sent: title, date and text). */
export function verifyDraft(
  draft: string,
  passages: readonly string[],
  options: VerifyOptions = {},
): Verdict {
  const text = normalizeText(draft).trim();
  if (text === "") return { status: "rejected", reason: "empty", detail: "" };
  if (saysNoAnswer(text)) return { status: "abstained" };
  if (text.length > (options.maxChars ?? 900))
    return { status: "rejected", reason: "too-long", detail: `${text.length} characters` };
  const all = markersIn(text);
  if (all.length === 0) return { status: "rejected", reason: "no-citation", detail: "" };
  const bad = all.find((n) => !Number.isInteger(n) || n < 1 || n > passages.length);
  if (bad !== undefined) return { status: "rejected", reason: "unknown-citation", detail: `[${bad}]` };
  const facts = passages.map(factsOf);
  const cited = [...new Set(all)];
  const isCommon = options.isCommonWord ?? isCommonWord;
  for (const sentence of splitDraft(text)) {
    const own = markersIn(sentence);
    const sources = (own.length > 0 ? own : cited).map((n) => facts[n - 1] as PassageFacts);
    const missing = unsupported(findClaims(sentence, isCommon), sources);
    if (missing) return { status: "rejected", ...missing };
  }
  const order = new Map(cited.map((n, i) => [n, i + 1]));
  const renumbered = text.replace(MARKER, (_m, list: string) => {
    const ns = [...new Set(markerNumbers(list).map((n) => order.get(n) ?? 0))];
    return `[${ns.join(", ")}]`;
  });
  return { status: "verified", text: renumbered, cited: cited.map((n) => n - 1) };
}
