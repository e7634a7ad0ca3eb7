// Time for schedules, with no library but Intl: a time zone checked and canonicalised
// (`europe/paris` → `Europe/Paris`), a time of day (`8h`, `08:30`) and days of the week
// (`mon-fri`, `lun,mer,ven`, `weekend`, `daily`) parsed, a date's local day and time in a zone,
// and the node-cron expression of a subscription.

export const DAY_NAMES = {
  en: ["sun", "mon", "tue", "wed", "thu", "fri", "sat"],
  fr: ["dim", "lun", "mar", "mer", "jeu", "ven", "sam"],
} as const;

const DAY_ALIASES: Record<string, number> = {};
for (const names of [
  DAY_NAMES.en,
  DAY_NAMES.fr,
  ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"],
  ["dimanche", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi"],
  ["su", "mo", "tu", "we", "th", "fr", "sa"],
]) {
  names.forEach((name, i) => {
    DAY_ALIASES[name] = i;
  });
}

const ALL_DAYS = [0, 1, 2, 3, 4, 5, 6];
const DAY_SETS: Record<string, number[]> = {
  daily: ALL_DAYS,
  everyday: ALL_DAYS,
  all: ALL_DAYS,
  "*": ALL_DAYS,
  tous: ALL_DAYS,
  "tous-les-jours": ALL_DAYS,
  quotidien: ALL_DAYS,
  weekdays: [1, 2, 3, 4, 5],
  semaine: [1, 2, 3, 4, 5],
  ouvres: [1, 2, 3, 4, 5],
  weekend: [0, 6],
  "week-end": [0, 6],
};

/** The canonical name of an IANA time zone (`europe/paris` → `Europe/Paris`), or undefined. */
export function canonicalTimeZone(name: string): string | undefined {
  const tz = name.trim();
  // Offsets and abbreviations (`+01:00`, `CET`) are not what a team means by its time zone.
  if (!/^(UTC|GMT|[A-Za-z][A-Za-z_-]*(\/[A-Za-z0-9_+-]+){1,2})$/i.test(tz)) return undefined;
  known ??= new Map(Intl.supportedValuesOf("timeZone").map((z) => [z.toLowerCase(), z]));
  const listed = known.get(tz.toLowerCase());
  if (listed) return listed;
  try {
    // Valid but not in the list (an alias such as Asia/Ho_Chi_Minh where ICU lists Asia/Saigon):
    // kept as typed, which is how the team knows it.
    const resolved = new Intl.DateTimeFormat(undefined, { timeZone: tz }).resolvedOptions().timeZone;
    return resolved.toLowerCase() === tz.toLowerCase() ? resolved : tz;
  } catch {
    return undefined;
  }
}

let known: Map<string, string> | undefined;

/** `8`, `8h`, `08:00`, `8h30`, `20.15` → `HH:MM`; undefined when it is not a time of day. */
export function parseTime(text: string): string | undefined {
  const m = /^(\d{1,2})(?:\s*[:h.]\s*(\d{2})?)?$/i.exec(text.trim());
  if (!m) return undefined;
  const h = Number(m[1]);
  const min = m[2] === undefined ? 0 : Number(m[2]);
  if (h > 23 || min > 59) return undefined;
  return `${String(h).padStart(2, "0")}:${String(min).padStart(2, "0")}`;
}

/** `mon-fri`, `lun,mer,ven`, `sat sun`, `weekend`, `daily` → sorted days (0 = Sunday); undefined if bad. */
export function parseDays(text: string): number[] | undefined {
  const fold = text
    .trim()
    .toLowerCase()
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "");
  if (fold === "") return undefined;
  const named = DAY_SETS[fold.replace(/\s+/g, "-")];
  if (named) return [...named];
  const days = new Set<number>();
  for (const part of fold.split(/[\s,;]+/).filter(Boolean)) {
    const range = /^([a-z]+)\s*[-–]\s*([a-z]+)$/.exec(part);
    if (range) {
      const a = DAY_ALIASES[range[1] as string];
      const b = DAY_ALIASES[range[2] as string];
      if (a === undefined || b === undefined) return undefined;
      // wraps around the week: fri-mon = fri, sat, sun, mon
      for (let d = a; ; d = (d + 1) % 7) {
        days.add(d);
        if (d === b) break;
      }
      continue;
    }
    const set = DAY_SETS[part];
    if (set) {
      for (const d of set) days.add(d);
      continue;
    }
    const d = DAY_ALIASES[part.replace(/\.$/, "")];
    if (d === undefined) return undefined;
    days.add(d);
  }
  return [...days].sort((a, b) => a - b);
}

/** `lun–ven`, `lun, mer, ven`, `tous les jours` / `mon–fri`, `every day`. */
export function formatDays(days: readonly number[], locale: "fr" | "en"): string {
  const names = DAY_NAMES[locale];
  const sorted = [...new Set(days)].sort((a, b) => a - b);
  if (sorted.length === 7) return locale === "fr" ? "tous les jours" : "every day";
  const monFirst = sorted.map((d) => (d + 6) % 7).sort((a, b) => a - b);
  const contiguous = monFirst.every((d, i) => i === 0 || d === (monFirst[i - 1] as number) + 1);
  const name = (monIndex: number) => names[(monIndex + 1) % 7] as string;
  if (contiguous && monFirst.length >= 3) {
    return `${name(monFirst[0] as number)}–${name(monFirst[monFirst.length - 1] as number)}`;
  }
  return monFirst.map(name).join(", ");
}

export interface LocalMoment {
  /** `YYYY-MM-DD` in the zone: the period of a daily subscription. */
  readonly day: string;
  /** `HH:MM` in the zone. */
  readonly time: string;
  /** 0 = Sunday … 6 = Saturday, in the zone. */
  readonly weekday: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

export function localMoment(date: Date, timeZone: string): LocalMoment {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      weekday: "short",
    });
    formatters.set(timeZone, f);
  }
  const parts: Record<string, string> = {};
  for (const p of f.formatToParts(date)) parts[p.type] = p.value;
  const weekday = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"].indexOf(parts.weekday ?? "");
  return {
    day: `${parts.year}-${parts.month}-${parts.day}`,
    time: `${parts.hour}:${parts.minute}`,
    weekday,
  };
}

/** `YYYY-MM-DD` plus `n` days (negative goes back). */
export function addDays(day: string, n: number): string {
  const d = new Date(`${day}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

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
