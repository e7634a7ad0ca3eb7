// Date expressions in French and English news text: `le 9 février`, `jeudi 15 janvier`,
// `15 janvier 2026`, `January 15, 2026`, `début mars 2020`, `en 2025`, `hier`, `l'an dernier`…
// Each is read into its parts (day, month, year, weekday, relative offset) without deciding
// which year a day without a year means: that is `resolveDate`'s job, against a reference date.

export type DatePrecision = "day" | "month" | "year";

export interface DateMention {
  /** The expression as written (`jeudi 15 janvier`, `en 2025`). */
  readonly text: string;
  readonly start: number;
  readonly end: number;
  readonly day?: number;
  /** 1–12. */
  readonly month?: number;
  readonly year?: number;
  /** 0 = Sunday … 6 = Saturday, when a weekday is written. */
  readonly weekday?: number;
  /** `hier` = -1 day, `l'an dernier` = -1 year… relative to the reference date. */
  readonly offset?: { readonly days?: number; readonly months?: number; readonly years?: number };
  /** `début`, `mi`, `fin` of a month or year (kept for display; precision stays month/year). */
  readonly part?: "early" | "mid" | "late";
  /** `le 1er janvier dernier`, `jeudi prochain`: the text says on which side of the reference it lies. */
  readonly direction?: "past" | "future";
  /** `la semaine dernière`, `le mois prochain`: a period rather than a day. */
  readonly period?: "week" | "month";
}

const FR_MONTHS = [
  "janvier",
  "février|fevrier",
  "mars",
  "avril",
  "mai",
  "juin",
  "juillet",
  "août|aout",
  "septembre",
  "octobre",
  "novembre",
  "décembre|decembre",
];
const EN_MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];
const FR_DAYS = ["dimanche", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi"];
const EN_DAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

const monthIndex = new Map<string, number>();
FR_MONTHS.forEach((alts, i) => {
  for (const m of alts.split("|")) monthIndex.set(m, i + 1);
});
EN_MONTHS.forEach((m, i) => {
  monthIndex.set(m.toLowerCase(), i + 1);
});
const dayIndex = new Map<string, number>();
FR_DAYS.forEach((d, i) => {
  dayIndex.set(d, i);
});
EN_DAYS.forEach((d, i) => {
  dayIndex.set(d.toLowerCase(), i);
});

// French months and weekdays are written in lower case (a capital only opening a sentence);
// English ones always take a capital. Matching them case-sensitively keeps `Mars` (the planet),
// `May` (the name) at bay.
const cap = (w: string) => `${w[0]?.toUpperCase()}${w.slice(1)}`;
const FR_MONTH = FR_MONTHS.flatMap((a) => a.split("|")).join("|");
const EN_MONTH = EN_MONTHS.join("|");
const MONTH = `${FR_MONTH}|${EN_MONTH}`;
const WEEKDAY = [...FR_DAYS, ...FR_DAYS.map(cap), ...EN_DAYS].join("|");
const L = "(?<![\\p{L}\\p{N}])";
const R = "(?![\\p{L}\\p{N}])";
const YEAR = "(?:1[89]\\d\\d|20\\d\\d)";
const PART = "(début|debut|mi-|mi|fin|courant|early|mid-|late)";
// `le 1er janvier dernier`, `jeudi prochain`, `last Thursday`: which side of the reference date
const SIDE = "(?:\\s+(dernier|dernière|derniere|passé|passée|prochain|prochaine))?";

interface Pattern {
  readonly re: RegExp;
  readonly read: (m: RegExpExecArray) => Omit<DateMention, "text" | "start" | "end"> | undefined;
}

const num = (s: string | undefined) => (s === undefined ? undefined : Number(s));
const month = (s: string | undefined) => (s === undefined ? undefined : monthIndex.get(s.toLowerCase()));
const weekday = (s: string | undefined) => (s === undefined ? undefined : dayIndex.get(s.toLowerCase()));
const side = (s: string | undefined): DateMention["direction"] =>
  s === undefined ? undefined : /^(?:dern|pass)/i.test(s) ? "past" : "future";
const part = (s: string | undefined): DateMention["part"] => {
  if (!s) return undefined;
  const p = s.toLowerCase().replace(/-$/, "");
  return p === "début" || p === "debut" || p === "early"
    ? "early"
    : p === "mi" || p === "mid"
      ? "mid"
      : p === "fin" || p === "late"
        ? "late"
        : undefined;
};

const PATTERNS: Pattern[] = [
  // `jeudi 15 janvier 2026`, `15 janvier`, `1er mars`, `Thursday 15 January 2026`
  {
    re: new RegExp(
      `${L}(?:(${WEEKDAY}),?\\s+)?(\\d{1,2})(?:er|st|nd|rd|th)?\\s+(${MONTH})(?:,?\\s+(${YEAR}))?${SIDE}${R}`,
      "gu",
    ),
    read: (m) => ({
      weekday: weekday(m[1]),
      day: num(m[2]),
      month: month(m[3]),
      year: num(m[4]),
      direction: m[4] ? undefined : side(m[5]),
    }),
  },
  // `January 15, 2026`, `Thursday, January 15`
  {
    re: new RegExp(
      `${L}(?:(${EN_DAYS.join("|")}),?\\s+)?(${EN_MONTH})\\s+(\\d{1,2})(?:st|nd|rd|th)?(?:,?\\s+(${YEAR}))?${R}`,
      "gu",
    ),
    read: (m) => ({ weekday: weekday(m[1]), month: month(m[2]), day: num(m[3]), year: num(m[4]) }),
  },
  // `15/01/2026`, `15.01.2026` (day first, as written in French)
  {
    re: new RegExp(`${L}(\\d{1,2})[/.](\\d{1,2})[/.](${YEAR})${R}`, "gu"),
    read: (m) => ({ day: num(m[1]), month: num(m[2]), year: num(m[3]) }),
  },
  // `début mars 2020`, `janvier 2026`, `en janvier`, `fin février`
  {
    re: new RegExp(`${L}(?:${PART}\\s*)?(${MONTH})\\s+(${YEAR})${R}`, "giu"),
    read: (m) =>
      /^\p{Lu}/u.test(m[2] ?? "") && FR_MONTH.includes((m[2] ?? "").toLowerCase()) && !m[1]
        ? undefined
        : { part: part(m[1]), month: month(m[2]), year: num(m[3]) },
  },
  {
    re: new RegExp(
      `${L}(?:(?:[Ee]n|[Dd]ès|[Dd]epuis|[Jj]usqu'en|[Jj]usqu’en|[Dd]'ici|[Dd]’ici|in|since|until)\\s+|${PART}\\s*)(${MONTH})${SIDE}${R}`,
      "gu",
    ),
    read: (m) => ({ part: part(m[1]), month: month(m[2]), direction: side(m[3]) }),
  },
  // `mars dernier`, `septembre prochain` (French months are lower case)
  {
    re: new RegExp(`${L}(${FR_MONTH})\\s+(dernier|prochain)${R}`, "gu"),
    read: (m) => ({ month: month(m[1]), direction: side(m[2]) }),
  },
  // `en 2025`, `depuis 2010`, `l'année 2026`, `fin 2019`, `in 2025`
  {
    re: new RegExp(
      `${L}(?:(?:[Ee]n|[Dd]ès|[Dd]epuis|[Jj]usqu'en|[Jj]usqu’en|[Dd]'ici|[Dd]’ici|[Aa]vant|[Aa]près|l'année|l’année|[Aa]nnée|l'an|l’an|in|since|by|until|before|after)\\s+|${PART}\\s+)(${YEAR})${R}`,
      "gu",
    ),
    read: (m) => ({ part: part(m[1]), year: num(m[2]) }),
  },
  // relative days and years
  {
    re: new RegExp(
      `${L}(aujourd'hui|aujourd’hui|avant-hier|après-demain|hier|demain|today|yesterday|tomorrow|l'an dernier|l’an dernier|l'année dernière|l’année dernière|l'an passé|l’an passé|l'année passée|l’année passée|l'an prochain|l’an prochain|l'année prochaine|l’année prochaine|cette année|last year|next year|this year)${R}`,
      "giu",
    ),
    read: (m) => {
      const w = (m[1] ?? "").toLowerCase().replace("’", "'");
      const days: Record<string, number> = {
        "aujourd'hui": 0,
        today: 0,
        hier: -1,
        yesterday: -1,
        "avant-hier": -2,
        demain: 1,
        tomorrow: 1,
        "après-demain": 2,
      };
      if (w in days) return { offset: { days: days[w] } };
      if (/dern|pass|last/.test(w)) return { offset: { years: -1 } };
      if (/proch|next/.test(w)) return { offset: { years: 1 } };
      return { offset: { years: 0 } };
    },
  },
  // `la semaine dernière`, `le mois prochain`, `cette semaine`, `last week`, `next month`
  {
    re: new RegExp(
      `${L}(?:cette\\s+semaine|la\\s+semaine\\s+(dernière|derniere|passée|passee|prochaine)|(?:le|ce)\\s+mois(?:-ci|\\s+(dernier|passé|passe|prochain))|(last|next|this)\\s+(week|month))${R}`,
      "giu",
    ),
    read: (m) => {
      const word = (m[1] ?? m[2] ?? m[3] ?? "").toLowerCase();
      const step = /^(?:dern|pass|last)/.test(word) ? -1 : /^(?:proch|next)/.test(word) ? 1 : 0;
      const period = /semaine|week/i.test(m[0]) ? "week" : "month";
      return period === "week"
        ? { offset: { days: 7 * step }, period }
        : { offset: { months: step }, period };
    },
  },
  // a weekday on its own: `jeudi`, `ce mardi`, `jeudi dernier`, `Thursday`
  {
    re: new RegExp(`${L}(${WEEKDAY})${SIDE}${R}`, "gu"),
    read: (m) => ({ weekday: weekday(m[1]), direction: side(m[2]) }),
  },
];

function clean<T extends object>(o: T): T {
  for (const k of Object.keys(o) as (keyof T)[]) if (o[k] === undefined) delete o[k];
  return o;
}

/** Every date expression of `text`, in order, longest first where two overlap. */
export function findDateExpressions(text: string): DateMention[] {
  const found: DateMention[] = [];
  for (const p of PATTERNS) {
    p.re.lastIndex = 0;
    for (let m = p.re.exec(text); m !== null; m = p.re.exec(text)) {
      const parts = p.read(m);
      if (!parts) continue;
      found.push(clean({ text: m[0], start: m.index, end: m.index + m[0].length, ...parts }));
    }
  }
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: DateMention[] = [];
  let reach = -1;
  for (const d of found) {
    if (d.start < reach) continue;
    out.push(d);
    reach = d.end;
  }
  return out;
}
