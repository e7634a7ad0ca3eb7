// Reading a question: its language, the kind of answer it wants (a person, a date, a number, a
// place), and the query groups sent to the index, each with a weight factor. An English question
// is expanded with the French equivalents of its words so it can be answered from French articles.
//
// Three things about French questions that plain term extraction gets wrong:
// - inverted subject pronouns (`a-t-il`, `sera-t-elle`, `demande-t-on`) are not content words;
// - the noun right after `quel`/`quelle` (`Quel est le métier de…`, `Quelle ville…`) names the
//   kind of answer, which the answering sentence usually does not repeat: it weighs less;
// - verb forms the stemmer leaves apart (`utilisent`/`utiliser`, `reçu`/`recevant`) get the
//   stems of their other forms as alternatives.
import type { QueryGroup } from "../search/inverted-index.ts";
import type { Analyzer } from "../text/analyzer.ts";
import { fold } from "../text/fold.ts";
import { stem } from "../text/stem.ts";
import { guessLanguage } from "../text/stopwords.ts";
import { forEachToken } from "../text/tokenize.ts";
import { EN_PREPOSITIONS, frenchFor, frenchForPair } from "./glossary-en-fr.ts";
import { quantityCue } from "./quantity-kind.ts";

export type AnswerKind = "person" | "date" | "number" | "place" | "rank" | "other";

export interface ParsedQuestion {
  readonly text: string;
  readonly lang: "fr" | "en";
  readonly kind: AnswerKind;
  /** One group per content word of the question; alternatives are spellings or translations. */
  readonly groups: QueryGroup[];
  /** Per group, a factor on its weight (1, or less for a word naming the kind of answer). */
  readonly factors: number[];
  /**
   * Per group, true for the noun a "what is the X of…" question asks about (`Quel est le PIB du
   * Japon ?`): the answer must state it. A noun right after `quel` without a copula names a
   * category of the answer instead (`Quel typhon a frappé…` is answered by `Yagi`).
   */
  readonly asked: boolean[];
  /**
   * True for "who is X?" questions, and for "what is X's job" ones (`Quel est le grade de X ?`),
   * which ask for X's role rather than for a name.
   */
  readonly asksIdentity: boolean;
  /** The person an identity question is about (`Hayashi Yoshimasa`), as written. */
  readonly identityOf?: string;
  /** True for "what office does X hold" questions: with no role stated for X, there is no answer. */
  readonly asksJob: boolean;
  /** True for "who is the <role>?" questions, whose answer is a name stated next to that role. */
  readonly asksRole: boolean;
  /** True when the question asks for a person's name outright (`Comment s'appelle le président…`). */
  readonly asksName: boolean;
  /** For a date question that asks for a day (`quel jour`, `what day`): a year alone is no answer. */
  readonly asksDay: boolean;
}

// Nouns of people (folded): `Quel photographe…`, `Quelle ministre…`, `Comment s'appelait le
// policier…`, `Which actor…` ask for a person's name.
const PERSON_NOUNS =
  "(?:vice-?|premier |premiere |sous-|ex-|ancien |ancienne )?(?:ministre|president|presidente|dirigeant|dirigeante|responsable|ambassadeur|ambassadrice|general|chef|cheffe|secretaire|roi|reine|prince|princesse|pape|empereur|auteur|autrice|artiste|ecrivain|ecrivaine|romancier|romanciere|poete|joueur|joueuse|pilote|photographe|chanteur|chanteuse|acteur|actrice|comedien|comedienne|humoriste|musicien|musicienne|rappeur|rappeuse|compositeur|cineaste|realisateur|realisatrice|animateur|animatrice|presentateur|presentatrice|journaliste|cosmonaute|astronaute|candidat|candidate|sportif|sportive|athlete|footballeur|footballeuse|cycliste|coureur|coureuse|tennisman|boxeur|nageur|nageuse|entraineur|entraineuse|selectionneur|avocat|avocate|juge|procureur|maire|depute|deputee|senateur|senatrice|directeur|directrice|patron|patronne|pdg|policier|policiere|gendarme|militaire|soldat|militant|militante|homme|femme|garcon|fille|personne|personnalite|suspect|suspecte|tireur|assaillant|terroriste|jihadiste|victime|pretre|eveque|imam|rabbin|professeur|medecin|docteur|chirurgien|infirmier|infirmiere|scientifique|chercheur|chercheuse|economiste|philosophe|historien|historienne|sociologue|minister|president|leader|official|ambassador|person|king|queen|author|writer|actor|actress|singer|rapper|artist|player|director|journalist|candidate|politician|judge|mayor|man|woman|astronaut|athlete|coach|lawyer|gunman|suspect|victim|priest|professor|doctor|scientist|economist|researcher|chauffeur|conducteur|conductrice|pieton|pietonne|detenu|detenue|prisonnier|prisonniere|bebe|enfant|fillette|fils|retraite|retraitee|gerant|gerante|fondateur|fondatrice|agent|capitaine|ouvrier|ouvriere|touriste|otage|benevole|boulanger|boulangere|rugbyman|peintre|biologiste|randonneur|randonneuse|skieur|skieuse|alpiniste|surveillant|surveillante|prof|enseignant|enseignante|instituteur|institutrice|eleve|etudiant|etudiante|champion|championne|pompier|sauveteur|cardinal|moine|religieuse|archipretre|proprietaire|employe|employee|salarie|salariee|vendeur|vendeuse|commercant|commercante|patient|patiente|mari|epouse|veuf|veuve|pere|mere|frere|soeur|compagnon|compagne|conjoint|conjointe|grand-pere|grand-mere|petit-fils|petite-fille|fisherman|baby|child|boy|girl|teacher|driver|attacker|bomber|captain|pilot|worker|tourist|hostage|founder|nurse|officer|soldier|drummer|presenter|broadcaster|drh|mp|senator|executive|fencer|skier|hiker|climber|owner|employee|student|pupil|firefighter|policeman|policewoman|grandson|granddaughter|daughter|husband|wife|father|mother|brother|sister|boss|chief|governor|commander|guard)";
// The compounds of a noun of people that name no person: `chef-lieu` is a place, `chef-d'œuvre` a
// work. Others still ask for one (`homme-clé`, `joueur-vedette`, `ministre-président`).
const NO_PERSON = "(?!-(?:lieu|d'oeuvre)\\b)";
// Up to two words that qualify the noun of people before it: in English any but a function word
// (`the young man`, `which former TF1 journalist`; `the plan of the minister` names a plan), in
// French, where most adjectives follow the noun, a number or an adjective that stands before it
// (`le quatrième Canadien`, `le principal suspect`): `quelle organisation militaire` names no person.
const QUALIFIERS =
  "(?:(?!(?:of|the|a|an|and|or|by|in|on|for|with|from|to|is|was|are|were|did|does|do|has|have|had|will|would|can|could|who|that|which)\\b)[\\w-]+ ){0,2}";
const FR_QUALIFIERS =
  "(?:(?:autre|ancien|ancienne|ex|jeune|nouveau|nouvel|nouvelle|premier|premiere|second|seconde|dernier|derniere|principal|principale|grand|grande|petit|petite|seul|seule|vrai|vraie|futur|future|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|\\w+ieme|\\d+) ){0,2}";
const PERSON_NOUN_QUESTION = new RegExp(
  `\\b(?:quel|quelle|quels|quelles) ${FR_QUALIFIERS}${PERSON_NOUNS}s?\\b${NO_PERSON}|\\b(?:which|what) ${QUALIFIERS}${PERSON_NOUNS}s?\\b${NO_PERSON}|\\b(?:comment (?:s'?appell?|se nomm)(?:e|ait|aient|ent)|(?:quel (?:est|etait) )?le nom d[eu']?) ?(?:le |la |l'|les |cet |cette |ce )?${FR_QUALIFIERS}${PERSON_NOUNS}s?\\b${NO_PERSON}|\\bwhat(?:'s| is| was) the name of (?:the |this |that )?${QUALIFIERS}${PERSON_NOUNS}s?\\b`,
);
// A name asked of a person in chat phrasing: the possessor of a name (`the gunman's name`), or the
// question opening on a noun of people that a pronoun takes up before a closing `comment` (`Le
// soldat tué jeudi au Mali, il s'appelait comment ?`, `Randonneur disparu… : comment il
// s'appelait ?`, `…, comment s'appelle-t-il ?`). The noun decides, as after `comment s'appelle`: `Le voilier qui a coulé…, il
// s'appelait comment ?` asks a boat's name.
const PERSON_NAME_CHAT = new RegExp(
  `\\b${PERSON_NOUNS}s?'s (?:full |real |first |last |nick)?names?\\b|^\\s*(?:(?:le|la|les|un|une|des|ce|cet|cette|ces) |l')?${FR_QUALIFIERS}${PERSON_NOUNS}s?\\b${NO_PERSON}(?=.*\\b(?:(?:il|elle|ils|elles) (?:s'appell?|se nomm)(?:e|ait|aient|ent) comment|comment (?:il|elle|ils|elles) (?:s'appell?|se nomm)(?:e|ait|aient|ent)|comment (?:s'appell?|se nomm)(?:e|ait|aient|ent)-(?:t-)?(?:il|elle|ils|elles))\\b)`,
);

// Patterns on the folded question. Order matters: "en quelle année" is a date before a "which".
const KIND_PATTERNS: [AnswerKind, RegExp][] = [
  // A rank or a placing (`Quel est le rang de X`, `À quelle place a fini…`) is answered by an
  // ordinal (`troisième`, `4e`), which a sentence states without the word `rang`.
  [
    "rank",
    /\b((a|en) )?(quel(le)?s?) (est |etait |sera |fut )?(le |la |l'?)?(rang|place|position|classement)\b|\bclasse(e|s|es)? (a|en) quelle (place|position)\b|\b(what|which) (rank|place|position|ranking)\b|\branks?\b|\branked\b/,
  ],
  [
    "date",
    /\b(quand|quelle date|quel jour|quel mois|quelle annee|quel siecle|quelle epoque|a quelle periode|depuis quand|jusqu'?a quand|when|what date|what year|which year|what day|what century)\b/,
  ],
  // a toll (`bilan`, `death toll`), a score, a sentence (`quelle peine` → `30 ans`), a duration,
  // a fine, a temperature: answered by a figure. `what … bilan` / `what is … rate` scan up to the
  // next `what` only: a plain `[^?]*` rescans the rest of the question from every `what`, quadratic
  // in its length (0.6 s at 40k characters)
  [
    "number",
    /\b(combien|quel age|how many|how much|how old|what age|how long|what number|what percentage|what share|what amount|what score|what temperature|what sentence|death toll)\b|\b(quel|quelle|quels|quelles) (est |etait |sera |fut |a ete )?(le |la |l')?(dernier |derniere |nouveau |nouvelle |premier |premiere |final |finale )?(nombre|montant|pourcentage|part|chiffre|age|somme|quantite|proportion|taux|score|amende|peine|temperature|bilan|duree|record|hausse|baisse)\b|\bwhat('s| is| was) the (final |latest |current |new )?(score|death toll|toll|temperature|amount|number|percentage|share|sentence)\b|\b(quoi|what)\b(?:(?!\b(?:quoi|what)\b)[^?])*\bbilan\b|\b(dernier|nouveau|premier) bilan\b|\b(latest|new) (death )?toll\b|\bwhat (is|was)\b(?:(?!\bwhat\b)[^?])*\b(rate|rating)\b/,
  ],
  // Chat phrasing asks a person after the topic: `…, c'était qui ?`, `qui était-ce`, `…, il
  // s'appelait comment ?`, `c'est quoi son prénom`, `…: what was her name?`, `Whose DNA…`. A
  // relative `qui` never closes a question, and a possessive before a first name or surname (`son
  // vrai nom`) speaks of a person.
  [
    "person",
    /^\s*(qui|who|whom)\b|[,:;]\s*(qui|who)\b|\b(a|par|de|avec|pour|contre|chez|selon|aupres de|envers) qui\b|\b(with|to|by|from|for) whom\b|\b(quelle personne|quelle personnalite)\b|\bqui\s*\?|\bc'(est|etait|etaient) qui\b|\bqui (est|etait|etaient|sont)-(ce|il|elle|ils|elles)\b|\b(son|sa|leur|leurs) (vrai |veritable )?(prenoms?|nom de famille)\b|\b(son|sa|leur) (vrai|veritable) nom\b|\b(quel|quels) (est|etait|sont|etaient) (le|les) prenoms?\b|\b(his|her|their) (full |real |first |last )?names?\b|^\s*whose\b|[,:;]\s*whose\b/,
  ],
  [
    "place",
    /\b(dans quel pays|dans quelle ville|dans quelle region|quel pays|quelle ville|quelle region|quel lieu|quel endroit|quelle commune|quel departement|quel village|quel aeroport|quel archipel|quelle ile|quel chef-lieu|quelle province|quel quartier|in which (\w+ )?(country|city|region|town|village|airport|province|island|archipelago)|which (\w+ )?(country|city|town|village|airport|province|island|archipelago)|what country|what city|where)\b/,
  ],
];

/**
 * The kind of answer a question asks for. A rank is tested first; among the other kinds the
 * interrogative that comes first decides (`How old was X when he died?` asks for an age, `Where did
 * X land when…` for a place): a later `when` or `where` only frames the question. It is read in the
 * part that asks (`askedParts`: after a chat question's topic, without relative asides).
 */
export function detectKind(typed: string): AnswerKind {
  const parts = askedParts(typed.normalize("NFC"));
  for (const part of parts.slice(0, -1)) {
    const kind = kindOf(part);
    if (kind !== "other") return kind;
  }
  return kindOf(parts[parts.length - 1] as string);
}

/** The kind one part of a question asks (detectKind reads the parts in turn). */
function kindOf(question: string): AnswerKind {
  // `où` loses its accent when folded and would read as `ou` (or), so it is tested unfolded.
  // `Ou a eu lieu…` typed without its accent: a question never opens on `ou` (or)
  // It competes on position like the other cues: a relative `où` after the interrogative (`Combien
  // de morts dans la ville où…`) only frames the question.
  const ou = /(^|[\s'’])où(?=[\s?,]|$)|^\s*(?:d['’])?ou\s/iu.exec(question)?.index;
  const q = foldQuestion(question);
  let best: { kind: AnswerKind; at: number } | undefined =
    ou === undefined ? undefined : { kind: "place", at: ou };
  for (const [kind, re] of KIND_PATTERNS) {
    const at = kind === "person" ? firstPersonCue(q, re) : re.exec(q)?.index;
    if (at === undefined) continue;
    if (kind === "rank" && (ou === undefined || at < ou)) return kind;
    if (!best || at < best.at) best = { kind, at };
  }
  // a quantity asked by its noun (`quelle magnitude`, `how fast`, `date of birth`): ./quantity-kind.ts
  const quantity = quantityCue(q);
  if (quantity && (!best || quantity.at < best.at)) best = quantity;
  return best?.kind ?? "other";
}

// An interrogative word, bounded by letters (`\b` does not see `où` or `à` as word letters).
const ASKING_WORD =
  /(?<![\p{L}])(?:qui|que|quoi|quel|quelle|quels|quelles|où|combien|quand|comment|pourquoi|lequel|laquelle|who|whom|whose|what|which|where|when|why|how)(?![\p{L}])/iu;
// A relative clause set off by commas (`X, who died this morning, was…`, `X, qui a fui, …`).
const RELATIVE_ASIDE = /,\s*(?:who|which|where|whose|qui|où|dont)\s[^,?:]*([,:])/giu;

/**
 * The parts of a chat question that ask: the topic comes first and the question after the last
 * colon (`Libya shipwreck where the engine exploded: how many survivors…?`), and a relative clause
 * set off by commas only describes (`Charles Ceccaldi-Raynaud, who died this morning, was mayor for
 * how long?`): the interrogatives inside them are relatives, not what is asked. The part after the
 * colon first, when it asks by itself; the whole question (its asides left out) when it does not
 * say a kind alone (`Randonneur disparu : comment il s'appelait ?` needs the topic's noun).
 */
function askedParts(question: string): string[] {
  const colon = question.lastIndexOf(":");
  const after = colon >= 0 ? question.slice(colon + 1) : "";
  const whole = question.replace(RELATIVE_ASIDE, "$1");
  return ASKING_WORD.test(after) ? [after.replace(RELATIVE_ASIDE, "$1"), whole] : [whole];
}

/**
 * The question folded, its typographic apostrophes made plain: the patterns write `l'`, `d'`,
 * `s'appelle`, and a phone keyboard types `l’âge`, `s’appelle`.
 */
const foldQuestion = (question: string) => fold(question).replace(/[’‘]/g, "'");

/** Where the question first asks for a person: `qui`, `who`, a noun of people after `quel`, a name asked in chat. */
function firstPersonCue(q: string, re: RegExp): number | undefined {
  const found = [re, PERSON_NOUN_QUESTION, PERSON_NAME_CHAT].flatMap((x) => x.exec(q)?.index ?? []);
  return found.length ? Math.min(...found) : undefined;
}

// Inverted subject pronouns: `a-t-il`, `est-elle`, `demande-t-on`, `pourrais-je`, `est-ce`.
// "…mentioned in the articles", "selon les articles": the corpus itself, not the question's topic.
const ABOUT_THE_CORPUS =
  /(?:\b(?:mentionn[ée]e?s?|cit[ée]e?s?|mentioned|cited|named|quoted)\s+)?\b(?:dans|selon|d['’]apr[èe]s|in|from|according\s+to)\s+(?:les|ces|the|these)\s+(?:articles|actualit[ée]s|nouvelles|news)\b/giu;
const ATTRIBUTION = /(?:^|[\s,])(?:selon|d['’]apr[èe]s|according\s+to)\s/iu;
const INVERTED = /(?:-t)?-(?:il|elle|on|ils|elles|je|tu|nous|vous|ce)(?=[\s?!.,;:]|$)/giu;

// Words that name the kind of answer wherever they stand (`Comment s'appelle…`, `Quel est le nom…`).
const ANSWER_TYPE_WORDS = new Set(
  [
    "nom",
    "noms",
    "appelle",
    "appellent",
    "appele",
    "appelee",
    "type",
    "sorte",
    "genre",
    "name",
    "called",
    "kind",
  ].map(fold),
);
const ANSWER_TYPE_FACTOR = 0.35;
// Words that only name the kind of answer the kind detector looks for (`En quelle année…` is
// answered by `en 2025`, `Quel est le rang…` by `troisième`): they are no query words.
const KIND_NOUNS: Partial<Record<AnswerKind, ReadonlySet<string>>> = {
  // with the verbs of ranking (`Quel rang occupe…`, `What rank does X hold`)
  rank: new Set([
    "rang",
    "place",
    "position",
    "classement",
    "occupe",
    "occupait",
    "occupent",
    "occuper",
    "classe",
    "classee",
    "rank",
    "ranks",
    "ranked",
    "ranking",
    "hold",
    "holds",
  ]),
  date: new Set(["annee", "annees", "date", "jour", "mois", "siecle", "year", "day", "month", "century"]),
  // `Où aura lieu…`, `À quel endroit…`: answered by the place's name
  place: new Set([
    "lieu",
    "endroit",
    "place",
    // `Où se trouve X ?`, `Où est située X ?`: being somewhere is the question, not its topic
    "trouve",
    "trouvent",
    "trouvait",
    "situe",
    "situee",
    "situes",
    "situees",
    "situent",
    "situait",
    "localise",
    "localisee",
    "located",
    "situated",
  ]),
};
// After `quel est le` / `quelle était la` / `which`: the next content word names the answer's kind.
const INTERROGATIVE = new Set([
  "quel",
  "quelle",
  "quels",
  "quelles",
  "lequel",
  "laquelle",
  "lesquels",
  "lesquelles",
  "which",
  "what",
]);
const COPULAS = new Set(["est", "sont", "etait", "etaient", "fut", "sera", "is", "are", "was", "were"]);
// The nouns of "what is X's job": the answer is the person's role as an article states it.
const ROLE_NOUNS = "grade|poste|m[ée]tier|titre|r[ôo]le|fonctions?|profession|occupation|job|title";
const IDENTITY_BY_ROLE = new RegExp(
  `^\\s*(?:quel(?:le)?s?\\s+(?:est|[ée]tait|sont|[ée]taient)\\s+(?:le|la|les|l['’])\\s*(?:${ROLE_NOUNS})(?:\\s+\\p{Ll}+)?\\s+(?:de|du|d['’])\\s*|what\\s+(?:is|was)\\s+the\\s+(?:${ROLE_NOUNS})\\s+of\\s+)`,
  "iu",
);
const IDENTITY_POSSESSIVE = new RegExp(
  `^\\s*what\\s+(?:is|was)\\s+(.+?)['’]s\\s+(?:(?:official|current|new|exact|full)\\s+)?(?:${ROLE_NOUNS}|position|post|office)\\b`,
  "iu",
);
// A person's name starts with a capital (tested without the `i` flag, which would void \p{Lu}).
const CAPITALISED = /^\p{Lu}/u;

// "Quel poste occupe X ?", "Quel poste X occupe-t-il ?", "What position does X hold?": the name
// is the capitalised run around the verb of holding an office.
const HELD_VERB = "occupe|occupait|exerce|exer[çc]ait|d[ée]tient|d[ée]tenait";
const IDENTITY_HELD = new RegExp(
  `^\\s*(?:quel(?:le)?s?\\s+(?:${ROLE_NOUNS})\\s+(?:(?:${HELD_VERB})\\s+(.+)|(.+?)\\s+(?:${HELD_VERB})\\b.*)|(?:what|which)\\s+(?:position|post|office|${ROLE_NOUNS})\\s+(?:does|did|do)\\s+(.+?)\\s+(?:hold|have|occupy|fill)\\b.*)$`,
  "iu",
);
const NAME_RUN = /\p{Lu}[\p{L}\p{M}'’-]*(?:\s+\p{Lu}[\p{L}\p{M}'’-]*)*/u;

const JOB_WORDS = new RegExp(
  `^(?:${fold(ROLE_NOUNS)}|${fold(HELD_VERB)}|position|post|office|hold|holds|have|has|occupy|fill)$`,
);

// "What position was X appointed to?", "À quel poste X a-t-il été nommé ?": X's new office.
const IDENTITY_APPOINTED =
  /^\s*(?:(?:what|which)\s+(?:position|post|office|job|role)\s+(?:was|is|has|had)\s+(.+?)\s+(?:(?:recently|just)\s+)?(?:appointed|named|elected|nominated|promoted)\b|[àa]\s+quel(?:le)?\s+(?:poste|fonction)\s+(.+?)\s+(?:a|avait)(?:-t-(?:il|elle))?\s+(?:[ée]t[ée]\s+)?(?:nomm[ée]e?|[ée]lue?|promue?|d[ée]sign[ée]e?)(?!\p{L}))/iu;

// "De quoi X est-il ministre ?", "X, il est ministre de quoi ?": the complement of X's title.
const TITLE_OF_WHAT =
  /\b(?:ministre|pr[ée]sident|directeur|directrice|secr[ée]taire|gouverneur|ambassadeur|chef|maire)\s+de\s+quoi\b|^\s*de\s+quoi\b.*\b(?:ministre|pr[ée]sident|directeur|directrice|secr[ée]taire|gouverneur|ambassadeur|chef|maire)\b/iu;
const NAME_RUNS = /\p{Lu}[\p{L}\p{M}'’-]*(?:\s+\p{Lu}[\p{L}\p{M}'’-]*)+/gu;

/**
 * The person a "what is X's job" question is about (`Quel est le grade de X ?`), and whether it
 * asks about an office X holds (`Quel poste occupe X ?`, `What is X's title?`), or undefined.
 */
function identityByRole(question: string): { name: string; holdsOffice: boolean } | undefined {
  const found = (name: string | undefined, holdsOffice = false) =>
    name && CAPITALISED.test(name) ? { name, holdsOffice } : undefined;
  if (TITLE_OF_WHAT.test(question)) {
    // the longest run of two or more capitalised words is the person
    const runs = question.match(NAME_RUNS) ?? [];
    const name = runs.sort((a, b) => b.length - a.length)[0];
    if (name) return found(name.replace(/^(?:De|Quoi)\s+/u, ""));
  }
  const possessive = IDENTITY_POSSESSIVE.exec(question)?.[1]?.trim();
  if (possessive && CAPITALISED.test(possessive)) return found(possessive, true);
  const appointed = IDENTITY_APPOINTED.exec(question);
  const appointedName = appointed?.[1] ?? appointed?.[2];
  if (appointedName) return found(NAME_RUN.exec(appointedName)?.[0]);
  const held = IDENTITY_HELD.exec(question);
  const heldName = held?.[1] ?? held?.[2] ?? held?.[3];
  if (heldName) return found(NAME_RUN.exec(heldName)?.[0], true);
  const m = IDENTITY_BY_ROLE.exec(question);
  return m
    ? found(
        question
          .slice(m[0].length)
          .replace(/[?!.\s]+$/u, "")
          .trim(),
      )
    : undefined;
}

const SKIPPED_AFTER_INTERROGATIVE = new Set(
  [
    "est",
    "sont",
    "etait",
    "etaient",
    "fut",
    "sera",
    "le",
    "la",
    "les",
    "l",
    "un",
    "une",
    "des",
    "is",
    "are",
    "was",
    "were",
    "the",
    "a",
    "an",
  ].map(fold),
);

// Irregular French verb forms whose stems differ from the other forms of the verb.
const IRREGULAR: Readonly<Record<string, readonly string[]>> = {
  recu: ["recevoir", "recevant", "recoit", "reception"],
  recue: ["recevoir", "recevant", "recoit"],
  recoit: ["recevoir", "recevant", "recu"],
  recoivent: ["recevoir", "recevant", "recu"],
  nait: ["naissance", "naquit"],
  naquit: ["naissance"],
  meurt: ["mort", "mourir"],
  mourut: ["mort", "mourir"],
  prit: ["prendre", "pris", "prise"],
  prend: ["prendre", "pris", "prise"],
  prennent: ["prendre", "pris"],
  fit: ["fait", "faire"],
  font: ["faire", "fait"],
  devint: ["devenir", "devenu"],
  devient: ["devenir", "devenu"],
  devenu: ["devenir", "devient"],
  vint: ["venir", "venu"],
  vient: ["venir", "venu"],
  viennent: ["venir", "venu"],
  tint: ["tenir", "tenu"],
  tient: ["tenir", "tenu"],
  mit: ["mettre", "mis"],
  met: ["mettre", "mis"],
  mis: ["mettre", "met"],
  dit: ["dire", "declare"],
  ecrivit: ["ecrire", "ecrit"],
  ecrit: ["ecrire", "ecrivit"],
  vit: ["vivre", "vivant"],
  vivent: ["vivre", "vivant"],
  vecu: ["vivre", "vivant"],
  peut: ["pouvoir"],
  peuvent: ["pouvoir"],
  put: ["pouvoir"],
  doit: ["devoir"],
  doivent: ["devoir"],
  sait: ["savoir"],
  connu: ["connaitre", "connait"],
  conquit: ["conquete", "conquerir"],
  conquis: ["conquete", "conquerir"],
  ouvert: ["ouvrir", "ouverture"],
  construit: ["construire", "construction"],
  detruit: ["detruire", "destruction"],
  produit: ["produire", "production"],
  elu: ["elire", "election"],
  elue: ["elire", "election"],
};

export interface ParseOptions {
  /** Whether the index knows a term; unknown joined forms and verb variants are dropped. */
  known?: (term: string) => boolean;
}

export function parseQuestion(typed: string, analyzer: Analyzer, options: ParseOptions = {}): ParsedQuestion {
  // decomposed accents (`o` + U+0300) as composed: the patterns write `où`, `été` composed
  const question = typed.normalize("NFC");
  const known = options.known ?? (() => true);
  const cleaned = question.replace(INVERTED, " ").replace(ABOUT_THE_CORPUS, " ");
  const words = questionWords(cleaned);
  const lang = guessLanguage(words.filter((w) => !w.joined).map((w) => w.folded));
  const kind = detectKind(question);
  const folded = foldQuestion(question);
  const roles = wordRoles(words, cleaned);
  // In "what office does X hold" the office and holding words are the question, not its topic.
  const byRole = identityByRole(question);
  const reading: QuestionReading = {
    words,
    roles,
    isKindNoun: (i) =>
      (byRole !== undefined && JOB_WORDS.test((words[i] as QuestionWord).folded)) ||
      ((roles.typeWord.has(i) || kind === "rank" || kind === "place") &&
        (KIND_NOUNS[kind]?.has((words[i] as QuestionWord).folded) ?? false)),
    analyzer,
    known,
  };
  const { groups, factors, asked } = lang === "en" ? englishGroups(reading) : frenchGroups(reading);
  return {
    text: question,
    lang,
    kind: byRole !== undefined ? "person" : kind,
    groups,
    factors,
    // the role noun of "what is X's job" is answered by the role itself (`général`), not restated
    asked: byRole !== undefined ? asked.map(() => false) : asked,
    ...identityFields(question, folded, byRole),
    asksName: kind === "person" && ASKS_NAME.test(folded),
    asksDay:
      kind === "date" &&
      /\b(quel jour|quelle date|a quelle date|what day|which day|what date)\b/.test(folded),
    asksRole: ASKS_ROLE.test(folded),
  };
}

// A name asked outright, before or after its person (`Comment s'appelle le tireur ?`, `Le tireur,
// il s'appelait comment ?`, `c'est quoi son prénom`, `what's his name`, `the gunman's name`).
const ASKS_NAME =
  /\b(comment (s'?appell?|se nomm)(e|ait|aient|ent)|(s'appell?|se nomm)(e|ait|aient|ent) comment|quel (est|etait) (le|son) (pre)?nom|what('s| is| was) the name|(his|her|their|'s) (full |real |first |last )?name|prenoms?|nom de famille|vrai nom)\b/;

// "Qui est Hayashi Yoshimasa ?" asks for a role; "Qui est le ministre… ?" asks for a name.
const ASKS_ROLE = /^\s*(qui (est|etait|sont|etaient)|who (is|was|are|were))\s+(le|la|les|l|the)\b/;

interface QuestionWord {
  readonly text: string;
  readonly folded: string;
  /** Written with a hyphen or apostrophe join (`vice-roi`), which the index may not know joined. */
  readonly joined: boolean;
  readonly start: number;
}

/** Which words say what kind of answer is wanted rather than what it is about. */
interface WordRoles {
  /** Words naming the answer's kind, or the source of a quote: they weigh less. */
  readonly typeWord: ReadonlySet<number>;
  /** The noun a "what is the X of…" question asks about: the answer must state it. */
  readonly askedWord: ReadonlySet<number>;
}

/** What turning a question's words into query groups needs. */
interface QuestionReading {
  readonly words: readonly QuestionWord[];
  readonly roles: WordRoles;
  /** A word that only names the kind of answer (`année`, `rang`): no query word. */
  readonly isKindNoun: (i: number) => boolean;
  readonly analyzer: Analyzer;
  readonly known: (term: string) => boolean;
}

type QueryGroups = Pick<ParsedQuestion, "groups" | "factors" | "asked">;

function questionWords(cleaned: string): QuestionWord[] {
  const words: QuestionWord[] = [];
  forEachToken(cleaned, (w, start, joined) => {
    words.push({ text: w, folded: fold(w), joined, start });
  });
  return words;
}

function wordRoles(words: readonly QuestionWord[], cleaned: string): WordRoles {
  const typeWord = new Set<number>();
  const askedWord = new Set<number>();
  // Which words name the answer's kind: the first content word after an interrogative.
  words.forEach((w, i) => {
    if (ANSWER_TYPE_WORDS.has(w.folded)) typeWord.add(i);
    if (!INTERROGATIVE.has(w.folded)) return;
    let j = i + 1;
    let copula = false;
    while (j < words.length && SKIPPED_AFTER_INTERROGATIVE.has((words[j] as QuestionWord).folded)) {
      if (COPULAS.has((words[j] as QuestionWord).folded)) copula = true;
      j++;
    }
    if (j < words.length) {
      typeWord.add(j);
      if (copula && !ANSWER_TYPE_WORDS.has((words[j] as QuestionWord).folded)) askedWord.add(j);
    }
  });
  // "…selon le Premier ministre X", "according to X": who said it, which the article names but the
  // answering sentence need not ("le chef du gouvernement a déclaré…"). Such words weigh like
  // kind-naming ones: the article must hold them, the sentence may not.
  const attributed = ATTRIBUTION.exec(cleaned)?.index;
  if (attributed !== undefined) {
    words.forEach((w, i) => {
      if (w.start >= attributed) typeWord.add(i);
    });
  }
  return { typeWord, askedWord };
}

/** Query groups collected in order; a group sharing a term with an earlier one is dropped. */
function createGroupCollector(): QueryGroups & {
  push(alts: string[], factor: number, isAsked?: boolean): void;
} {
  const groups: string[][] = [];
  const factors: number[] = [];
  const asked: boolean[] = [];
  const seen = new Set<string>();
  return {
    groups,
    factors,
    asked,
    push(alts, factor, isAsked = false) {
      const fresh = [...new Set(alts)].filter((t) => t.length > 0);
      if (fresh.length === 0 || fresh.some((t) => seen.has(t))) return;
      for (const t of fresh) seen.add(t);
      groups.push(fresh);
      factors.push(factor);
      asked.push(isAsked);
    },
  };
}

const factorOf = (roles: WordRoles, i: number) => (roles.typeWord.has(i) ? ANSWER_TYPE_FACTOR : 1);

/**
 * An English question, expanded with French equivalents so French articles answer it: two-word
 * expressions first (`prime minister`), then single words.
 */
function englishGroups({ words, roles, isKindNoun, analyzer, known }: QuestionReading): QueryGroups {
  const collector = createGroupCollector();
  const used = new Set<number>();
  for (let i = 0; i + 1 < words.length; i++) {
    const fr = frenchForPair(words[i]?.folded ?? "", words[i + 1]?.folded ?? "");
    if (!fr) continue;
    for (const phrase of fr) for (const t of analyzer.terms(phrase, "fr")) collector.push([t], 1);
    used.add(i);
    used.add(i + 1);
  }
  words.forEach((w, i) => {
    if (used.has(i) || isKindNoun(i) || (w.joined && !known(analyzer.term(w.text, "fr") ?? ""))) return;
    const en = analyzer.term(w.text, "en");
    if (en === undefined) return; // an English stopword
    // `according` is `selon`, a French stopword: kept, its stem would match `accord`
    if (EN_PREPOSITIONS.has(w.folded)) return;
    const alts = [en, stem(w.folded, "fr")];
    for (const phrase of frenchFor(w.folded) ?? []) {
      const fr = analyzer.terms(phrase, "fr");
      // a multi-word translation contributes its rarest-looking (longest) word
      const best = fr.sort((a, b) => b.length - a.length)[0];
      if (best) alts.push(best);
    }
    collector.push(alts, factorOf(roles, i), roles.askedWord.has(i));
  });
  return collector;
}

function frenchGroups({ words, roles, isKindNoun, analyzer, known }: QuestionReading): QueryGroups {
  const collector = createGroupCollector();
  words.forEach((w, i) => {
    const t = analyzer.term(w.text, "fr");
    if (t === undefined || isKindNoun(i)) return;
    if (w.joined && !known(t)) return; // `vice-roi` → `viceroi` only when the articles write it so
    collector.push(
      [t, ...verbVariants(w.folded, analyzer).filter(known)],
      factorOf(roles, i),
      roles.askedWord.has(i),
    );
  });
  return collector;
}

/** Who an identity question is about, and whether it asks for their office. */
function identityFields(
  question: string,
  folded: string,
  byRole: { name: string; holdsOffice: boolean } | undefined,
): Pick<ParsedQuestion, "asksIdentity" | "identityOf" | "asksJob"> {
  const asksIdentity =
    byRole !== undefined ||
    (/^\s*(qui (est|etait|sont|etaient)|who (is|was|are|were))\s+(?!(le|la|les|l|un|une|the|a|an)\b)/.test(
      folded,
    ) &&
      namesAfterCopula(question));
  const identityOf =
    byRole?.name ??
    (asksIdentity
      ? question
          .replace(/^\s*(qui\s+(est|était|etait|sont)|who\s+(is|was|are))\s+/iu, "")
          .replace(/[?!.\s]+$/u, "")
          .trim()
      : undefined);
  return {
    asksIdentity,
    ...(identityOf ? { identityOf } : {}),
    asksJob: byRole?.holdsOffice ?? false,
  };
}

// "Qui est Hayashi Yoshimasa ?" asks who someone is; "Who was picked…", "Qui est ministre de la
// Culture ?" ask for a name (a verb or a title follows the copula). A question typed all in lower
// case gives no such clue and stays an identity question.
function namesAfterCopula(question: string): boolean {
  const rest = /^\s*\S+\s+\S+\s+(\S)/u.exec(question)?.[1] ?? "";
  const cased = /\p{Lu}/u.test(question.slice(1));
  return !cased || /\p{Lu}|\d/u.test(rest);
}

// Other stems of a French verb form: irregular forms from the table, and for a third-person
// plural (`utilisent`, `trouvent`, which the stemmer keeps whole) the stems of its infinitives.
function verbVariants(foldedWord: string, analyzer: Analyzer): string[] {
  const out: string[] = [];
  for (const form of IRREGULAR[foldedWord] ?? []) {
    const t = analyzer.term(form, "fr");
    if (t) out.push(t);
  }
  if (
    foldedWord.length >= 6 &&
    foldedWord.endsWith("ent") &&
    analyzer.term(foldedWord, "fr") === foldedWord
  ) {
    const base = foldedWord.slice(0, -3);
    for (const form of [`${base}er`, `${base}ir`, `${base}e`, base]) {
      const t = analyzer.term(form, "fr");
      if (t) out.push(t);
    }
  }
  return out;
}
