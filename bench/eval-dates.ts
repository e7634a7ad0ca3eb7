// `npm run eval:dates [N]`: how often a date without its year, or a bare weekday, is resolved to
// the day the writer meant, on real sentences of the OrangeSum archive (see lib/date-truth.ts; the
// first N articles, all by default), with the verb's tense and as the previous resolver did (the
// nearest day; a bare weekday always the last one).
import { type DateCase, dateCases, resolveCase } from "./lib/date-truth.ts";
import { loadOrangeSum } from "./lib/orangesum.ts";

const limit = Number(process.argv[2] ?? Number.POSITIVE_INFINITY);
const docs = loadOrangeSum(limit);
const cases: DateCase[] = [];
for (const d of docs) if (d.date) cases.push(...dateCases(d.article, d.date, 200));

for (const form of ["no-year", "weekday"] as const) {
  const set = cases.filter((c) => c.form === form);
  const score = (useTense: boolean) => set.filter((c) => resolveCase(c, useTense) === c.truth).length;
  const pct = (n: number) => `${((100 * n) / Math.max(1, set.length)).toFixed(1)} %`;
  console.log(
    `${form.padEnd(8)} ${String(set.length).padStart(6)} cases: with tense ${pct(score(true))}, previous resolver ${pct(score(false))}`,
  );
}
