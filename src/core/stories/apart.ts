// Two articles whose titles are about two different actors that do not name each other: Dati's
// programme and Buzyn's, Macron's reply to Sarkozy and Karine Le Marchand's gift to him, two cars
// at one show. Similar words (a campaign, a car show) make them look like one story; one article
// naming the other's actor (a reaction, a clash) makes them one. Measured in round 18 (stories20 in
// bench/results/stories.md) and kept, with the actor's kind (actor-kind.ts), in round 19: a place
// or an organisation in a title is where or with whom the story happens, not an opposing actor.
import type { ActorKind } from "./actor-kind.ts";
import type { ArticleFeatures } from "./features.ts";

/**
 * Which title actors count as apart (ClusterParams.refuseApart): `people` — both are people;
 * `not-places` — neither is a place (people, organisations and brands, unknown names).
 */
export type ApartMode = "people" | "not-places";

export const APART_MODES: readonly ApartMode[] = ["people", "not-places"];

/** Whether the two titles' actors are apart: both named, different, and neither article names the other's. */
export function actorsApart(a: ArticleFeatures, b: ArticleFeatures): boolean {
  const x = a.titleActor;
  const y = b.titleActor;
  if (!x || !y) return false;
  // compared whole: two `Jean-Louis` are two people
  if (x.terms.join(" ") === y.terms.join(" ")) return false;
  // named: every term of the actor's name in the other's title and lead
  const names = (terms: readonly string[], v: ReadonlyMap<string, number>) => terms.every((t) => v.has(t));
  return !names(x.terms, b.vector) && !names(y.terms, a.vector);
}

/** Whether an actor of this kind counts under `mode`. */
function counts(kind: ActorKind, mode: ApartMode): boolean {
  return mode === "people" ? kind === "person" : kind !== "place";
}

/**
 * The apart test over `items` (by index) for the clusterings (cluster.ts): actorsApart, both
 * actors of a kind `mode` counts. `kindOf` is the archive's (actor-kind.ts actorKindsOf).
 */
export function apartTest(
  items: readonly ArticleFeatures[],
  mode: ApartMode,
  kindOf: (name: string) => ActorKind,
): (i: number, j: number) => boolean {
  const ok = items.map((f) => (f.titleActor ? counts(kindOf(f.titleActor.name), mode) : false));
  return (i, j) =>
    (ok[i] ?? false) &&
    (ok[j] ?? false) &&
    actorsApart(items[i] as ArticleFeatures, items[j] as ArticleFeatures);
}
