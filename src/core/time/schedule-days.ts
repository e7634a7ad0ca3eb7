// The days and time of a schedule as a team types them: a time of day (`8h`, `08:30`) and days of
// the week (`mon-fri`, `lun,mer,ven`, `weekend`, `daily`), in French or English, and their display.
// Commands parse them, configuration validates them, the scheduler reads them back: one home below
// all three.
import { foldText } from "../text/fold.ts";

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
  const folded = foldText(text.trim());
  if (folded === "") return undefined;
  const named = DAY_SETS[folded.replace(/\s+/g, "-")];
  if (named) return [...named];
  const days = new Set<number>();
  for (const part of folded.split(/[\s,;]+/).filter(Boolean)) {
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
