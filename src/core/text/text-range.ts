// Where a part of a text lies, shared by what finds it (an answer's span) and what renders it (bold).

/** A range of a text: UTF-16 offsets, `end` exclusive. */
export interface TextRange {
  readonly start: number;
  readonly end: number;
}
