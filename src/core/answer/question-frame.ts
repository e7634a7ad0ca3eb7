// The time frame step: which stretch of dates a question is about (`en mars 2020`, `hier`,
// `actuel`), read by `readTimeFrame` against the day it is asked, and whether an article's date
// falls inside it.
import { readTimeFrame, type TimeFrame } from "./time-frame.ts";

export type { TimeFrame } from "./time-frame.ts";

export function questionFrame(question: string, now: string): TimeFrame | undefined {
  return readTimeFrame(question, now);
}

/** Whether an article dated `date` (`YYYY-MM-DD` or `YYYY-MM`) falls inside the frame. */
export function inFrame(frame: TimeFrame, date: string | undefined): boolean {
  if (!date) return false;
  if (frame.from && date.slice(0, frame.from.length) < frame.from.slice(0, date.length)) return false;
  if (frame.to && date.slice(0, 10) > frame.to) return false;
  return true;
}
