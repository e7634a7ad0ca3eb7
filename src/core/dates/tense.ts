// The tense a date expression is used in, read from the verbs nearest to it: `a annoncé jeudi`
// speaks of a Thursday already gone, `se rendra jeudi` and `doit se rendre jeudi` of the coming
// one. A date without a year or a bare weekday can only be placed on the calendar with this, since
// an article of Tuesday saying `jeudi` means two different days depending on the verb.
// Only verb shapes are read (auxiliary + past participle, imperfect, future and conditional
// endings, `va`/`doit` + infinitive, English auxiliaries): no dictionary, so any news text works.

export type Tense = "past" | "present" | "future";

interface Marker {
  readonly tense: Exclude<Tense, "present">;
  readonly re: RegExp;
}

const L = "(?<![\\p{L}\\p{N}'’])";
const R = "(?![\\p{L}\\p{N}])";
// Adverbs and negations that may stand between an auxiliary and its participle or infinitive.
const ADVERBS =
  "(?:(?:été|déjà|deja|notamment|aussi|également|egalement|encore|bien|ensuite|alors|finalement|pas|plus|jamais|toujours|enfin|d['’]abord|officiellement|même|meme|très|tres|longtemps|peu|beaucoup)\\s+)*";
const PARTICIPLE =
  "\\p{Ll}[\\p{Ll}-]*(?:é|ée|és|ées|i|ie|is|ies|u|ue|us|ues|it|ite|its|ert|erte|erts|ort|orts|eint|eints|aint|aints)";
const INFINITIVE = "\\p{Ll}[\\p{Ll}-]*(?:er|ir|re|oir)";
// Words written like a planned event rather than a past one (`prévu le 5 mai`, `attendu jeudi`).
const PLANNED =
  "prévu|prévue|prévus|prévues|programmé|programmée|programmés|programmées|attendu|attendue|attendus|attendues|fixé|fixée|fixés|fixées|annoncé pour|annoncée pour";
const PAST_AUX =
  "a|ont|avait|avaient|aurait|auraient|eut|eurent|est|sont|était|étaient|fut|furent|s['’]est|se sont|s['’]était|se sont|s['’]étaient|a été|ont été";

const MARKERS: readonly Marker[] = [
  { tense: "future", re: new RegExp(`${L}(?:${PLANNED})${R}`, "gu") },
  {
    tense: "future",
    re: new RegExp(
      `${L}(?:va|vont|allait|allaient|doit|doivent|devait|devaient|devrait|devraient|devra|devront|compte|comptent|entend|entendent|prévoit|prévoient|s['’]apprête|s['’]apprêtent)\\s+${ADVERBS}(?:se\\s+|s['’])?${INFINITIVE}${R}`,
      "gu",
    ),
  },
  {
    tense: "past",
    re: new RegExp(`${L}(?:${PAST_AUX})\\s+${ADVERBS}${PARTICIPLE}${R}`, "gu"),
  },
  // futur simple and conditionnel of any verb (`se tiendra`, `commencera`, `aurait lieu`)
  {
    tense: "future",
    re: new RegExp(
      `${L}(?:sera|seront|aura|auront|fera|feront|ira|iront|viendra|viendront|tiendra|tiendront|pourra|pourront|faudra|verra|verront|\\p{Ll}{2,}(?:era|eront|erait|eraient|ira|iront|irait|iraient|dra|dront|drait|draient))${R}`,
      "gu",
    ),
  },
  // imparfait (`se trouvait`, `étaient`): the event is behind the writer
  {
    tense: "past",
    re: new RegExp(
      `${L}(?!(?:fait|sait|plait|tait|lait|trait|souhait|attrait|extrait|portrait)${R})\\p{Ll}{2,}(?:ait|aient)${R}`,
      "gu",
    ),
  },
  { tense: "past", re: /\b(?:was|were|had|did|said|announced|took place|happened|died|ago)\b/g },
  {
    tense: "future",
    re: /\b(?:will|shall|'ll|is to|are to|is due|are due|is expected|are expected|plans to|is set to|going to)\b/g,
  },
];

// A verb further than this from the date (in characters) belongs to another clause.
const REACH = 40;

/** The tense of the verbs nearest to `at` (a character offset) in `sentence`; `present` when none. */
export function tenseAt(sentence: string, at: number): Tense {
  let best: { tense: Tense; distance: number } | undefined;
  for (const marker of MARKERS) {
    marker.re.lastIndex = 0;
    for (let m = marker.re.exec(sentence); m !== null; m = marker.re.exec(sentence)) {
      const end = m.index + m[0].length;
      const distance = at < m.index ? m.index - at : at > end ? at - end : 0;
      // earlier markers win ties: a planned event (`prévu`) over the participle it looks like
      if (distance <= REACH && (!best || distance < best.distance)) best = { tense: marker.tense, distance };
    }
  }
  return best?.tense ?? "present";
}
