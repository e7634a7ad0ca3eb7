// Resolution of a date expression against a reference date (the article's own date). A day or
// month without a year, or a bare weekday, lies on the side of the reference that the text says
// (`le 1er janvier dernier`, `jeudi prochain`) or that the tense of its verb says (`a annoncé
// jeudi` is the last Thursday, `se rendra jeudi` the coming one); with neither, the day nearest
// the reference (an article of 2026-01-05 saying `le 28 décembre` means 2025-12-28), a written
// weekday settling a tie. What cannot be resolved is flagged, never guessed.
import type { DateMention, DatePrecision } from "./date-expressions.ts";
import type { Tense } from "./tense.ts";

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

export interface ResolveOptions {
  /** The tense the expression is used in (see `tenseAt`): it places a bare weekday. */
  readonly tense?: Tense;
  /** The expression follows `depuis` / `since`: it lies on or before the reference. */
  readonly since?: boolean;
}

type Side = "past" | "future" | undefined;

// Which side of the reference. Measured on the archive's own full dates rewritten without their
// year or as a bare weekday (`npm run eval:dates`): a day and month alone are best placed at the
// nearest such day (the verb's tense only lowered that from 95 % to 93 %), so only the words
// `dernier`/`prochain`/`depuis` move them; a bare weekday is the coming one when its verb is in the
// future (90 % of such cases) and otherwise the last one (84 % even in present-tense sentences,
// which in news are mostly `publié mercredi`, `a déclaré mardi`).
function sideOf(mention: DateMention, options: ResolveOptions): { side: Side; strict: boolean } {
  if (mention.direction) return { side: mention.direction, strict: true };
  if (options.since) return { side: "past", strict: false };
  const bareWeekday = mention.day === undefined && mention.month === undefined;
  if (bareWeekday) return { side: options.tense === "future" ? "future" : "past", strict: false };
  return { side: undefined, strict: false };
}

/** Of `candidates` (times, ascending or not), the one on `side` of `ref` nearest to it. */
function pickSide<T extends { t: number }>(
  candidates: readonly T[],
  ref: number,
  side: Side,
  strict: boolean,
) {
  const onSide = candidates.filter((c) =>
    side === "past" ? (strict ? c.t < ref : c.t <= ref) : strict ? c.t > ref : c.t >= ref,
  );
  return onSide.sort((a, b) => Math.abs(a.t - ref) - Math.abs(b.t - ref))[0];
}

const unresolvedOf =
  (mention: DateMention) =>
  (precision: DatePrecision, problem: ResolvedDate["problem"]): ResolvedDate => ({
    mention,
    precision,
    resolved: false,
    ...(problem ? { problem } : {}),
  });

/** `hier`, `l'an dernier`, `le mois prochain`, `la semaine dernière`: counted from the reference. */
function resolveOffset(mention: DateMention, ref: RefDate | undefined): ResolvedDate {
  const unresolved = unresolvedOf(mention);
  const offset = mention.offset ?? {};
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
  if (offset.months !== undefined) {
    if (!ref || ref.month === undefined) return unresolved("month", "no-reference");
    const m = ref.year * 12 + (ref.month - 1) + offset.months;
    const value = `${Math.floor(m / 12)}-${pad((m % 12) + 1)}`;
    return { mention, value, precision: "month", resolved: true, inferred: true };
  }
  if (!ref || ref.month === undefined || ref.day === undefined) return unresolved("day", "no-reference");
  const t = utc(ref.year, ref.month, ref.day) + (offset.days ?? 0) * DAY_MS;
  // a week is a period: its day stands for it, approximately
  const approximate = mention.period === "week" ? { approximate: true } : {};
  return { mention, value: iso(t), precision: "day", resolved: true, inferred: true, ...approximate };
}

/** `15 janvier 2026`, `le 28 décembre`, `mardi 5 décembre`, `le 1er janvier dernier`. */
function resolveDay(
  mention: DateMention,
  ref: RefDate | undefined,
  options: ResolveOptions,
  day: number,
  month: number,
): ResolvedDate {
  const unresolved = unresolvedOf(mention);
  const { year, weekday } = mention;
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
  // a written weekday names the year outright (`mardi 5 décembre`); otherwise the side, then nearness
  const matching = candidates.filter((c) => weekday !== undefined && new Date(c.t).getUTCDay() === weekday);
  const { side, strict } = sideOf(mention, options);
  const best =
    (matching.length === 1 ? matching[0] : undefined) ??
    (side && ref.day !== undefined ? pickSide(candidates, refT, side, strict) : undefined) ??
    matching[0] ??
    (candidates[0] as { y: number; t: number });
  return { mention, value: iso(best.t), precision: "day", resolved: true, inferred: true };
}

/** `mars 2020`, `en mars`, `mars dernier`. */
function resolveMonth(
  mention: DateMention,
  ref: RefDate | undefined,
  options: ResolveOptions,
  month: number,
): ResolvedDate {
  const unresolved = unresolvedOf(mention);
  if (month < 1 || month > 12) return unresolved("month", "invalid");
  if (mention.year !== undefined)
    return { mention, value: `${mention.year}-${pad(month)}`, precision: "month", resolved: true };
  if (!ref || ref.month === undefined) return unresolved("month", "no-reference");
  const refM = ref.year * 12 + (ref.month - 1);
  const candidates = [ref.year, ref.year - 1, ref.year + 1].map((y) => ({ y, t: y * 12 + (month - 1) }));
  const { side, strict } = sideOf(mention, options);
  // nearest month on the side the text or tense says; a tie (six months either way) stays in the reference year
  const best = ((side ? pickSide(candidates, refM, side, strict) : undefined) ??
    [...candidates].sort((a, b) => Math.abs(a.t - refM) - Math.abs(b.t - refM))[0]) as { y: number };
  return { mention, value: `${best.y}-${pad(month)}`, precision: "month", resolved: true, inferred: true };
}

/** A bare weekday (`jeudi`, `jeudi prochain`): the coming or the last one, by the side. */
function resolveWeekday(
  mention: DateMention,
  ref: RefDate | undefined,
  options: ResolveOptions,
  weekday: number,
): ResolvedDate {
  if (!ref || ref.month === undefined || ref.day === undefined)
    return unresolvedOf(mention)("day", "no-reference");
  const refT = utc(ref.year, ref.month, ref.day);
  const { side, strict } = sideOf(mention, options);
  const back = (new Date(refT).getUTCDay() - weekday + 7) % 7;
  const ahead = (weekday - new Date(refT).getUTCDay() + 7) % 7;
  // with nothing to say which side, the last such day (news mostly reports what happened)
  const shift = side === "future" ? (ahead === 0 && strict ? 7 : ahead) : -(back === 0 && strict ? 7 : back);
  const value = iso(refT + shift * DAY_MS);
  return { mention, value, precision: "day", resolved: true, inferred: true, approximate: true };
}

/** Resolve one mention against `reference` (`YYYY-MM-DD`, `YYYY-MM`, or undefined). */
export function resolveDate(
  mention: DateMention,
  reference?: string,
  options: ResolveOptions = {},
): ResolvedDate {
  const ref = parseReference(reference);
  const { day, month, year, weekday } = mention;
  if (mention.offset) return resolveOffset(mention, ref);
  if (day !== undefined && month !== undefined) return resolveDay(mention, ref, options, day, month);
  if (month !== undefined) return resolveMonth(mention, ref, options, month);
  if (year !== undefined) return { mention, value: String(year), precision: "year", resolved: true };
  if (weekday !== undefined) return resolveWeekday(mention, ref, options, weekday);
  return unresolvedOf(mention)("day", "invalid");
}
