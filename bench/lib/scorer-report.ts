// Tables for the scorer's cross-validated report: outcomes per threshold and set, and the
// reliability table (predicted confidence against the observed share of right answers).
import type { HeldOut } from "../train-scorer.ts";

const pct = (x: number, n: number) => (n === 0 ? "-" : `${((100 * x) / n).toFixed(1)} %`);

/** Per set and threshold: right, wrong-with-citation, abstained (held-out questions). */
export function thresholdTable(outs: readonly HeldOut[], probability: ReadonlyMap<HeldOut, number>): string {
  const lines = [
    "| set | threshold | questions | top sentence right (no abstention) | right | wrong | abstained | unanswerable abstained |",
    "|---|---|---|---|---|---|---|---|",
  ];
  for (const set of ["piaf", "news", "seeds"] as const) {
    const mine = outs.filter((h) => h.q.set === set);
    const answerable = mine.filter((h) => h.q.answerable);
    const unanswerable = mine.filter((h) => !h.q.answerable);
    if (mine.length === 0) continue;
    const top = answerable.filter((h) => !h.q.bypass && h.right).length;
    for (const t of [0.3, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.9]) {
      const answered = (h: HeldOut) => !h.q.bypass && (probability.get(h) ?? 0) >= t;
      const right = answerable.filter((h) => answered(h) && h.right).length;
      const wrong = answerable.filter((h) => answered(h) && !h.right).length;
      const abstainedUn = unanswerable.filter((h) => !answered(h)).length;
      lines.push(
        `| ${set} | ${t} | ${answerable.length}+${unanswerable.length} | ${pct(top, answerable.length)} | ${pct(right, answerable.length)} | ${pct(wrong, answerable.length)} | ${pct(answerable.length - right - wrong, answerable.length)} | ${pct(abstainedUn, unanswerable.length)} |`,
      );
    }
  }
  return lines.join("\n");
}

/** Predicted vs observed, in bins of 0.1, per set (held-out, cross-fitted calibration). */
export function reliabilityTable(
  outs: readonly HeldOut[],
  probability: ReadonlyMap<HeldOut, number>,
): string {
  const lines = [
    "| set | confidence bin | questions | mean confidence | observed right |",
    "|---|---|---|---|---|",
  ];
  for (const set of ["piaf", "news", "seeds"] as const) {
    for (let b = 0; b < 10; b++) {
      const inBin = outs.filter((h) => {
        const p = probability.get(h);
        return h.q.set === set && p !== undefined && Math.min(9, Math.floor(p * 10)) === b;
      });
      if (inBin.length === 0) continue;
      const mean = inBin.reduce((s, h) => s + (probability.get(h) ?? 0), 0) / inBin.length;
      const right = inBin.filter((h) => h.right && h.q.answerable).length;
      lines.push(
        `| ${set} | ${(b / 10).toFixed(1)}–${((b + 1) / 10).toFixed(1)} | ${inBin.length} | ${mean.toFixed(3)} | ${pct(right, inBin.length)} |`,
      );
    }
  }
  return lines.join("\n");
}

/**
 * Where held-out answerable questions are lost, at the chosen threshold: no candidate from an
 * article that states the answer (news only, where the articles are listed), no candidate sentence
 * holding the answer, a wrong sentence ranked first, the right one below the threshold; and why
 * the wrong cited answers are wrong (no right candidate at all, or one ranked below).
 */
export function failureTable(
  outs: readonly HeldOut[],
  probability: ReadonlyMap<HeldOut, number>,
  threshold: number | ((h: HeldOut) => number),
): string {
  const at = typeof threshold === "number" ? () => threshold : threshold;
  const lines = [
    "| set | answerable | not scored (bypass) | no gold article among candidates | no candidate holds the answer | wrong sentence first | right, below threshold | right, answered | wrong answered: no right candidate | wrong answered: right one ranked lower |",
    "|---|---|---|---|---|---|---|---|---|---|",
  ];
  for (const set of ["piaf", "news", "seeds"] as const) {
    const mine = outs.filter((h) => h.q.set === set && h.q.answerable);
    if (mine.length === 0) continue;
    const scored = mine.filter((h) => !h.q.bypass);
    const answered = (h: HeldOut) => (probability.get(h) ?? 0) >= at(h);
    const count = (f: (h: HeldOut) => boolean) => pct(scored.filter(f).length, mine.length);
    const noGold = set === "news" ? count((h) => h.q.goldRetrieved === false) : "-";
    lines.push(
      `| ${set} | ${mine.length} | ${pct(mine.length - scored.length, mine.length)} | ${noGold} | ${count((h) => !h.reachable)} | ${count((h) => h.reachable && !h.right)} | ${count((h) => h.right && !answered(h))} | ${count((h) => h.right && answered(h))} | ${count((h) => !h.reachable && answered(h))} | ${count((h) => h.reachable && !h.right && answered(h))} |`,
    );
  }
  return lines.join("\n");
}

const KINDS = ["person", "date", "number", "place", "other"] as const;

/** The asked kind of a held-out question, from the one-hot kind features of its best candidate. */
export function kindOf(h: HeldOut, features: readonly string[]): string {
  for (const kind of KINDS) {
    const at = features.indexOf(`kind${kind[0]?.toUpperCase()}${kind.slice(1)}`);
    if (at >= 0 && (h.features?.[at] ?? 0) > 0) return kind;
  }
  return "other";
}

/**
 * Per set and asked kind, at the threshold: answered, right among answered, mean confidence of
 * the answered (held-out): whether the confidence holds for each kind of answer, not only overall.
 */
export function kindTable(
  outs: readonly HeldOut[],
  probability: ReadonlyMap<HeldOut, number>,
  threshold: number,
  features: readonly string[],
): string {
  const lines = [
    "| set | kind | answerable | answered | right of answered | mean confidence of answered | right of answerable | unanswerable answered |",
    "|---|---|---|---|---|---|---|---|",
  ];
  for (const set of ["piaf", "news", "seeds"] as const) {
    for (const kind of KINDS) {
      const mine = outs.filter((h) => h.q.set === set && !h.q.bypass && h.best !== undefined);
      const ofKind = mine.filter((h) => kindOf(h, features) === kind);
      if (ofKind.length === 0) continue;
      const answered = ofKind.filter((h) => (probability.get(h) ?? 0) >= threshold);
      const answerable = ofKind.filter((h) => h.q.answerable);
      const right = answered.filter((h) => h.q.answerable && h.right).length;
      const meanP =
        answered.reduce((s, h) => s + (probability.get(h) ?? 0), 0) / Math.max(1, answered.length);
      const unans = ofKind.length - answerable.length;
      lines.push(
        `| ${set} | ${kind} | ${answerable.length} | ${answered.length} | ${pct(right, answered.length)} | ${answered.length ? meanP.toFixed(3) : "-"} | ${pct(right, answerable.length)} | ${unans ? `${answered.length - answered.filter((h) => h.q.answerable).length}/${unans}` : "-"} |`,
      );
    }
  }
  return lines.join("\n");
}

/** Per fold (news batch, seed batch, PIAF fold) at `threshold`: the cross-validated outcome of each. */
export function foldTable(
  outs: readonly HeldOut[],
  probability: ReadonlyMap<HeldOut, number>,
  threshold: number,
): string {
  const lines = [
    "| fold | questions | right | wrong | abstained | unanswerable abstained |",
    "|---|---|---|---|---|---|",
  ];
  const folds = [...new Set(outs.map((h) => h.q.fold))].sort((a, b) =>
    a.localeCompare(b, "en", { numeric: true }),
  );
  const sets = [...new Set(outs.map((h) => h.q.set))].map((set) => `${set} (all)`);
  for (const name of [...folds, ...sets]) {
    const mine = outs.filter((h) => h.q.fold === name || `${h.q.set} (all)` === name);
    const answerable = mine.filter((h) => h.q.answerable);
    const unanswerable = mine.filter((h) => !h.q.answerable);
    const answered = (h: HeldOut) => !h.q.bypass && (probability.get(h) ?? 0) >= threshold;
    const right = answerable.filter((h) => answered(h) && h.right).length;
    const wrong = answerable.filter((h) => answered(h) && !h.right).length;
    const kept = unanswerable.filter((h) => !answered(h)).length;
    const n = answerable.length;
    lines.push(
      `| ${name} | ${n}+${unanswerable.length} | ${right} (${pct(right, n)}) | ${wrong} (${pct(wrong, n)}) | ${pct(n - right - wrong, n)} | ${unanswerable.length === 0 ? "-" : `${kept}/${unanswerable.length}`} |`,
    );
  }
  return lines.join("\n");
}
