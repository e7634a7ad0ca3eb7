// What the model steps cost locally (`npm run bench:model`), with no model: the brute-force
// nearest-vector search of hybrid retrieval over as many passages as the OrangeSum archive
// (33,955, random unit vectors of 768 and 1,024 dimensions, seeded), and the verification of a
// draft against five passages. Prints mean / p50 / p99 in milliseconds.
import { createVectorIndex } from "../src/core/grounded/vector-index.ts";
import { verifyDraft } from "../src/core/grounded/verify-draft.ts";

let seed = 42;
const random = () => {
  seed = (seed * 1103515245 + 12345) & 0x7fffffff;
  return seed / 0x7fffffff - 0.5;
};
const stats = (ms: number[]) => {
  const s = [...ms].sort((a, b) => a - b);
  const at = (q: number) => (s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? 0).toFixed(2);
  return `mean ${(s.reduce((a, b) => a + b, 0) / s.length).toFixed(2)}  p50 ${at(0.5)}  p99 ${at(0.99)}`;
};

const PASSAGES = 33_955;
for (const dimension of [768, 1024]) {
  const index = createVectorIndex("bench");
  const t0 = performance.now();
  for (let doc = 0; doc < PASSAGES; doc++) index.set(doc, Array.from({ length: dimension }, random));
  const fill = performance.now() - t0;
  const times: number[] = [];
  for (let i = 0; i < 50; i++) {
    const q = Array.from({ length: dimension }, random);
    const t = performance.now();
    index.nearest(q, 15);
    times.push(performance.now() - t);
  }
  console.log(
    `nearest 15 of ${PASSAGES} × ${dimension}: ${stats(times)} ms (filled in ${(fill / 1000).toFixed(1)} s)`,
  );
}

const passages = [
  "Jean Castex nommé Premier ministre (2020-07-03)\nJean Castex a été nommé Premier ministre vendredi 3 juillet, succédant à Édouard Philippe à Matignon. Ancien maire de Prades, il était chargé du déconfinement.",
  "Le bilan de l'épidémie (2020-04-07)\nLa France compte 10 328 morts du coronavirus, a annoncé mardi le directeur général de la santé, Jérôme Salomon.",
  "Le Tour de France part de Nice (2020-08-29)\nLe Tour de France 2020 s'élance samedi de Nice, avec deux mois de retard. Au total, 176 coureurs prennent le départ.",
  "Un rachat à 16,2 milliards (2019-11-25)\nLe groupe LVMH a racheté Tiffany pour 16,2 milliards de dollars, la plus grosse acquisition de son histoire.",
  "Édouard Philippe retourne au Havre (2020-07-04)\nÉdouard Philippe a quitté Matignon vendredi et retrouve la mairie du Havre.",
];
const drafts = [
  "Jean Castex a succédé à Édouard Philippe à Matignon le 3 juillet 2020 [1]. Édouard Philippe retrouve la mairie du Havre [5].",
  "La France comptait 10 328 morts le 7 avril 2020 [2], et LVMH a racheté Tiffany pour 16,2 milliards de dollars [4].",
  "Le Tour de France 2020 est parti de Nice avec 176 coureurs [3].",
];
verifyDraft(drafts[0] as string, passages); // the French word list loads on first use
const times: number[] = [];
for (let i = 0; i < 300; i++) {
  const t = performance.now();
  verifyDraft(drafts[i % drafts.length] as string, passages);
  times.push(performance.now() - t);
}
console.log(`verifyDraft (5 passages, 1–2 sentences): ${stats(times)} ms`);
