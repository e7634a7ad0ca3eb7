// Small text repairs shared by the loader and the importer: Unicode normalisation, paragraph
// splitting, the sentence boundaries that scrapers and dumps lose (`domestique.Consternant`), and
// the junk agency copy leaves at the end of a text, which must never be quoted: desk signatures
// (`dimanche.burs-ccd/ber/mba/am/plh/sl`, `pab/fz`), credits (`(avec AFP)`, `.-AFP`) and a closing
// picture caption or source line (`Crédit photo : Nissan`, `Source : Reuters`).

/**
 * A sentence end glued to the next sentence: a lower-case letter, digit, closing quote or
 * parenthesis, then `.`, `!`, `?` or `…` (and a closing bracket, or a closing quote when an
 * opening one follows: `poche.""Le`), then (after an optional opening quote) an upper-case
 * letter that starts a word (`Le`, `L'`, `À `). Not matched: abbreviations and initials, which
 * have an upper-case letter before the dot (`M.Dupont`, `J.-C.`, `U.S.A`), decimals (`3.5`),
 * and domain names (`Orange.fr`, `Booking.Com`; but `.Frédéric` is a sentence).
 * The pattern starts at the punctuation (rare) and the character before it is checked in the
 * callback: a look-behind tried at every position is several times slower on a large archive.
 */
const GLUED_SENTENCE =
  /[.!?…]+(?:["”»]?\)|["”»](?=["“«]))?(?=(?:["“]|« ?)?\p{Lu}(?:\p{Ll}|['’ ]))(?!(?:[Cc]om|[Ff]r|[Nn]et|[Oo]rg)(?![\p{L}\p{N}]))/gu;
const SENTENCE_LAST_CHAR = /[\p{Ll}\p{N})\]»"”'’]/u;

/**
 * Insert `separator` (a space, or a line break between joined paragraphs) at each glued sentence
 * end; a desk signature glued to a sentence end goes (see `stripAgencyJunk`).
 */
export function fixGluedSentences(text: string, separator: string): string {
  return stripSignatures(text).replace(GLUED_SENTENCE, (punct: string, offset: number, whole: string) => {
    let before = whole.charAt(offset - 1);
    // French spacing: `dernier ?Oui`
    if (before === " " && (punct[0] === "?" || punct[0] === "!")) before = whole.charAt(offset - 2);
    return before !== "" && SENTENCE_LAST_CHAR.test(before) ? punct + separator : punct;
  });
}

/**
 * A subheading glued to the paragraph after it, with no punctuation between (`Chaussée
 * effondréeSelon les premiers éléments…`, `Une barrière retrouvée casséeL'enquête…`): a word of
 * three lower-case letters or more runs into a capitalised French word that opens sentences
 * (an article, a pronoun, a preposition or conjunction). Brands written in camel case (`CureVac`,
 * `AstraZeneca`, `PlayStation`) run into no such word. As in GLUED_SENTENCE, the letters before
 * are checked in the callback rather than by a look-behind tried at every position.
 */
const GLUED_HEADING =
  /(?:Le|La|Les|Un|Une|Il|Elle|Ils|Elles|Au|Aux|Selon|Si|Ce|Cette|Ces|En|Dans|Pour|Mais|Depuis|Lors|Après|Alors|Sur|Parmi|Face|Entre|Avec|Des|Du|De|On|Outre|Déjà)(?= )|L['’](?=\p{L})/gu;
const HEADING_END = /\p{Ll}{3}$/u;

/** A line break where a subheading runs into the paragraph after it (see GLUED_HEADING). */
export function splitGluedHeadings(text: string): string {
  return text.replace(GLUED_HEADING, (word: string, offset: number, whole: string) =>
    HEADING_END.test(whole.slice(Math.max(0, offset - 3), offset)) ? `\n${word}` : word,
  );
}

/**
 * Paragraphs of a dump's text (one per line), glued sentence ends and subheadings split apart,
 * spaces collapsed, agency junk at the end removed.
 */
export function dumpParagraphs(text: string): string[] {
  const out: string[] = [];
  for (const line of splitGluedHeadings(fixGluedSentences(text.normalize("NFC"), "\n")).split("\n")) {
    const p = line.replace(ODD_SPACES, " ").trim();
    if (p.length > 0) out.push(p);
  }
  return stripAgencyJunk(out);
}
const ODD_SPACES = /\s{2,}|[^\S ]/g;

/** NFC, `\r\n` → `\n`, no-break and odd spaces → space, trimmed lines. */
export function normalizeText(text: string): string {
  return text
    .normalize("NFC")
    .replace(/\r\n?/g, "\n")
    .replace(/[\u00a0\u2007\u202f\u2009\t\f\v]/g, " ")
    .replace(/[\u200b\ufeff]/g, "");
}

/**
 * Paragraphs: split on blank lines, inner line breaks and runs of spaces collapsed, empties
 * dropped, agency junk at the end removed.
 */
export function paragraphs(text: string): string[] {
  return stripAgencyJunk(
    text
      .split(/\n[ \t]*\n/)
      .map((p) => p.replace(/\s+/g, " ").trim())
      .filter((p) => p.length > 0),
  );
}

/**
 * A desk signature: short lower-case codes joined by `-` and `/`, at least one `/`
 * (`burs-ccd/ber/mba/am/plh/sl`, `pab/fz`, `str-nc/axm/lda/jb/aml/stb/mr`), right after a sentence
 * end (glued or after one space), and ending the paragraph or followed by a new sentence. Codes
 * after the first may be upper-case (`pr/BC/ial`). Written as a whole word: never inside a URL or
 * a unit (`km/h`, `et/ou` follow a word, not a sentence end).
 */
const SIGNATURE =
  /(?<=[.!?…"»”)\]])[ ]?[a-z]{2,6}(?:-[a-z]{1,6})*(?:\/[A-Za-z]{1,6}(?:-[A-Za-z]{1,6})*)+\/?(?=\s*$|\s+["“«]?\p{Lu})/gu;
/** Top-level domains: `site.fr/info/covid` is an address, not a signature. */
const TLD = /^(?:fr|com|net|org|eu|be|ch|de|uk|io|info|gouv|ca|us)\//;

function stripSignatures(text: string): string {
  if (!text.includes("/")) return text;
  return text.replace(SIGNATURE, (code: string, offset: number, whole: string) => {
    const word = whole.slice(whole.lastIndexOf(" ", offset - 1) + 1, offset);
    if (/:\/\/|www\./i.test(word)) return code; // inside an address
    if (TLD.test(code.trimStart()) && /\p{L}\.$/u.test(word)) return code;
    return "";
  });
}

/** A credit closing the text: `(avec AFP)`, `(with Reuters)`, `.-AFP`, `. - AFP`. */
const CREDIT_TAIL =
  /(?<=[.!?…"»”)])\s*(?:\((?:[Aa]vec|[Ww]ith|[Ss]ources?\s*:?)\s+[^()]{2,40}\)|[-–—]\s?\p{Lu}{2,6})\.?$/u;
/** A closing caption or source line: `Crédit photo : Nissan`, `Photo : BMW M3 berline`, `Source : Reuters`. */
const CAPTION =
  /(?:^|(?<=[.!?…"»”)])\s*)(?:Cr[ée]dits?(?: (?:photos?|images?|illustrations?|vid[ée]os?))?|Photos?|Images?|Illustrations?|Vid[ée]os?|Sources?|Légende)\s?:\s?[^.!?:]{1,100}$/u;

/**
 * Paragraphs with the junk that ends agency copy removed: signatures (also within a paragraph,
 * before the next sentence), then from the last paragraph a closing credit or caption; a
 * paragraph left empty goes.
 */
export function stripAgencyJunk(paras: readonly string[]): string[] {
  const out = paras.map((p) => stripSignatures(p).trim()).filter((p) => p.length > 0);
  const whole = [...out];
  for (let last = out.pop(); last !== undefined; last = out.pop()) {
    const cleaned = last.replace(CREDIT_TAIL, "").replace(CAPTION, "").trim();
    if (cleaned.length > 0) {
      out.push(cleaned);
      break;
    }
    // the whole paragraph was a credit: look at the one before
  }
  // a text that is nothing but a credit is kept as it is rather than lost
  return out.length > 0 ? out : whole;
}
