// Which sentences may be quoted in a summary or a briefing: whole, grammatical article sentences —
// not photo captions or credits, not teasers for a video or another article glued into the text
// by a scraper (`…au secours du diesel ?par franceinfoPour le citoyen…`), not fragments, headings,
// links or sentences whose quotation marks do not close.

const CREDIT =
  /(?:^|[\s(])(?:photo|photos|crédit(?:s)?(?: photo)?|copyright|illustration|image|source)\s*:|©|\(crédit|crédit photo/iu;
const TEASER_START =
  /^(?:lire aussi|à lire aussi|a lire aussi|à lire|voir aussi|vidéo|video|en images|en vidéo|regarder|retrouvez|découvrez|abonnez|cliquez|>>|»»|►|→|\[)/iu;
const TEASER_ANY =
  /\b(?:VIDÉO|VIDEO|EN IMAGES|PHOTOS)\b|(?:lire aussi|voir aussi|à lire également|sur le même sujet)\s*:/u;
/** A teaser glued to the next sentence: `…du diesel ?par franceinfoPour`, `… - 14/03par BFMTV`. */
const GLUED_TEASER =
  /[?!.)\d»"”]par\s+\S|\S\s-\s\d{1,2}\/\d{1,2}par\b|(?<![\p{L}])\p{Ll}{3,}\p{Lu}\p{Ll}|["”»]\p{Lu}|[\p{L}\d+)%]\.\p{Lu}\p{Ll}|\p{Ll}\.\d/u;
/** Inline subheadings and list bullets a scraper ran into the text: `…morts.- Plus de 502.000 morts -Plu`. */
const INLINE_HEADING = /[•▪■►▶➤✓→]|\.\s*-\s+\p{Lu}|\s-\p{Lu}\p{Ll}/u;
const URL = /https?:\/\/|www\.|\S+@\S+\.\w/iu;

function balanced(s: string): boolean {
  const n = (re: RegExp) => s.match(re)?.length ?? 0;
  if (n(/«/g) !== n(/»/g)) return false;
  if (n(/“/g) !== n(/”/g)) return false;
  if (n(/"/g) % 2 !== 0) return false;
  return n(/\(/g) === n(/\)/g);
}

/** The sentence without stray punctuation a scraper left in front of it (`."C'est…`). */
export function tidySentence(s: string): string {
  return s.replace(/^[.,;:·•\-–—\s]+(?=["«“\p{Lu}\p{N}])/u, "").trim();
}

/** Whether `sentence` (from an article body) reads as a whole sentence worth quoting. */
export function isQuotable(sentence: string): boolean {
  const s = tidySentence(sentence);
  if (s.length < 40 || s.length > 600) return false;
  if (!/^["«“‘'(\p{Lu}\p{N}]/u.test(s)) return false;
  if (!/[.!?…]["»”’')]*$/u.test(s) && !/[.!?…]\s*[»”"]$/u.test(s)) return false;
  if (s.split(/\s+/).length < 6) return false;
  if (
    CREDIT.test(s) ||
    TEASER_START.test(s) ||
    TEASER_ANY.test(s) ||
    GLUED_TEASER.test(s) ||
    INLINE_HEADING.test(s) ||
    URL.test(s)
  )
    return false;
  if (!balanced(s)) return false;
  const letters = s.replace(/[^\p{L}]/gu, "");
  const upper = s.replace(/[^\p{Lu}]/gu, "");
  if (letters.length > 0 && upper.length / letters.length > 0.4) return false;
  return true;
}
