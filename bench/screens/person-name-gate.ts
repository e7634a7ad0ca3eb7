// Lead of answers25 (round 18): `nameWithoutPerson` (a name asked, the candidate names nobody new,
// src/core/answer/refined-features.ts) is computed only when the question is not read `person`, and
// round 18 reads many more name questions as `person`. It is a gate-only input, so the ranker's
// held-out tops do not move when it changes: this screen rewrites its column in a `npm run train --
// --dump FILE` for the top answer of every person question, then bench/gate-screen.ts refits the
// gate on the rewritten dump. Two forms: `detail` (a person question asking a name outright: the
// asked detail `name`), `person` (every who-question but who-is).
//
//   node bin/run-ts.mjs bench/screens/person-name-gate.ts --cands FILE [--dump FILE --out PREFIX]
//
// First (once, minutes: the archive is indexed and every person question's candidates drawn again)
// it writes --cands FILE: for each person question its form, and for every candidate whether it
// names nobody new and its `kindMissing`. With --dump it writes PREFIX-detail.json and
// PREFIX-person.json, the dump with the column rewritten for the top answer (the dump's `topAt`,
// a position in the candidates: the extraction is deterministic, and the rows whose `kindMissing`
// differs from the dump's are counted to tell).
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { GATE_FEATURES } from "../../src/core/answer/answer-gate.ts";
import { createAnswerer } from "../../src/core/answer/answerer.ts";
import { newPerson } from "../../src/core/answer/asked-detail.ts";
import type { ScoredSentence } from "../../src/core/answer/decide.ts";
import { FEATURE_INDEX } from "../../src/core/answer/features.ts";
import { type Reading, readQuestion } from "../../src/core/answer/read-question.ts";
import { CONFIDENCE_INPUTS } from "../../src/core/answer/scorer.ts";
import { loadCorpus } from "../../src/core/corpus/loader.ts";
import { createNewsIndex, type NewsIndex } from "../../src/core/search/news-index.ts";
import { readGateDump } from "../lib/gate-dump.ts";
import { loadNewsQuestions, TRAINING_BATCHES } from "../lib/news-questions.ts";
import { ORANGESUM_PATH } from "../lib/orangesum.ts";
import { loadPiaf } from "../lib/piaf.ts";
import { lastDay, loadSeedQuestions } from "../lib/seeds.ts";

const args = process.argv.slice(2);
const flag = (name: string) => {
  const at = args.indexOf(`--${name}`);
  return at >= 0 ? args[at + 1] : undefined;
};
const candsFile = flag("cands");
if (!candsFile) throw new Error("--cands FILE [--dump FILE --out PREFIX]");

/** A person question's candidates: whether each names nobody new (1), and its `kindMissing`. */
interface PersonCands {
  detail: boolean;
  fires: number[];
  kindMissing: number[];
}

const forms = {
  detail: (r: Reading) => r.kind === "person" && !r.asksIdentity && r.detail === "name",
  person: (r: Reading) => r.kind === "person" && !r.asksIdentity,
};

async function drawCandidates(): Promise<Record<string, PersonCands>> {
  const found: Record<string, PersonCands> = {};
  const keep = (news: NewsIndex, key: string, reading: Reading, scored: readonly ScoredSentence[]) => {
    found[key] = {
      detail: forms.detail(reading),
      fires: scored.map((s) => (newPerson(news, reading, s.sentence.text) ? 0 : 1)),
      kindMissing: scored.map((s) => s.features[FEATURE_INDEX.kindMissing] ?? 0),
    };
  };
  // the same answerers and options as bench/train-scorer.ts's extraction (default pool)
  const piaf = loadPiaf();
  {
    const news = createNewsIndex(piaf.articles);
    const answerer = createAnswerer(news);
    piaf.questions.forEach((q, i) => {
      if (!forms.person(readQuestion(news, q.question))) return;
      const { reading, scored } = answerer.candidates(q.question);
      keep(news, `piaf:piaf-${i}`, reading, scored);
    });
  }
  {
    const { articles } = await loadCorpus("corpus");
    const news = createNewsIndex(articles);
    const answerer = createAnswerer(news);
    const last = lastDay(articles);
    loadSeedQuestions().forEach((q, i) => {
      const now = last === "" ? undefined : last;
      if (!forms.person(readQuestion(news, q.q, now))) return;
      const { reading, scored } = answerer.candidates(q.q, now === undefined ? {} : { now });
      keep(news, `seeds:seed-${i}`, reading, scored);
    });
  }
  {
    const { articles } = await loadCorpus(ORANGESUM_PATH);
    const news = createNewsIndex(articles);
    const answerer = createAnswerer(news);
    const last = lastDay(articles);
    for (const q of loadNewsQuestions(TRAINING_BATCHES)) {
      if (!forms.person(readQuestion(news, q.question, q.asOf ?? last))) continue;
      const { reading, scored } = answerer.candidates(q.question, { now: q.asOf ?? last });
      keep(news, `news:${q.id}`, reading, scored);
    }
  }
  return found;
}

const cands: Record<string, PersonCands> = existsSync(candsFile)
  ? (JSON.parse(readFileSync(candsFile, "utf8")) as Record<string, PersonCands>)
  : await drawCandidates();
if (!existsSync(candsFile)) writeFileSync(candsFile, JSON.stringify(cands));
console.log(`person questions: ${Object.keys(cands).length}`);

const dumpFile = flag("dump");
const out = flag("out");
if (dumpFile && out) {
  const columns = [...CONFIDENCE_INPUTS, ...GATE_FEATURES] as string[];
  const rows = readGateDump(dumpFile, columns);
  const NWP = columns.indexOf("nameWithoutPerson");
  const KM = columns.indexOf("kindMissing");
  for (const form of ["detail", "person"] as const) {
    const counts = { rows: 0, fires: 0, alsoKindMissing: 0, mismatch: 0 };
    const rewritten = rows.map((r) => {
      const c = cands[`${r.set}:${r.id}`];
      if (!c || r.bypass || r.p === undefined || r.topAt === undefined) return r;
      if (form === "detail" && !c.detail) return r;
      const fires = c.fires[r.topAt] ?? 0;
      if ((c.kindMissing[r.topAt] ?? 0) !== r.x[KM]) counts.mismatch++;
      counts.rows++;
      counts.fires += fires;
      if (fires === 1 && r.x[KM] === 1) counts.alsoKindMissing++;
      const x = [...r.x];
      x[NWP] = fires;
      return { ...r, x };
    });
    writeFileSync(`${out}-${form}.json`, JSON.stringify(rewritten));
    console.log(form, JSON.stringify(counts));
  }
}
