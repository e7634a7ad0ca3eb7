// Two articles whose titles are about two different actors that do not name each other: Dati's
// programme and Buzyn's, Macron's reply to Sarkozy and Karine Le Marchand's gift to him, two cars
// at one show. Similar words (a campaign, a car show) make them look like one story; one article
// naming the other's actor (a reaction, a clash) makes them one. Measured in round 18 (stories20 in
// bench/results/stories.md) and kept, with the actor's kind (actor-kind.ts), in round 19: a place
// or an organisation in a title is where or with whom the story happens, not an opposing actor.
import type { ActorKind } from "./actor-kind.ts";
import { nameAgreement } from "./body-names.ts";
import type { ArticleFeatures } from "./features.ts";

/**
 * Which title actors count as apart (ClusterParams.refuseApart): `people` — both are people;
 * `not-places` — neither is a place (people, organisations and brands, unknown names); `any` —
 * whatever their kind (round 20: with the bodies' names as a second witness, see `BodyWitness`).
 */
export type ApartMode = "people" | "not-places" | "any";

export const APART_MODES: readonly ApartMode[] = ["people", "not-places", "any"];

/**
 * The bodies' names as a second witness of two events (ClusterParams.apartBodyAgreement): two
 * apart title actors are refused only when the two bodies' rare names agree less than `ceiling`
 * (body-names.ts nameAgreement; a body naming nothing rare counts as 0). Alep and the UN meeting,
 * Mélenchon and the Nantes march name each other's places and people in their bodies; two car
 * makers' items, Dati's and Buzyn's programmes do not.
 */
export interface BodyWitness {
  readonly ceiling: number;
  /** The rare names of a doc's body (body-names.ts bodyNames). */
  readonly namesOf: (doc: number) => ReadonlyMap<string, number>;
}

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
  if (mode === "any") return true;
  return mode === "people" ? kind === "person" : kind !== "place";
}

/**
 * The apart test over `items` (by index) for the clusterings (cluster.ts): actorsApart, both
 * actors of a kind `mode` counts, and with `body` the two bodies' names agreeing less than its
 * ceiling. `kindOf` is the archive's (actor-kind.ts actorKindsOf).
 */
export function apartTest(
  items: readonly ArticleFeatures[],
  mode: ApartMode,
  kindOf: (name: string) => ActorKind,
  body?: BodyWitness,
): (i: number, j: number) => boolean {
  const ok = items.map((f) => (f.titleActor ? counts(kindOf(f.titleActor.name), mode) : false));
  return (i, j) => {
    const a = items[i] as ArticleFeatures;
    const b = items[j] as ArticleFeatures;
    if (!(ok[i] ?? false) || !(ok[j] ?? false) || !actorsApart(a, b)) return false;
    return !body || (nameAgreement(body.namesOf(a.doc), body.namesOf(b.doc)) ?? 0) < body.ceiling;
  };
}
