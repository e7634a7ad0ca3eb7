// Logistic regression for the answer scorer, fitted by Newton's method (iteratively reweighted
// least squares) with an L2 penalty: deterministic, no learning rate to tune, and a few
// iterations suffice for a few dozen features. Also the Platt calibration that maps a score to a
// probability, which is the same fit on two inputs.

export interface Fit {
  readonly weights: number[];
  readonly bias: number;
}

const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));

/** Solve A x = b (A symmetric positive definite, row-major d×d) by Gaussian elimination. */
function solve(a: Float64Array, b: Float64Array, d: number): Float64Array {
  const m = Float64Array.from(a);
  const x = Float64Array.from(b);
  for (let i = 0; i < d; i++) {
    let pivot = i;
    for (let r = i + 1; r < d; r++)
      if (Math.abs(m[r * d + i] as number) > Math.abs(m[pivot * d + i] as number)) pivot = r;
    if (pivot !== i) {
      for (let c = 0; c < d; c++) {
        const t = m[i * d + c] as number;
        m[i * d + c] = m[pivot * d + c] as number;
        m[pivot * d + c] = t;
      }
      const t = x[i] as number;
      x[i] = x[pivot] as number;
      x[pivot] = t;
    }
    const p = (m[i * d + i] as number) || 1e-12;
    for (let r = i + 1; r < d; r++) {
      const f = (m[r * d + i] as number) / p;
      if (f === 0) continue;
      for (let c = i; c < d; c++) m[r * d + c] = (m[r * d + c] as number) - f * (m[i * d + c] as number);
      x[r] = (x[r] as number) - f * (x[i] as number);
    }
  }
  for (let i = d - 1; i >= 0; i--) {
    let s = x[i] as number;
    for (let c = i + 1; c < d; c++) s -= (m[i * d + c] as number) * (x[c] as number);
    x[i] = s / ((m[i * d + i] as number) || 1e-12);
  }
  return x;
}

/** One Newton step in place: `beta` += hess⁻¹ · grad; returns the largest coordinate change. */
export function newtonStep(beta: Float64Array, hess: Float64Array, grad: Float64Array, d: number): number {
  const step = solve(hess, grad, d);
  let change = 0;
  for (let j = 0; j < d; j++) {
    beta[j] = (beta[j] as number) + (step[j] as number);
    change = Math.max(change, Math.abs(step[j] as number));
  }
  return change;
}

/**
 * Fit P(y=1 | x) = σ(w·x + b). `rows` are feature vectors, `labels` 0/1, `sampleWeights` optional.
 * `l2` penalises the weights (not the bias).
 */
export function fitLogistic(
  rows: readonly ArrayLike<number>[],
  labels: readonly number[],
  options: { l2?: number; iterations?: number; sampleWeights?: readonly number[] } = {},
): Fit {
  const n = rows.length;
  const f = rows[0]?.length ?? 0;
  const d = f + 1; // last coordinate: bias
  const l2 = options.l2 ?? 1e-2;
  const beta = new Float64Array(d);
  for (let it = 0; it < (options.iterations ?? 12); it++) {
    const grad = new Float64Array(d);
    const hess = new Float64Array(d * d);
    const x = new Float64Array(d);
    for (let r = 0; r < n; r++) {
      const row = rows[r] as ArrayLike<number>;
      for (let j = 0; j < f; j++) x[j] = row[j] as number;
      x[f] = 1;
      let z = 0;
      for (let j = 0; j < d; j++) z += (beta[j] as number) * (x[j] as number);
      const p = sigmoid(z);
      const sw = options.sampleWeights?.[r] ?? 1;
      const g = sw * ((labels[r] as number) - p);
      const h = sw * Math.max(p * (1 - p), 1e-9);
      for (let j = 0; j < d; j++) {
        const xj = x[j] as number;
        if (xj === 0) continue;
        grad[j] = (grad[j] as number) + g * xj;
        for (let k = j; k < d; k++) hess[j * d + k] = (hess[j * d + k] as number) + h * xj * (x[k] as number);
      }
    }
    for (let j = 0; j < d; j++) {
      for (let k = 0; k < j; k++) hess[j * d + k] = hess[k * d + j] as number;
      if (j < f) {
        grad[j] = (grad[j] as number) - l2 * (beta[j] as number);
        hess[j * d + j] = (hess[j * d + j] as number) + l2;
      }
      hess[j * d + j] = (hess[j * d + j] as number) + 1e-9;
    }
    if (newtonStep(beta, hess, grad, d) < 1e-6) break;
  }
  return { weights: [...beta.slice(0, f)].map(round6), bias: round6(beta[f] as number) };
}

const round6 = (x: number) => Math.round(x * 1e6) / 1e6;

export function predict(fit: Fit, row: ArrayLike<number>): number {
  let z = fit.bias;
  for (let j = 0; j < fit.weights.length; j++) z += (fit.weights[j] as number) * (row[j] as number);
  return z;
}
