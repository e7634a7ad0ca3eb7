// Date options read as people type them: `2026-01-15`, `2026-01` (a month), or relative to today in
// French or English — `hier`, `aujourd'hui`, `avant-hier`, `lundi`, `la semaine dernière`, `en
// 2019`, `yesterday`, `today`, `monday`, `last week`. A period gives its first day to a `from`
// option and its last day to a `to` option. The relative words are read by the answer pipeline's
// time-frame reader, so questions and options understand the same expressions.
import { latestWeekday, readTimeFrame, WEEKDAY_NUMBERS } from "../src/core/answer/time-frame.ts";
import { isIsoDay } from "../src/core/dates/resolve.ts";

const iso = (t: number) => new Date(t).toISOString().slice(0, 10);

/** `value` as a `YYYY-MM-DD` day (or `YYYY-MM`), or undefined when it is not a date. */
export function parseDateOption(value: string, edge: "from" | "to", today: string): string | undefined {
  const v = value.trim().toLowerCase().replace(/[’‘]/g, "'");
  if (isIsoDay(v) || /^\d{4}-(0[1-9]|1[0-2])$/.test(v)) return v;
  const t = Date.parse(`${today}T00:00:00Z`);
  if (/^(aujourd'hui|today)$/.test(v)) return today;
  // a weekday alone: the latest one, today included (`lundi dernier`, `last monday`: before today)
  const day = /^(?:(last)\s+)?([a-z]+)(?:\s+(dernier))?$/.exec(v);
  const weekday = day ? WEEKDAY_NUMBERS[day[2] ?? ""] : undefined;
  if (day && weekday !== undefined) return iso(latestWeekday(t, weekday, Boolean(day[1] || day[3])));
  const frame = readTimeFrame(v, today);
  if (!frame || frame.latest) return undefined;
  const words = v.match(/[\p{L}\p{N}]+/gu) ?? [];
  if (!words.every((w) => frame.words.includes(w))) return undefined;
  return edge === "from" ? (frame.from ?? frame.to) : (frame.to ?? frame.from);
}
