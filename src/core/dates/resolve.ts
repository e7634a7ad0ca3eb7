// Resolution of a date expression against a reference date (the article's own date): a day or
// month without a year takes the year that puts it nearest the reference (an article of
// 2026-01-05 saying `le 28 décembre` means 2025-12-28), a written weekday settles a tie, `hier`
// and a bare `jeudi` count back from the reference. What cannot be resolved is flagged, never guessed.
import type { DateMention, DatePrecision } from "./date-expressions.ts";

export interface ResolvedDate {
  readonly mention: DateMention;
  /** `YYYY-MM-DD`, `YYYY-MM` or `YYYY` according to `precision`; absent when unresolved. */
  readonly value?: string;
  readonly precision: DatePrecision;
  readonly resolved: boolean;
  /** The year (or the day, for `hier`, `jeudi`) came from the reference date, not the text. */
  readonly inferred?: boolean;
  /** A bare weekday: taken as the last such day on or before the reference. */
  readonly approximate?: boolean;
  /** Why it is unresolved: `no-reference` (no usable article date), `invalid` (`31 février`). */
  readonly problem?: "no-reference" | "invalid";
}

interface RefDate {
  readonly year: number;
  readonly month?: number;
  readonly day?: number;
}

const DAY_MS = 86_400_000;
const pad = (n: number) => String(n).padStart(2, "0");

/** `2026-01-15` → {2026, 1, 15}; `2025-08` → {2025, 8}; `2025` → {2025}; anything else → undefined. */
export function parseReference(date: string | undefined): RefDate | undefined {
  if (!date) return undefined;
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(date.trim());
  if (!m) return undefined;
  return {
    year: Number(m[1]),
    ...(m[2] ? { month: Number(m[2]) } : {}),
    ...(m[3] ? { day: Number(m[3]) } : {}),
  };
}

export function isRealDay(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Strict `YYYY-MM-DD` with a real day (for command options). */
export function isIsoDay(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  return m !== null && isRealDay(Number(m[1]), Number(m[2]), Number(m[3]));
}

const utc = (y: number, m: number, d: number) => Date.UTC(y, m - 1, d);
const iso = (t: number) => {
  const d = new Date(t);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
};

/** Resolve one mention against `reference` (`YYYY-MM-DD`, `YYYY-MM`, or undefined). */
export function resolveDate(mention: DateMention, reference?: string): ResolvedDate {
  const ref = parseReference(reference);
  const unresolved = (precision: DatePrecision, problem: ResolvedDate["problem"]): ResolvedDate => ({
    mention,
    precision,
    resolved: false,
    ...(problem ? { problem } : {}),
  });
  const { day, month, year, weekday, offset } = mention;

  if (offset) {
    if (offset.years !== undefined) {
      if (!ref) return unresolved("year", "no-reference");
      return {
        mention,
        value: String(ref.year + offset.years),
        precision: "year",
        resolved: true,
        inferred: true,
      };
    }
    if (!ref || ref.month === undefined || ref.day === undefined) return unresolved("day", "no-reference");
    const t = utc(ref.year, ref.month, ref.day) + (offset.days ?? 0) * DAY_MS;
    return { mention, value: iso(t), precision: "day", resolved: true, inferred: true };
  }

  if (day !== undefined && month !== undefined) {
    if (year !== undefined) {
      if (!isRealDay(year, month, day)) return unresolved("day", "invalid");
      return { mention, value: `${year}-${pad(month)}-${pad(day)}`, precision: "day", resolved: true };
    }
    if (!ref) return unresolved("day", "no-reference");
    if (month < 1 || month > 12 || day > 31 || day < 1) return unresolved("day", "invalid");
    // the middle of the reference month when the reference has no day
    const refT = utc(ref.year, ref.month ?? 7, ref.day ?? (ref.month ? 15 : 1));
    const candidates = [ref.year - 1, ref.year, ref.year + 1]
      .filter((y) => isRealDay(y, month, day))
      .map((y) => ({ y, t: utc(y, month, day) }))
      .sort((a, b) => Math.abs(a.t - refT) - Math.abs(b.t - refT));
    if (candidates.length === 0) return unresolved("day", "invalid");
    let best = candidates[0] as { y: number; t: number };
    if (weekday !== undefined) {
      const matching = candidates.filter((c) => new Date(c.t).getUTCDay() === weekday);
      if (matching[0]) best = matching[0];
    }
    return { mention, value: iso(best.t), precision: "day", resolved: true, inferred: true };
  }

  if (month !== undefined) {
    if (month < 1 || month > 12) return unresolved("month", "invalid");
    if (year !== undefined)
      return { mention, value: `${year}-${pad(month)}`, precision: "month", resolved: true };
    if (!ref || ref.month === undefined) return unresolved("month", "no-reference");
    const refM = ref.year * 12 + (ref.month - 1);
    // nearest month; a tie (six months either way) stays in the reference year
    const best = [ref.year, ref.year - 1, ref.year + 1]
      .map((y) => ({ y, d: Math.abs(y * 12 + (month - 1) - refM) }))
      .sort((a, b) => a.d - b.d)[0] as { y: number };
    return { mention, value: `${best.y}-${pad(month)}`, precision: "month", resolved: true, inferred: true };
  }

  if (year !== undefined) return { mention, value: String(year), precision: "year", resolved: true };

  if (weekday !== undefined) {
    if (!ref || ref.month === undefined || ref.day === undefined) return unresolved("day", "no-reference");
    const refT = utc(ref.year, ref.month, ref.day);
    const back = (new Date(refT).getUTCDay() - weekday + 7) % 7;
    return {
      mention,
      value: iso(refT - back * DAY_MS),
      precision: "day",
      resolved: true,
      inferred: true,
      approximate: true,
    };
  }
  return unresolved("day", "invalid");
}
