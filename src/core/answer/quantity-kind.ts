// The kind a question asks when it names a measured quantity rather than asking `combien` / `how
// many`: `quelle magnitude`, `à quelle vitesse`, `quel butin`, `how fast`, `what price`, a bare
// `: magnitude ?` or `montant de la facture ?`, and a date asked by its noun (`date of birth`,
// `date de naissance`, `what's the date of the circular`), an ordinal by `combientième`. Read
// as `other` before (37 answerable questions of news batches 1–21 whose writers labelled a figure
// or a date), such a question got no check of its kind: a sentence restating the event with no
// figure answered it as well as one giving the figure. Each cue competes on its position with the
// other kinds' cues (./question.ts; measured: bench/results/ranker-comparison.md, answers23).

import type { AnswerKind } from "./question.ts";

// Nouns of a quantity answered by a figure (a measure, a price, a rate), folded. Not `prix` (a
// prize as often as a price), nor `production` or `poids` alone (`quel poids politique`).
const QUANTITY_FR =
  "magnitude|vitesse|altitude|distance|taille|hauteur|profondeur|longueur|largeur|superficie|surface|valeur|butin|cout|tarif|participation|abstention|mortalite|cote de popularite|cote de confiance|popularite|estimation|salaire|budget|rancon|indemnite|gain|gains|prime|cagnotte|facture|population|audience|inflation|deficit|dette|chiffre d'affaires";
const QUANTITY_EN =
  "magnitude|speed|altitude|distance|height|depth|length|size|value|price|cost|fare|fine|rate|turnout|mortality|rating|estimate|salary|budget|ransom|bonus|jackpot|population|audience|inflation|deficit|debt|revenue|turnover|bail";

// `quelle magnitude`, `à quelle vitesse`, `quel est le montant` (the existing list of ./question.ts
// holds `montant`, `taux`), `c'est quoi la participation`, `sa cote de popularité ?`
// `le plus gros gain` (a superlative), `quelle production de vin`, `à quel prix` / `quel prix
// maximum`: `production`, `consommation` and `récolte` are quantities when they take a complement
// of what is produced; `prix` one when asked with `à` or with a bound (elsewhere it is as often a
// prize: `quel prix a reçu…`).
const FR_ASKED = new RegExp(
  String.raw`\b(?:quel|quelle|quels|quelles) (?:est |etait |sera |fut |a ete )?(?:le |la |l')?(?:(?:plus|moins) )?(?:\w+ )?(?:${QUANTITY_FR})\b|\b(?:quel|quelle|quels|quelles) (?:est |etait |sera |fut )?(?:la |le )?(?:production|consommation|recolte)s? (?:de |d'|du |des )|\b(?:a|au) quel prix\b|\bquel (?:est |etait |sera )?(?:le )?prix (?:maximum|minimum|moyen|plafond|plancher|unitaire|de vente|d'achat)\b|\b(?:c'est quoi|c'etait quoi) (?:le |la |l')(?:${QUANTITY_FR})\b`,
);
const EN_ASKED = new RegExp(
  String.raw`\b(?:what|which)(?:'s| is| was| were)? (?:the |its |his |her |their )?(?:\w+ )?(?:${QUANTITY_EN})\b|\bhow (?:fast|far|close|high|heavy|tall|deep|big|large|wide|massive|expensive|strong)\b`,
);
// The quantity noun opening the question or the clause after a colon or dash, the question mark
// closing it with no verb of its own between (`Séisme … : magnitude ?`, `Pot de départ … : montant
// de la facture ?`, `Taux d'annulation des TGV en 2018 selon l'AQST ?`, `Valls : sa cote … ?`).
const BARE = new RegExp(
  String.raw`(?:^|(?:[:—–]|\s-)\s*)(?:(?:le|la|l'|les|son|sa|ses|leur|the|its|their)\s*)?(?:${QUANTITY_FR}|${QUANTITY_EN}|montant|taux|nombre|bilan|prix|score|temperature|age)\b[^?:—–]*\?\s*$`,
);
const DATE_ASKED =
  /\bdate (?:de naissance|of birth)\b|\bbirth ?date\b|\b(?:what|which)(?:'s| is| was)? the date\b|\bquelle (?:est|etait) la date\b|\bc'est quoi la date\b/;
const RANK_ASKED = /\bcombientiemes?\b/;

/** A kind cue read from a quantity's noun in the folded question, with where it stands. */
export function quantityCue(folded: string): { kind: AnswerKind; at: number } | undefined {
  const cues: { kind: AnswerKind; at: number }[] = [];
  for (const [kind, re] of [
    ["rank", RANK_ASKED],
    ["date", DATE_ASKED],
    ["number", FR_ASKED],
    ["number", EN_ASKED],
    ["number", BARE],
  ] as const) {
    const m = re.exec(folded);
    if (m) cues.push({ kind, at: m.index });
  }
  return cues.sort((a, b) => a.at - b.at)[0];
}
