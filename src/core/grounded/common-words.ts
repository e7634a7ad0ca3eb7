// Whether a word opening a sentence is an ordinary word rather than a name: French and English
// function words, the French word list, the English words the glossary knows, and the few English
// sentence openers models favour. Only a capital in the middle of a sentence is taken as a name
// without asking here.
import { frenchFor } from "../answer/glossary-en-fr.ts";
import { frenchLexicon } from "../corpus/word-splitter.ts";
import { fold } from "../text/fold.ts";
import { STOPWORDS } from "../text/stopwords.ts";

const ENGLISH_OPENERS = new Set(
  "according after although among as at before by despite during following however in meanwhile no on since so such than then thus today yes yesterday overall currently".split(
    " ",
  ),
);

/** `word` in lower case. */
export function isCommonWord(word: string): boolean {
  return (
    STOPWORDS.has(fold(word)) ||
    ENGLISH_OPENERS.has(word) ||
    frenchFor(word) !== undefined ||
    frenchLexicon().words.has(word)
  );
}
