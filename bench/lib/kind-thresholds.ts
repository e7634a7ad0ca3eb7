// Thresholds per asked kind (person, date, number, place, other): each chosen by the trainer's
// rule on the held-out questions of that kind only, and an honest estimate of what they give —
// for each fold, thresholds chosen WITHOUT that fold's questions, applied to them.
import { FEATURES } from "../../src/core/answer/features.ts";
import type { HeldOut } from "../train-scorer.ts";
import { kindOf } from "./scorer-report.ts";

export const KINDS = ["person", "date", "number", "place", "other"] as const;
export type Kind = (typeof KINDS)[number];
export type Chooser = (outs: readonly HeldOut[]) => number;

export const kindOfHeldOut = (h: HeldOut) => kindOf(h, FEATURES) as Kind;

export function kindThresholds(outs: readonly HeldOut[], choose: Chooser): Record<Kind, number> {
  return Object.fromEntries(
    KINDS.map((k) => [k, choose(outs.filter((h) => kindOfHeldOut(h) === k))]),
  ) as Record<Kind, number>;
}

/** Per question, the threshold of its kind chosen without its fold. */
export function nestedThresholds(outs: readonly HeldOut[], choose: Chooser): Map<HeldOut, number> {
  const out = new Map<HeldOut, number>();
  for (const fold of new Set(outs.map((h) => h.q.fold))) {
    const chosen = kindThresholds(
      outs.filter((h) => h.q.fold !== fold),
      choose,
    );
    for (const h of outs) if (h.q.fold === fold) out.set(h, chosen[kindOfHeldOut(h)]);
  }
  return out;
}

const pct = (x: number, n: number) => (n === 0 ? "-" : `${((100 * x) / n).toFixed(1)} %`);

/** Right / wrong / abstained per set when each question meets the threshold given for it. */
export function outcomeTable(
  outs: readonly HeldOut[],
  probability: ReadonlyMap<HeldOut, number>,
  thresholdOf: (h: HeldOut) => number,
): string {
  const lines = [
    "| set | questions | right | wrong | abstained | unanswerable abstained |",
    "|---|---|---|---|---|---|",
  ];
  for (const set of ["piaf", "news", "seeds"] as const) {
    const mine = outs.filter((h) => h.q.set === set);
    if (mine.length === 0) continue;
    const answered = (h: HeldOut) => !h.q.bypass && (probability.get(h) ?? 0) >= thresholdOf(h);
    const answerable = mine.filter((h) => h.q.answerable);
    const unanswerable = mine.filter((h) => !h.q.answerable);
    const right = answerable.filter((h) => answered(h) && h.right).length;
    const wrong = answerable.filter((h) => answered(h) && !h.right).length;
    const kept = unanswerable.filter((h) => !answered(h)).length;
    lines.push(
      `| ${set} | ${answerable.length}+${unanswerable.length} | ${pct(right, answerable.length)} | ${pct(wrong, answerable.length)} | ${pct(answerable.length - right - wrong, answerable.length)} | ${pct(kept, unanswerable.length)} |`,
    );
  }
  return lines.join("\n");
}
