// Follow-ups rewritten into standalone questions. Three shapes, in French and English:
//   - a time frame only ("et en 2019 ?", "and last year?"): the previous question with its own
//     time frame replaced by the new one;
//   - a name only ("et Ito Naoki ?", "what about Japan?"): the previous question with its last
//     name replaced by the new one (or the new one appended when it had none);
//   - a third-person pronoun ("qui l'a remplacé ?", "quel est son rôle ?", "when did he leave?"):
//     the pronoun replaced by the referent — the name the previous answer gave (a who-question's
//     answer), else the previous question's last name.
// Anything else is a question of its own and is left as it is: rewriting it could change what
// the user meant, and a wrong rewrite is a wrong answer.
import { readTimeFrame } from "../answer/time-frame.ts";

export interface PreviousTurn {
  /** The previous question as it was answered (already standalone). */
  readonly question: string;
  /** The name the previous turn was about, when known (the answer's name, or the question's). */
  readonly referent?: string;
}

export interface FollowUp {
  readonly question: string;
  /** True when `question` was rebuilt from the previous turn. */
  readonly rewritten: boolean;
}

/** Words opening an elliptical follow-up: "et …", "and …", "what about …", "et pour …". */
const OPENER =
  /^\s*(?:et\s+(?:pour|qu['’]en\s+est-il\s+(?:de|du|des|d['’])?|sur|concernant)?|and\s+(?:for|about)?|what\s+about|how\s+about)\s*/iu;
const FILLER = new Set([
  "en",
  "in",
  "au",
  "aux",
  "à",
  "a",
  "le",
  "la",
  "les",
  "l",
  "the",
  "on",
  "of",
  "de",
  "du",
  "des",
  "d",
  "pour",
  "for",
  "during",
  "pendant",
  "durant",
]);
const ARTICLE = /^(?:le|la|les|l['’]|the)\s*/iu;
/** A run of capitalised words (a name), allowing particles inside: `Nguyen Phu Trong`, `Banque de France`. */
const NAME_RUN =
  /\p{Lu}[\p{L}\p{M}'’-]*(?:\s+(?:(?:de|du|des|la|le|von|van|d['’])\s+)?\p{Lu}[\p{L}\p{M}'’-]*)*/gu;
const QUESTION_WORD =
  /^(?:qui|que|quoi|quel|quelle|quels|quelles|quand|où|ou|comment|combien|pourquoi|est-ce|who|what|when|where|which|why|how|is|are|was|were|did|does|do)(?![\p{L}\p{M}\p{N}])/iu;

const words = (text: string) => text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
const tidy = (text: string) => text.replace(/\s{2,}/g, " ").trim();
const withMark = (text: string) => (/[?!.]$/.test(text) ? text : `${text} ?`);

/** Names in a text: runs of capitalised words, the sentence's first word left out unless it is part of a run. */
export function namesIn(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(NAME_RUN)) {
    let name = m[0];
    // the first word of a sentence is capitalised anyway: only the rest of its run may be a name
    if (/^[\s¿¡«"]*$/.test(text.slice(0, m.index))) name = name.replace(/^\S+\s*/u, "");
    if (name.length > 1) out.push(name);
  }
  return out;
}

/** The previous question without its time frame's words. */
function withoutFrame(question: string, now: string): string {
  const frame = readTimeFrame(question, now);
  if (!frame) return question;
  let out = question;
  for (const w of frame.words)
    out = out.replace(new RegExp(`(^|[^\\p{L}\\p{N}])${w}(?=$|[^\\p{L}\\p{N}])['’]?`, "iu"), "$1");
  return tidy(out);
}

function timeOnly(rest: string, now: string): string | undefined {
  const frame = readTimeFrame(rest, now);
  if (!frame) return undefined;
  const frameWords = new Set(frame.words);
  const left = words(rest).filter((w) => !frameWords.has(w) && !FILLER.has(w));
  return left.length === 0 ? rest.replace(/[?!.\s]+$/u, "").trim() : undefined;
}

function insertBeforeMark(question: string, addition: string): string {
  // the mark keeps its spacing: `… ?` in French, `…?` in English
  const m = /(\s*)([?!.])\s*$/.exec(question);
  return m ? `${question.slice(0, m.index)} ${addition}${m[1]}${m[2]}` : `${question} ${addition}`;
}

/** Pronoun → referent, French then English; undefined when the text has no third-person pronoun. */
function replacePronoun(text: string, referent: string): string | undefined {
  const rules: [RegExp, (m: string, ...g: string[]) => string, boolean][] = [
    // clitic object before the verb: "qui l'a remplacé" → "qui a remplacé X"
    [
      /\b(?:l['’]|(?:le|la|les|lui)\s+)(?=(?:a|ont|avait|avaient|aura|est|sont|va|vont|fait|font)\b)/iu,
      () => "",
      true,
    ],
    // inverted subject: "quand est-il parti" → "quand est parti X"
    [/-(?:t-)?(?:il|elle|ils|elles)\b/iu, () => "", true],
    [/\b(?:il|elle)\b/iu, () => referent, false],
    [/\b(?:son|sa)\s+(?=\p{L})/iu, () => "le ", false],
    [/\bses\s+(?=\p{L})/iu, () => "les ", false],
    [/\b(?:he|she)\b/iu, () => referent, false],
    [/\b(?:him|her)\b(?!\s+\p{Ll})/iu, () => referent, false],
    [/\b(?:his|her)\s+(?=\p{L})/iu, () => `${referent}'s `, false],
  ];
  for (const [pattern, replace, append] of rules) {
    if (!pattern.test(text)) continue;
    const replaced = text.replace(pattern, replace);
    if (append) return insertBeforeMark(replaced, referent);
    // "son rôle" became "le rôle": it is the referent's
    if (/^(?:le|les) $/.test(replace(""))) {
      const m = /\b(?:le|les) (\p{L}[\p{L}\p{M}'’-]*)/iu.exec(replaced.slice(text.search(pattern)));
      if (m) {
        const at = text.search(pattern) + (m.index ?? 0) + m[0].length;
        return `${replaced.slice(0, at)} de ${referent}${replaced.slice(at)}`;
      }
    }
    return replaced;
  }
  return undefined;
}

/** The follow-up `text` as a standalone question, given the thread's previous turn. */
export function resolveFollowUp(
  previous: PreviousTurn | undefined,
  text: string,
  options: { now?: string } = {},
): FollowUp {
  const asked = text.trim();
  if (!previous) return { question: asked, rewritten: false };
  const now = options.now ?? new Date().toISOString().slice(0, 10);
  const opener = OPENER.exec(asked);
  const rest = opener ? asked.slice(opener[0].length) : asked;
  const when = opener || words(asked).length <= 4 ? timeOnly(rest, now) : undefined;
  if (when) {
    const base = withoutFrame(previous.question, now);
    return { question: tidy(insertBeforeMark(base, when)), rewritten: true };
  }
  if (opener && !QUESTION_WORD.test(rest)) {
    const name = rest.replace(/[?!.\s]+$/u, "").trim();
    if (name && words(name).length <= 6) {
      const bare = name.replace(ARTICLE, "");
      const last = namesIn(previous.question).at(-1);
      const question = last
        ? previous.question.replace(
            new RegExp(`${escapeRegExp(last)}(?![\\s\\S]*${escapeRegExp(last)})`, "u"),
            bare,
          )
        : insertBeforeMark(previous.question, name);
      return { question: tidy(withMark(question)), rewritten: true };
    }
  }
  const referent = previous.referent ?? namesIn(previous.question).at(-1);
  if (referent && !asked.includes(referent)) {
    const replaced = replacePronoun(asked, referent);
    if (replaced) return { question: tidy(withMark(replaced)), rewritten: true };
  }
  return { question: asked, rewritten: false };
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
