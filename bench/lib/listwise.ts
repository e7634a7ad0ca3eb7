// Listwise ranking: a linear score whose softmax over one day's stories should put the day's
// probability on its front-page stories (cross-entropy against a uniform target over them), with
// an L2 penalty; fitted by Newton's method like the pairwise logistic (bench/lib/logistic.ts).
import { newtonStep } from "./logistic.ts";

export interface ListDay {
  /** One standardised feature vector per story. */
  readonly rows: readonly (readonly number[])[];
  /** 1 for a front-page story, 0 otherwise. */
  readonly target: readonly number[];
}

/** Each day's cross-entropy counts this much (on the scale of the pairwise fit's penalty grid). */
const DAY_WEIGHT = 5;

export function fitListwise(days: readonly ListDay[], l2: number, iterations = 30): number[] {
  const d = days.find((x) => x.rows.length > 0)?.rows[0]?.length ?? 0;
  const w = new Float64Array(d);
  for (let it = 0; it < iterations; it++) {
    const grad = new Float64Array(d);
    const hess = new Float64Array(d * d);
    for (let j = 0; j < d; j++) {
      grad[j] = -l2 * (w[j] as number);
      hess[j * d + j] = l2 + 1e-9;
    }
    for (const day of days) {
      const total = day.target.reduce((s, v) => s + v, 0);
      if (total === 0 || day.rows.length < 2) continue;
      const s = day.rows.map((r) => r.reduce((a, v, k) => a + v * (w[k] as number), 0));
      const top = Math.max(...s);
      const e = s.map((v) => Math.exp(v - top));
      const z = e.reduce((a, v) => a + v, 0);
      const p = e.map((v) => v / z);
      // expected row under p
      const mean = new Float64Array(d);
      day.rows.forEach((r, i) => {
        for (let k = 0; k < d; k++) mean[k] = (mean[k] as number) + (p[i] as number) * (r[k] as number);
      });
      day.rows.forEach((r, i) => {
        const t = (day.target[i] as number) / total;
        const pi = p[i] as number;
        for (let j = 0; j < d; j++) {
          grad[j] = (grad[j] as number) + DAY_WEIGHT * (t - pi) * (r[j] as number);
          const cj = (r[j] as number) - (mean[j] as number);
          for (let k = 0; k < d; k++)
            hess[j * d + k] =
              (hess[j * d + k] as number) + DAY_WEIGHT * pi * cj * ((r[k] as number) - (mean[k] as number));
        }
      });
    }
    if (newtonStep(w, hess, grad, d) < 1e-7) break;
  }
  return [...w].map((v) => Math.round(v * 1e6) / 1e6);
}
