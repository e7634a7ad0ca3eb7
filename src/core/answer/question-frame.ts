// The time frame step: which stretch of dates a question is about (`en mars 2020`, `hier`,
// `actuel`), read against the day it is asked. This is the seam where the time-frame reader slots
// in; until it does, no question has a frame and every article competes on recency alone.
export interface TimeFrame {
  /** First day of the frame, `YYYY-MM-DD`, when bounded below. */
  readonly from?: string;
  /** Last day of the frame, `YYYY-MM-DD`, when bounded above. */
  readonly to?: string;
  /** The question wants the latest state (`actuel`, `dernier bilan`): the newest article wins. */
  readonly latest: boolean;
  /** The words of the question that set the frame (they are no query words). */
  readonly words: readonly string[];
}

export function questionFrame(_question: string, _now: string | undefined): TimeFrame | undefined {
  return undefined;
}

/** Whether an article dated `date` (`YYYY-MM-DD` or `YYYY-MM`) falls inside the frame. */
export function inFrame(frame: TimeFrame, date: string | undefined): boolean {
  if (!date) return false;
  if (frame.from && date.slice(0, frame.from.length) < frame.from.slice(0, date.length)) return false;
  if (frame.to && date.slice(0, 10) > frame.to) return false;
  return true;
}
