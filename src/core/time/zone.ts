// Time zones with Intl alone: a zone name checked and canonicalised (`europe/paris` →
// `Europe/Paris`), the local day and time of an instant in a zone, and calendar-day arithmetic on
// `YYYY-MM-DD` days (at noon UTC, so no daylight-saving change moves a day).

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
