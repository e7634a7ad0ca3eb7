// A figure that changes (a toll, a count, a rate) is reported several times, and the first reports
// are superseded: `au moins 38 personnes` on the day after a bridge collapse, `43 morts` in later
// articles. A sentence giving a figure is compared with the other candidates of the question
// giving another figure of the same thing (both next to the counted word, or with the same unit):
// `newerFigure` says how well a newer article's sentence (inside the question's frame whenever this
// one is) states another value, as a share of this sentence's own coverage of the question. The
// scorer learns how much an update outweighs the first report.
import type { NewsIndex } from "../search/news-index.ts";
import { FEATURE_INDEX, type SentenceCandidate } from "./features.ts";
import type { Reading } from "./read-question.ts";

interface Figure {
  readonly s: SentenceCandidate;
  readonly date: string;
  /** The values it gives (`43`), and the units they count (`mort`). */
  readonly values: ReadonlySet<string>;
  readonly units: ReadonlySet<string>;
}

const at = (s: SentenceCandidate, name: keyof typeof FEATURE_INDEX) =>
  s.features[FEATURE_INDEX[name]] as number;

function figureOf(news: NewsIndex, s: SentenceCandidate): Figure | undefined {
  const keys = s.keys ?? [];
  if (keys.length === 0 || at(s, "kindFound") !== 1) return undefined;
  const values = new Set<string>();
  const units = new Set<string>();
  for (const key of keys) {
    const space = key.indexOf(" ");
    values.add(space < 0 ? key : key.slice(0, space));
    if (space >= 0) units.add(key.slice(space + 1));
  }
  return { s, date: news.articles[s.doc]?.date ?? "", values, units };
}

/** Whether `a` and `b` give a figure of the same thing: both beside the counted word, or a unit in common. */
function sameThing(a: Figure, b: Figure): boolean {
  if (at(a.s, "countsFocus") === 1 && at(b.s, "countsFocus") === 1) return true;
  for (const u of a.units) if (b.units.has(u)) return true;
  return false;
}

function sharesValue(a: Figure, b: Figure): boolean {
  for (const v of b.values) if (a.values.has(v)) return true;
  return false;
}

/** Writes `newerFigure` for the candidates of a how-many question (after the refined features). */
export function addFigureUpdates(
  news: NewsIndex,
  q: Reading,
  candidates: readonly SentenceCandidate[],
): void {
  if (q.kind !== "number") return;
  const figures = candidates.flatMap((s) => {
    const f = figureOf(news, s);
    return f ? [f] : [];
  });
  for (const mine of figures) {
    const own = at(mine.s, "coverage") || 1e-9;
    let best = 0;
    for (const other of figures) {
      if (other.date <= mine.date || at(other.s, "inFrame") < at(mine.s, "inFrame")) continue;
      if (sharesValue(mine, other) || !sameThing(mine, other)) continue;
      best = Math.max(best, Math.min(1, at(other.s, "coverage") / own));
    }
    mine.s.features[FEATURE_INDEX.newerFigure] = best;
  }
}
