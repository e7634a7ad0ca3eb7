// Step 5, deciding: the best-scoring sentence answers, unless the question is about something the
// archive does not cover (a name or year it never mentions, a time frame outside its dates) or the
// calibrated confidence is below the threshold. Among sentences scoring about as well and holding
// the asked kind alike, and among those stating the top's answer as fully, the newest article
// wins: a figure that changes is quoted as last stated, an answer from its latest telling; for the
// latest figure asked (`dernier bilan`), the newest of the same unit from further below. Then a
// rounded figure (a title's `près de 600 kilomètres`) gives way to a close sentence stating it precisely,
// an event told generically to a close sentence naming the asked particular, and a sentence failing a
// guard of meaning (./guards.ts) to a close one passing them; with none, the question is left unanswered.
import type { NewsIndex } from "../search/news-index.ts";
import { FEATURE_INDEX, type SentenceCandidate } from "./features.ts";
import { passesGuards } from "./guards.ts";
import type { Reading } from "./read-question.ts";
import type { Scorer } from "./scorer.ts";

export interface ScoredSentence extends SentenceCandidate {
  readonly score: number;
}

export type Decision =
  | { readonly found: true; readonly best: ScoredSentence; readonly confidence: number }
  | {
      readonly found: false;
      readonly confidence: number;
      readonly why: "unknown" | "outside" | "unsure" | "unfit";
    };

export interface DecideOptions {
  /** Sentences within this score (log-odds) of the best compete on recency. */
  readonly recencyMargin: number;
  /** A sentence within this score (log-odds) of the chosen one that gives its rounded figure precisely wins (0: off). */
  readonly preciseMargin: number;
  /** For the latest figure asked (`dernier bilan`), the newest figure of the same unit within this score wins (0: off). */
  readonly latestMargin: number;
  /**
   * For a question asking which one (a which-thing, a place or a role's name), a sentence within this
   * score (log-odds) of the chosen one naming the asked thing wins when the chosen one tells it
   * generically (0: off).
   */
  readonly namedMargin: number;
  /**
   * When the chosen sentence fails a guard of meaning (a when-question's sentence with no date, a
   * name asked and none given), the best sentence within this score (log-odds) of it that passes
   * them is quoted instead of abstaining (0: off).
   */
  readonly fitMargin: number;
  /** Overrides the model's threshold. */
  readonly minConfidence?: number;
  /** The archive's first and last dates (`YYYY-MM-DD`), for frames it does not cover. */
  readonly span: { readonly first: string; readonly last: string };
}

export function decide(
  news: NewsIndex,
  q: Reading,
  scored: readonly ScoredSentence[],
  scorer: Scorer,
  options: DecideOptions,
): Decision {
  if (q.unknownName) return { found: false, confidence: 0, why: "unknown" };
  if (afterArchive(q, options.span.last)) return { found: false, confidence: 0, why: "outside" };
  const ranked = [...scored].sort((a, b) => b.score - a.score);
  const top = ranked[0];
  if (!top) return { found: false, confidence: 0, why: "unsure" };
  const confidence = scorer.confidence(ranked);
  const threshold = options.minConfidence ?? scorer.thresholdFor(q.kind);
  if (confidence < threshold) return { found: false, confidence, why: "unsure" };
  const newest = newestAsGood(news, ranked, top, options.recencyMargin);
  const latest =
    q.kind === "number" && q.frame?.latest
      ? latestFigure(news, ranked, newest, options.latestMargin)
      : newest;
  const best =
    q.kind === "number"
      ? preciseAsGood(news, ranked, latest, options.preciseMargin, q.frame?.latest === true)
      : namedAsGood(ranked, latest, options.namedMargin);
  const fit = fitAsGood(news, q, ranked, best, options.fitMargin);
  if (!fit) return { found: false, confidence: 0, why: "unfit" };
  return { found: true, best: fit, confidence };
}

/**
 * The chosen sentence if it passes the guards of meaning (guards.ts), else the best-scoring one
 * within `margin` of it that does, inside the question's time frame whenever the chosen one is:
 * the event was found, and a sentence telling it as a when-question asks (with a date), as a
 * how-many asks (with a count) or as a name asked (with a name) answers it; the confidence stays
 * the question's. None: the question is left unanswered.
 */
export function fitAsGood(
  news: NewsIndex,
  q: Reading,
  ranked: readonly ScoredSentence[],
  best: ScoredSentence,
  margin: number,
): ScoredSentence | undefined {
  if (passesGuards(news, q, best)) return best;
  if (margin <= 0) return undefined;
  return ranked.find(
    (s) => s !== best && s.score >= best.score - margin && !outOfFrame(s, best) && passesGuards(news, q, s),
  );
}

/**
 * The question's frame starts, or the day whose state it asks (`au 1er janvier 2021`) falls, after
 * the archive's last day (`YYYY-MM-DD`): articles can only anticipate it, and the latest figure
 * they give is an older one (a frame before the first day is fine: articles tell of the past).
 * A question asking ahead of its day (`Qui jouera le 19 avril ?`) asks what is planned: the
 * archive knows it when it reaches the day the question is asked.
 */
export function afterArchive(q: Pick<Reading, "frame">, last: string): boolean {
  if (last === "") return false;
  const { from, on, ahead } = q.frame ?? {};
  if (ahead !== undefined) return ahead > last;
  return (from !== undefined && from.slice(0, 10) > last) || (on !== undefined && on > last);
}

/**
 * Newer wins among equally good answers, by rule rather than by learned
 * weights: among the sentences scoring within `margin` of the top that hold the asked kind alike,
 * and among those giving the top's own answer (an answer key in common) while covering the
 * question at least as fully in the sentence itself, the newest article's is quoted.
 */
export function newestAsGood(
  news: NewsIndex,
  ranked: readonly ScoredSentence[],
  top: ScoredSentence,
  margin: number,
): ScoredSentence {
  const kindOf = (s: ScoredSentence) => s.features[FEATURE_INDEX.kindFound];
  const dateOf = (s: ScoredSentence) => news.articles[s.doc]?.date ?? "";
  let best = top;
  for (const s of ranked) {
    if (kindOf(s) !== kindOf(top)) continue;
    if (s.score < top.score - margin && !statesAsFully(s, top)) continue;
    if (dateOf(s) > dateOf(best)) best = s;
  }
  return best;
}

/**
 * `s` gives `top`'s answer (a key in common), its sentence covers the question as much, and it
 * stands in the question's time frame whenever `top` does.
 */
export function statesAsFully(s: ScoredSentence, top: ScoredSentence): boolean {
  const mine = top.keys ?? [];
  if (mine.length === 0 || !(s.keys ?? []).some((k) => mine.includes(k))) return false;
  const f = (x: ScoredSentence, i: number) => x.features[i] as number;
  return (
    f(s, FEATURE_INDEX.coverage) >= f(top, FEATURE_INDEX.coverage) - 1e-9 &&
    f(s, FEATURE_INDEX.inFrame) >= f(top, FEATURE_INDEX.inFrame)
  );
}

// `s` leaves the question's time frame where `best` stands in it (a figure of another year)
const outOfFrame = (s: ScoredSentence, best: ScoredSentence) =>
  (s.features[FEATURE_INDEX.inFrame] as number) < (best.features[FEATURE_INDEX.inFrame] as number);
// a figure's value (`588`, `12.4`) from an answer key (`588 kilometr`, `12.4 million`), and its unit
const keyFigure = (key: string) => {
  const space = key.indexOf(" ");
  const value = Number(space < 0 ? key : key.slice(0, space));
  return { value, unit: space < 0 ? "" : key.slice(space + 1) };
};
// significant digits: `600` one, `588` three, `2.2` two
const significant = (v: number) => String(v).replace(".", "").replace(/^0+/, "").replace(/0+$/, "").length;

/**
 * A rounded figure gives way to the precise one it rounds: a title's `près de 600 kilomètres`
 * or `2 %` to the body's `588 kilomètres` or `2,2 %`, when a sentence scoring within `margin` gives
 * a figure of the same unit within a fifth of it, with more significant digits, inside the
 * question's time frame whenever the chosen one is (for the latest figure asked, in an article no
 * older than the chosen one's).
 */
export function preciseAsGood(
  news: NewsIndex,
  ranked: readonly ScoredSentence[],
  best: ScoredSentence,
  margin: number,
  latest = false,
): ScoredSentence {
  if (margin <= 0) return best;
  const mine = (best.keys ?? []).map(keyFigure).filter((f) => Number.isFinite(f.value) && f.value > 0);
  if (mine.length === 0) return best;
  const dateOf = (s: ScoredSentence) => news.articles[s.doc]?.date ?? "";
  for (const s of ranked) {
    if (s === best || s.score < best.score - margin || outOfFrame(s, best)) continue;
    // for the latest figure asked, an older article's figure is no precise telling of the newest one
    if (latest && dateOf(s) < dateOf(best)) continue;
    const finer = (s.keys ?? [])
      .map(keyFigure)
      .some((f) =>
        mine.some(
          (m) =>
            m.unit === f.unit &&
            Number.isFinite(f.value) &&
            f.value !== m.value &&
            Math.abs(f.value - m.value) <= 0.2 * m.value &&
            significant(f.value) > significant(m.value),
        ),
      );
    if (finer) return s;
  }
  return best;
}

const on = (s: ScoredSentence, name: keyof typeof FEATURE_INDEX) =>
  (s.features[FEATURE_INDEX[name]] as number) > 0;

/**
 * The event told without the asked particular gives way to the telling that names it: when the
 * chosen sentence writes the asked thing generically or fills its slot in no way (`une plage des
 * Landes`, `une rivière près de Saint-Jean-de-Maurienne` for `sur quelle plage`, `dans quelle
 * rivière`), a sentence scoring within `margin` that writes it with a name the question does not
 * hold (`la plage du Cap de l'Homy`, `au fond de l'Arvan`) is quoted, inside the question's time
 * frame whenever the chosen one is. The confidence stays the question's: the event was found, and
 * the sentence naming its particular answers it.
 */
export function namedAsGood(
  ranked: readonly ScoredSentence[],
  best: ScoredSentence,
  margin: number,
): ScoredSentence {
  if (margin <= 0 || on(best, "particularNamed")) return best;
  if (!on(best, "askedSlotEmpty") && !on(best, "particularGeneric")) return best;
  for (const s of ranked) {
    if (s === best || s.score < best.score - margin || outOfFrame(s, best)) continue;
    if (on(s, "particularNamed") && !on(s, "askedSlotEmpty")) return s;
  }
  return best;
}

/**
 * The latest figure asked (`quel est le dernier bilan ?`, `à ce jour`): among the sentences scoring
 * within `margin` of the chosen one that give a figure of a unit it gives (`morts`, `hectares`), in
 * the question's time frame whenever it is, the newest article's is quoted, whatever its value: a
 * toll is superseded by the next day's.
 */
export function latestFigure(
  news: NewsIndex,
  ranked: readonly ScoredSentence[],
  best: ScoredSentence,
  margin: number,
): ScoredSentence {
  const units = new Set((best.keys ?? []).map((k) => keyFigure(k).unit).filter((u) => u !== ""));
  if (margin <= 0 || units.size === 0) return best;
  const dateOf = (s: ScoredSentence) => news.articles[s.doc]?.date ?? "";
  let chosen = best;
  for (const s of ranked) {
    if (s.score < best.score - margin || outOfFrame(s, best)) continue;
    if (!(s.keys ?? []).some((k) => units.has(keyFigure(k).unit))) continue;
    if (dateOf(s) > dateOf(chosen)) chosen = s;
  }
  return chosen;
}
