// The scheduler's own time: the node-cron expression of a subscription and the run a
// daylight-saving jump would make it miss. Zones, local moments and day arithmetic are the core's
// (`src/core/time`).
import { addDays, localMoment } from "../core/time/zone.ts";

/** The node-cron expression (with seconds) of a daily run at `time` on `days`. */
export function cronExpression(time: string, days: readonly number[]): string {
  const [h, m] = time.split(":").map(Number);
  const dow = days.length === 7 || days.length === 0 ? "*" : [...days].sort((a, b) => a - b).join(",");
  return `0 ${m} ${h} * * ${dow}`;
}

const DAY_MS = 86_400_000;

/** The instant at which `day` `time` (local) happens in the zone, or undefined if it never does. */
function instantOf(day: string, time: string, timeZone: string): Date | undefined {
  const guess = Date.parse(`${day}T${time}:00Z`);
  // the zone's offset a day before, at, and a day after: one of them is the one in force
  const offsets = new Set(
    [guess - DAY_MS, guess, guess + DAY_MS].map((t) => offsetMs(new Date(t), timeZone)),
  );
  const hits = [...offsets]
    .map((o) => guess - o)
    .filter((t) => {
      const m = localMoment(new Date(t), timeZone);
      return m.day === day && m.time === time;
    });
  return hits.length ? new Date(Math.min(...hits)) : undefined;
}

function offsetMs(date: Date, timeZone: string): number {
  const m = localMoment(date, timeZone);
  const minute = Math.floor(date.getTime() / 60_000) * 60_000;
  return Date.parse(`${m.day}T${m.time}:00Z`) - minute;
}

/**
 * The first instant of `day` whose local time is past `time`, for a time the clocks skip that day
 * (02:30 on the spring-forward night in Paris → 03:00 local, 01:00Z).
 */
function firstMinuteAfter(day: string, time: string, timeZone: string): Date | undefined {
  const guess = Date.parse(`${day}T${time}:00Z`);
  // read with the offset before the change, the skipped time lands after the jump
  let t = guess - offsetMs(new Date(guess - DAY_MS), timeZone);
  const after = (at: number) => {
    const m = localMoment(new Date(at), timeZone);
    return m.day === day && m.time > time;
  };
  if (!after(t)) return undefined;
  // walk back to the jump itself (a change moves the clock by at most a few hours)
  for (let i = 0; i < 24 * 60 && after(t - 60_000); i++) t -= 60_000;
  return new Date(t);
}

/**
 * The first run after `from` and before `until` that falls on a day whose local `time` does not
 * exist (skipped by daylight saving): it happens at the first minute after that time, that day.
 * Undefined when no such day comes (the usual case).
 */
export function nextSkippedRun(
  from: Date,
  time: string,
  days: readonly number[],
  timeZone: string,
  until: Date,
): Date | undefined {
  const first = localMoment(from, timeZone).day;
  for (let i = 0; i <= 8; i++) {
    const day = addDays(first, i);
    const weekday = new Date(`${day}T12:00:00Z`).getUTCDay();
    if (days.length > 0 && !days.includes(weekday)) continue;
    if (instantOf(day, time, timeZone)) continue;
    const at = firstMinuteAfter(day, time, timeZone);
    if (!at || at.getTime() <= from.getTime()) continue;
    return at.getTime() < until.getTime() ? at : undefined;
  }
  return undefined;
}
