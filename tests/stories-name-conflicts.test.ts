// A word two articles share only inside two different names (name-conflicts.ts,
// SimilarityWeights.nameConflicts; round 21, stories26 in bench/results/stories.md). Hand-built
// features for the rule and both clusterings (the live tracker computes the same similarity), then
// the archive's own titles and openings: Brigitte Lahaie's apology and
// Macron's youthful novel with Brigitte Trogneux of 2018-01-12 (data/orangesum 31062, 11132), Gilbert
// Montagné twice and Gilbert Collard once on 2017-01-22 (15991, 15992, 26282).
import { describe, expect, it } from "vitest";
import { createNewsIndex } from "../src/core/search/news-index.ts";
import {
  type ArticleFeatures,
  articleFeatures,
  clusterFeatures,
  LEARNED_PARAMS,
  similarity,
  toSparse,
} from "../src/core/stories/index.ts";
import { conflictingNameWords } from "../src/core/stories/name-conflicts.ts";
import { newsArticle as art } from "./fakes/articles.ts";

const unit = (weights: Record<string, number>) => {
  const norm = Math.sqrt(Object.values(weights).reduce((s, w) => s + w * w, 0));
  return new Map(Object.entries(weights).map(([t, w]) => [t, w / norm]));
};
const feature = (
  doc: number,
  weights: Record<string, number>,
  names?: readonly (readonly string[])[],
): ArticleFeatures => {
  const vector = unit(weights);
  return {
    doc,
    vector,
    sparse: toSparse(vector),
    entities: new Map(),
    entityNorm: 0,
    prominence: 0,
    day: 0,
    ...(names ? { names } : {}),
  };
};

describe("conflictingNameWords", () => {
  const lahaie = feature(1, { brigitt: 2, lahai: 2, viol: 1 }, [["brigitt", "lahai"]]);
  const novel = feature(2, { brigitt: 2, macron: 2, roman: 1, viol: 0.2 }, [
    ["emmanuel", "macron"],
    ["brigitt", "macron"],
  ]);

  it("finds a first name two different names share", () => {
    expect(conflictingNameWords(lahaie, novel)).toEqual(["brigitt"]);
    expect(conflictingNameWords(novel, lahaie)).toEqual(["brigitt"]);
  });

  it("keeps a name the other article names whole, and a surname", () => {
    // the other article says `Brigitte Lahaie` too (every word of the name in its title or lead)
    const again = feature(3, { brigitt: 1, lahai: 1, macron: 1 }, [["brigitt", "macron"], ["lahai"]]);
    expect(conflictingNameWords(lahaie, again)).toEqual([]);
    // `Affaire Benalla` and `Alexandre Benalla`: the shared word is each name's last, one man
    const affair = feature(4, { affair: 1, benalla: 2 }, [["affair", "benalla"]]);
    const man = feature(5, { alexandr: 1, benalla: 2 }, [["alexandr", "benalla"]]);
    expect(conflictingNameWords(affair, man)).toEqual([]);
  });

  it("keeps a word one article does not write inside a name, and features without names", () => {
    const common = feature(6, { brigitt: 1, viol: 1 }, []);
    expect(conflictingNameWords(lahaie, common)).toEqual([]);
    expect(conflictingNameWords(feature(7, { brigitt: 1, lahai: 1 }), novel)).toEqual([]);
  });

  it("takes the words out of the text cosine with the option, and nothing without a conflict", () => {
    const w = { textWeight: 1, graceDays: 1, halfLifeDays: 3, entityScale: 3 };
    const on = { ...w, nameConflicts: true };
    const viol = (lahaie.vector.get("viol") ?? 0) * (novel.vector.get("viol") ?? 0);
    expect(similarity(lahaie, novel, w)).toBeGreaterThan(similarity(lahaie, novel, on));
    expect(similarity(lahaie, novel, on)).toBeCloseTo(viol, 10);
    const man = feature(8, { alexandr: 1, benalla: 2 }, [["alexandr", "benalla"]]);
    const other = feature(9, { benalla: 2, elysee: 1 }, [["benalla"]]);
    expect(similarity(man, other, on)).toBe(similarity(man, other, w));
  });

  it("parts the two Brigittes in both clusterings with the option, not without", () => {
    const w = { textWeight: 1, graceDays: 1, halfLifeDays: 3, entityScale: 3 };
    for (const method of ["average", "single-pass"] as const) {
      const without = clusterFeatures([lahaie, novel], { weights: w, threshold: 0.3, merge: true }, method);
      const withOption = clusterFeatures(
        [lahaie, novel],
        { weights: { ...w, nameConflicts: true }, threshold: 0.3, merge: true },
        method,
      );
      expect(without).toEqual([[0, 1]]);
      expect(withOption).toEqual([[0], [1]]);
    }
  });
});

/** Body = the archive's heading and its article's opening. */
const LAHAIE = art(
  "31062",
  "2018-01-12",
  "En larmes, Brigitte Lahaie s'excuse pour ses propos sur le viol",
  "Après l'incompréhension, le temps des explications. Mercredi soir, lors d'un débat diffusé sur BFMTV, des propos tenus par Brigitte Lahaie avaient jeté un grand trouble dans la sphère médiatique. Face à Caroline de Haas, l'animatrice de Sud Radio, qui est pour rappel l'une des signataires de la tribune signée par cent femmes dans \"Le Monde\" contre le puritanisme, avait notamment déclaré que l'on peut \"jouir lors d'un viol\".",
);
const NOVEL = art(
  "11132",
  "2018-01-12",
  'Adolescent, Emmanuel Macron a écrit un "roman osé"',
  "La rumeur courait déjà, la voilà confirmée. Alors qu'il était adolescent et déjà amoureux de sa future épouse, Brigitte Trogneux, Emmanuel Macron a écrit un \"roman osé\", rapporte Closer vendredi 12 janvier. Le magazine people cite une voisine de l'époque, qui raconte l'anecdote dans une biographie de la première dame, \"Brigitte Macron l'affranchie\", à paraître le 17 janvier.",
);
const MONTAGNE_1 = art(
  "15991",
  "2017-01-22",
  "Quand Gilbert Montagné redécouvre ses origines",
  "Tous les samedis à 18h55, pour voir Ardisson, tapez 8 ! Salut Les Terriens c'est le ton Ardisson, des interviews ciselées, un décor chic. Ce samedi 21 janvier 2017, l'animateur recevait le chanteur Gilbert Montagné qui est revenu sur ses origines.",
);
const MONTAGNE_2 = art(
  "15992",
  "2017-01-22",
  "SLT : Le coup de gueule de Gilbert Montagné contre les politiques",
  'Invité à faire la promotion de son album hommage à Bécaud, Gilbert Montagné a voulu faire passer un message important à la classe politique. Sur le plateau de Salut les terriens (C8), le chanteur s\'est dit "très choqué et très énervé".',
);
const COLLARD = art(
  "26282",
  "2017-01-22",
  "Échanges très tendus entre Gilbert Collard et Laurence Ferrari",
  "Laurence Ferrari recevait Gilbert Collard ce dimanche 22 janvier dans Punchline. Et le face à face a été houleux. Face au président du comité de soutien de Marine Le Pen, la journaliste a eu bien du mal à rester maîtresse de l'entretien.",
);
/** Other articles naming the same people, so that their names are not unique (docFreq ≥ 2). */
const OTHERS = [
  art("o1", "2018-01-05", "Brigitte Lahaie défend la tribune", "Brigitte Lahaie sur Sud Radio."),
  art("o2", "2018-01-06", "Brigitte Macron à Amiens", "Brigitte Macron et Emmanuel Macron."),
  art("o3", "2017-01-15", "Gilbert Collard au Front national", "Gilbert Collard, député."),
  art("o4", "2017-01-16", "Gilbert Montagné en tournée", "Gilbert Montagné chante Bécaud."),
];

describe("name conflicts on the archive's texts", () => {
  const news = createNewsIndex([LAHAIE, NOVEL, MONTAGNE_1, MONTAGNE_2, COLLARD, ...OTHERS]);
  const doc = (id: string) => news.find(id) as number;
  const feats = (id: string) => articleFeatures(news, doc(id), LEARNED_PARAMS.features);
  const term = (word: string) => news.analyzer.terms(word, "fr")[0] as string;

  it("reads Brigitte and Gilbert as first names of different people, Montagné as one man", () => {
    expect(conflictingNameWords(feats("31062"), feats("11132"))).toEqual([term("Brigitte")]);
    expect(conflictingNameWords(feats("15992"), feats("26282"))).toEqual([term("Gilbert")]);
    expect(conflictingNameWords(feats("15991"), feats("15992"))).toEqual([]);
  });

  it("takes out of the similarity exactly the first name's share of the text cosine", () => {
    // without the option whatever the learned weights hold (since round 22 they take it)
    const w = { ...LEARNED_PARAMS.weights, textWeight: 1, nameConflicts: false };
    const a = feats("31062");
    const b = feats("11132");
    const brigitte = term("Brigitte");
    const share = (a.vector.get(brigitte) ?? 0) * (b.vector.get(brigitte) ?? 0);
    expect(share).toBeGreaterThan(0);
    expect(similarity(a, b, { ...w, nameConflicts: true })).toBeCloseTo(similarity(a, b, w) - share, 10);
    // Montagné's two items share no conflicting word: the option leaves them as they are
    expect(similarity(feats("15991"), feats("15992"), { ...w, nameConflicts: true })).toBe(
      similarity(feats("15991"), feats("15992"), w),
    );
  });
});
