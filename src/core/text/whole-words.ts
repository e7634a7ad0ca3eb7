// Regular expressions over alternatives read as whole words: no letter right before, none right
// after. Written once around the alternation rather than around each alternative: the same
// matches, found in the same order (each alternative is still tried in turn, each followed by the
// same lookahead), but irregexp, which tries such a pattern at every position of a sentence,
// checks the lookbehind once per position instead of once per alternative — 1.5–2× faster on the
// long patterns of src/core/answer (unstated.ts, other-occasion.ts; measured on 24k sentences of
// the archive, the same result on each).

/** The source of a pattern matching any of `alternatives` (sources) as whole words. */
export const wholeWords = (alternatives: readonly string[]): string =>
  `(?<!\\p{L})(?:${alternatives.map((p) => `(?:${p})`).join("|")})(?!\\p{L})`;
