// People, organisations and places in article text, by general rules of French news writing:
// a person is a run of two or more capitalised words (`Hoàng Xuân Chiên`, `Hayashi Yoshimasa`,
// `Jean-Yves Le Drian`) that the sentence marks as a person — a role noun before it
// (`le ministre japonais des Affaires étrangères, X`, `le général de corps d'armée X`,
// `l'ambassadeur X`), a role in apposition after it (`X, président du …`), a civility (`M. X`),
// or a verb of saying (`X a déclaré`, `selon X`). The role is kept as the article states it,
// with the sentence that states it. Names are never reordered: Japanese and Vietnamese names
// stay family name first, as written.
import { fold } from "../text/fold.ts";
import {
  BEFORE_ROLE,
  CONTAINER_NOUNS,
  NAME_PARTICLES,
  NOT_A_GIVEN_NAME,
  NOT_IN_ROLE,
  ROLE_LEADS,
  ROLE_MODIFIERS,
  ROLE_NOUNS,
  SPEECH_VERBS,
} from "./lexicon.ts";

export interface PersonMention {
  /** The name as written. */
  readonly name: string;
  /** Accent- and case-folded name, the key people are merged on. */
  readonly key: string;
  readonly start: number;
  readonly end: number;
  /** The role the sentence states, as written (`ministre japonais des Affaires étrangères`). */
  readonly role?: string;
  /** What marks the name as a person. */
  readonly evidence: "role" | "civility" | "speech" | "known";
}

export interface NamedThing {
  readonly name: string;
  readonly key: string;
  readonly start: number;
}

interface Token {
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const flexible = (s: string) => escapeRe(s).replace(/['’]/g, "['’]").replace(/ /g, "\\s+");
/** Role nouns anywhere (case-insensitive: `Premier ministre`, `Secrétaire général`). */
const ROLE_RE = new RegExp(
  `(?<![\\p{L}\\p{M}-])(?:(?:${ROLE_MODIFIERS.join("|")})[- ]\\s*)?(?:${ROLE_NOUNS.map(flexible).join("|")})(?![\\p{L}\\p{M}])`,
  "giu",
);
const ROLE_AT_START = new RegExp(`^${ROLE_RE.source}`, "iu");
const TOKEN = /[\p{L}\p{M}\p{N}]+(?:[-'’][\p{L}\p{M}\p{N}]+)*['’]?|[^\s\p{L}\p{M}\p{N}]/gu;
const ELISION = /^([cdjlmnst]|qu)['’](?=[\p{L}])/iu;
const NAME_WORD = /^\p{Lu}[\p{L}\p{M}]*\p{Ll}[\p{L}\p{M}'’-]*$/u;
const PREPOSITIONS = new Set([
  "de",
  "du",
  "des",
  "d'",
  "d’",
  "l'",
  "l’",
  "la",
  "le",
  "les",
  "au",
  "aux",
  "à",
  "en",
]);
// List bullets a scraper glued into the text (`…national• Jean-Luc Mélenchon, …`) end a clause too.
const BOUNDARY = /[.;:!?«»"“”()[\]•▪■►▶➤]/u;
const SPEECH_AFTER = new RegExp(
  `^\\s*(?:\\([^)]{0,60}\\)\\s*)?(?:,[^,.;]{0,120},\\s*)?(?:a|avait|aurait|ont|s['’]est|se sont|a-t-il|a-t-elle|n['’]a|vient de|va)\\s+(?:[\\p{Ll}'’-]+\\s+){0,3}?(?:${SPEECH_VERBS})(?![\\p{L}])`,
  "u",
);
const SPEECH_BEFORE = new RegExp(
  `(?:(?:^|[\\s,])(?:[Ss]elon|[Dd]'après|[Dd]’après|[Pp]our)\\s+|(?:${SPEECH_VERBS})\\s+(?:à nouveau\\s+|aussi\\s+)?)$`,
  "u",
);
const CIVILITY_BEFORE =
  /(?:^|[\s(])(?:M\.|Mme|Mlle|Mgr|Dr|Pr|Me|Monsieur|Madame|Mr\.?|Mrs\.?|Ms\.?|Sir)\s+$/u;

function tokens(text: string): Token[] {
  const out: Token[] = [];
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(text); m !== null; m = TOKEN.exec(text)) {
    const e = ELISION.exec(m[0]);
    if (e && !/^\p{Lu}['’]\p{Lu}/u.test(m[0])) {
      out.push({ text: m[0].slice(0, e[0].length), start: m.index, end: m.index + e[0].length });
      out.push({ text: m[0].slice(e[0].length), start: m.index + e[0].length, end: m.index + m[0].length });
    } else out.push({ text: m[0], start: m.index, end: m.index + m[0].length });
  }
  return out;
}

const isNameWord = (t: string) => NAME_WORD.test(t) && !NOT_A_GIVEN_NAME.has(t.toLowerCase());
const lower = (t: string) => t.toLowerCase().replace("’", "'");

/** Runs of capitalised words (particles allowed inside), leading non-name words dropped. */
function nameRuns(toks: readonly Token[]): Token[][] {
  const runs: Token[][] = [];
  let i = 0;
  while (i < toks.length) {
    const t = toks[i] as Token;
    if (!NAME_WORD.test(t.text)) {
      i++;
      continue;
    }
    const run: Token[] = [t];
    let j = i + 1;
    while (j < toks.length) {
      const u = toks[j] as Token;
      const prev = toks[j - 1] as Token;
      if (u.start - prev.end > 1) break; // words of a name are separated by one space
      if (
        NAME_WORD.test(u.text) &&
        !(NOT_A_GIVEN_NAME.has(u.text.toLowerCase()) && !NAME_PARTICLES.has(u.text.toLowerCase()))
      ) {
        run.push(u);
        j++;
        continue;
      }
      const next = toks[j + 1];
      if (NAME_PARTICLES.has(lower(u.text)) && next && NAME_WORD.test(next.text) && next.start - u.end <= 1) {
        run.push(u, next);
        j += 2;
        continue;
      }
      break;
    }
    // drop leading words that do not open a name (`Le`, `Selon`, `Président`…) and trailing particles
    while (run.length > 0 && !isNameWord((run[0] as Token).text)) run.shift();
    while (run.length > 0 && !isNameWord((run[run.length - 1] as Token).text)) run.pop();
    // a name written twice in a row by a scraper (`Yves Cohen Yves Cohen`)
    const half = run.length / 2;
    if (Number.isInteger(half) && run.slice(0, half).every((r, k) => r.text === run[half + k]?.text))
      run.splice(half);
    if (run.filter((r) => NAME_WORD.test(r.text)).length >= 2 && run.length <= 6) runs.push(run);
    i = j;
  }
  return runs;
}

/** The role stated before a name: `le ministre japonais des Affaires étrangères, X`. */
function roleBefore(
  sentence: string,
  run: readonly Token[],
  context: string,
): { role: string; nameFrom: number } | undefined {
  const nameStart = (run[0] as Token).start;
  const windowStart = clauseStart(sentence, nameStart);
  const window = sentence.slice(windowStart, nameStart);
  ROLE_RE.lastIndex = 0;
  for (let m = ROLE_RE.exec(window); m !== null; m = ROLE_RE.exec(window)) {
    if (!standsAsRole(sentence, window, windowStart, m)) continue;
    const between = window.slice(m.index + m[0].length);
    const words = tokens(between).filter((t) => /[\p{L}\p{N}]/u.test(t.text));
    if (!isRoleComplement(between, words, m)) continue;
    const nameFrom = nameStartInRun(sentence, run, context, between, words);
    if (nameFrom === undefined) return undefined;
    const roleEnd = nameFrom > 0 ? (run[nameFrom - 1] as Token).end : nameStart;
    const role = sentence
      .slice(windowStart + m.index, roleEnd)
      .replace(/[\s,]+$/, "")
      .trim();
    return { role, nameFrom };
  }
  return undefined;
}

/** The clause before the name: back to a boundary, or a comma that is not the one just before it. */
function clauseStart(sentence: string, nameStart: number): number {
  let from = nameStart - 1;
  while (from >= 0 && /\s/.test(sentence[from] ?? "")) from--;
  if (sentence[from] === ",") from--;
  let cut = from;
  while (cut >= 0 && !BOUNDARY.test(sentence[cut] ?? "") && sentence[cut] !== ",") cut--;
  // a parenthesis closing an acronym (`(PLD)`) is part of the clause
  while (cut >= 0 && sentence[cut] === ")") {
    const open = sentence.lastIndexOf("(", cut);
    if (open < 0 || cut - open > 15) break;
    cut = open - 1;
    while (cut >= 0 && !BOUNDARY.test(sentence[cut] ?? "") && sentence[cut] !== ",") cut--;
  }
  return cut + 1;
}

/**
 * A role noun follows an article, a preposition or a possessive (`le ministre`, `au vice-ministre`),
 * or opens the clause; `politique générale du` is no role.
 */
function standsAsRole(sentence: string, window: string, windowStart: number, m: RegExpExecArray): boolean {
  const prevWord = /([\p{L}']+)\s*$/u.exec(sentence.slice(0, windowStart + m.index).replace(/’/g, "'"))?.[1];
  const opensClause = window.slice(0, m.index).trim() === "" || /^\p{Lu}/u.test(m[0]);
  return opensClause || Boolean(prevWord && BEFORE_ROLE.has(prevWord.toLowerCase().replace(/^(\w')$/, "$1")));
}

/** Can `between` (from the role noun to the name) complete a role, leaving the name to this person? */
function isRoleComplement(between: string, words: readonly Token[], m: RegExpExecArray): boolean {
  if (words.length > 14) return false;
  if (words.some((w) => NOT_IN_ROLE.has(lower(w.text).replace(/['’]$/, "")))) return false;
  if (/,\s*\S/.test(between.replace(/,\s*$/, ""))) return false;
  // no figures, no conjugated verbs (`devrait`, `recevait`), no other person's name in a role
  if (/[\d%]/.test(between) || words.some((w) => /(?:ait|aient|erait|eront|encore)$/u.test(lower(w.text))))
    return false;
  if (
    words.some(
      (w, k) =>
        k > 0 &&
        isNameWord(w.text) &&
        isNameWord((words[k - 1] as Token).text) &&
        !PREPOSITIONS.has(lower(words[k - 2]?.text ?? "")),
    )
  )
    return false;
  // two people joined (`le Premier ministre X et le ministre de la Santé Y`): the role is the nearer one
  if (/\s(?:et|ou)\s+(?:le|la|les|l['’])\s*/iu.test(between)) return false;
  return !namesAnotherRole(between, m);
}

/** `conseiller du Premier ministre X`: X is the Premier ministre, not the conseiller. */
function namesAnotherRole(between: string, m: RegExpExecArray): boolean {
  // ROLE_RE is global and mid-scan: its source is read with lastIndex reset, then the scan resumes
  ROLE_RE.lastIndex = 0;
  const inner = new RegExp(`(?:\\s(?:du|de la|de l['’]|des|au|aux|à la)\\s+)(?:${ROLE_RE.source})`, "iu");
  ROLE_RE.lastIndex = m.index + m[0].length;
  return inner.test(between);
}

/**
 * Where the name starts in the run (0: the whole run), or undefined when the run holds no name
 * once the role's complement is taken out.
 */
function nameStartInRun(
  sentence: string,
  run: readonly Token[],
  context: string,
  between: string,
  words: readonly Token[],
): number | undefined {
  const last = words[words.length - 1];
  const n = run.length;
  const nameStart = (run[0] as Token).start;
  const fullElsewhere = context.split(sentence.slice(nameStart, (run[n - 1] as Token).end)).length - 1 > 1;
  if (
    last &&
    (PREPOSITIONS.has(lower(last.text)) ||
      (/^\p{Ll}/u.test(last.text) && CONTAINER_NOUNS.has(last.text) && !fullElsewhere)) &&
    /\s$|['’]$/.test(between)
  )
    return complementInRun(sentence, run, context);
  // `région Grand-Est Jean Rottner` without a preposition: trust the article's other mentions
  if (n >= 3 && !fullElsewhere) return writtenAloneFrom(sentence, run, context) ?? 0;
  return 0;
}

/** `du Japon Funakoshi Takehiro`: the first word(s) of the run complete the role. */
function complementInRun(sentence: string, run: readonly Token[], context: string): number | undefined {
  const n = run.length;
  if (n < 3) return undefined;
  let nameFrom = 1;
  // `Défense du Laos Vông Xay Phết`: a lower-case `du` inside the run is the complement's too
  let lastParticle = -1;
  run.forEach((r, k) => {
    if (k > 0 && /^(?:de|du|des|d['’])$/u.test(r.text)) lastParticle = k;
  });
  if (lastParticle > 0 && n - (lastParticle + 2) >= 2) nameFrom = lastParticle + 2;
  nameFrom = writtenAloneFrom(sentence, run, context) ?? nameFrom;
  if (!NAME_WORD.test((run[nameFrom] as Token).text) || run.length - nameFrom < 2) return undefined;
  return nameFrom;
}

/** The first word from which the rest of the run is written again elsewhere in the article. */
function writtenAloneFrom(sentence: string, run: readonly Token[], context: string): number | undefined {
  const n = run.length;
  for (let k = 1; k <= n - 2; k++) {
    const rest = sentence.slice((run[k] as Token).start, (run[n - 1] as Token).end);
    if (context.split(rest).length - 1 > 1) return k;
  }
  return undefined;
}

/** The role in apposition after a name: `X, président du Parti libéral-démocrate (PLD), …`. */
function roleAfter(sentence: string, nameEnd: number): string | undefined {
  const after = sentence.slice(nameEnd);
  const m = /^\s*,\s*/.exec(after);
  if (!m) return undefined;
  let clause = after.slice(m[0].length);
  // up to the next comma, semicolon or end of sentence, parentheses kept whole
  let depth = 0;
  let end = clause.length;
  for (let i = 0; i < clause.length; i++) {
    const c = clause[i];
    if (c === "(") depth++;
    else if (c === ")") depth = Math.max(0, depth - 1);
    else if (
      depth === 0 &&
      (c === "," ||
        c === ";" ||
        c === ":" ||
        c === "!" ||
        c === "?" ||
        c === "»" ||
        c === '"' ||
        /[•▪■►▶➤]/u.test(c ?? ""))
    ) {
      end = i;
      break;
    } else if (depth === 0 && c === "." && !/^\.\s*\p{Ll}/u.test(clause.slice(i))) {
      end = i;
      break;
    }
  }
  clause = clause.slice(0, end).trim();
  clause = clause.replace(/^(?:le|la|l['’]|un|une)\s*/iu, "").replace(ROLE_LEADS, "");
  if (!ROLE_AT_START.test(clause)) return undefined;
  // an agent or a relative clause is not part of the role
  clause = clause.replace(/\s+(?:par|qui|que|dont|depuis|lors)\s.*$/u, "").trim();
  const words = tokens(clause).filter((t) => /[\p{L}\p{N}]/u.test(t.text));
  if (words.length > 16) return undefined;
  if (words.some((w) => NOT_IN_ROLE.has(lower(w.text).replace(/['’]$/, "")))) return undefined;
  return clause;
}

/**
 * The people a sentence names, with the role it states for each. `context` (the whole article)
 * helps split `du Japon Funakoshi Takehiro` where the name is written elsewhere on its own, and
 * `known` (folded names already established as people) counts plain mentions of them.
 * `within`, when given, skips a run of capitalised words unless it accepts the run's `nameKey`:
 * a person's name is the run or its end, so a caller looking for one name (`who`) spares reading
 * the roles of every other name in the sentence (most of the time of a "Qui est …" answer). It
 * must accept a key whenever it accepts a key ending it (as a whole-words test does).
 */
export function findPeople(
  sentence: string,
  context = sentence,
  known?: ReadonlySet<string>,
  within?: (runKey: string) => boolean,
): PersonMention[] {
  const out: PersonMention[] = [];
  const toks = tokens(sentence);
  for (const run of nameRuns(toks)) {
    if (
      within &&
      !within(nameKey(sentence.slice((run[0] as Token).start, (run[run.length - 1] as Token).end)))
    )
      continue;
    let first = 0;
    let role: string | undefined;
    let evidence: PersonMention["evidence"] | undefined;
    const before = roleBefore(sentence, run, context);
    if (before) {
      first = before.nameFrom;
      role = before.role;
      evidence = "role";
    }
    const start = (run[first] as Token).start;
    const end = (run[run.length - 1] as Token).end;
    if (!role) {
      const after = roleAfter(sentence, end);
      if (after) {
        role = after;
        evidence = "role";
      }
    }
    const head = sentence.slice(0, start);
    if (!evidence && CIVILITY_BEFORE.test(head)) evidence = "civility";
    if (!evidence && (SPEECH_AFTER.test(sentence.slice(end)) || SPEECH_BEFORE.test(head)))
      evidence = "speech";
    const name = sentence.slice(start, end);
    const key = nameKey(name);
    if (!evidence && known?.has(key)) evidence = "known";
    if (!evidence) continue;
    out.push({ name, key, start, end, ...(role ? { role } : {}), evidence });
  }
  return out;
}

/** Folded name for matching: `Hoàng Xuân Chiên` → `hoang xuan chien`. */
export function nameKey(name: string): string {
  return fold(name)
    .replace(/[’']/g, "'")
    .replace(/[^\p{L}\p{N}'-]+/gu, " ")
    .trim();
}

const ORG_HEAD =
  /(?<![\p{L}])(?:Parti|Assemblée|Conseil|Comité|Commission|Association|Organisation|Union|Fédération|Agence|Banque|Fonds|Cour|Tribunal|Office|Institut|Autorité|Haute Autorité|Syndicat|Confédération|Mouvement|Groupe|Société|Compagnie|Nations unies|Sénat|Forum|Front|Ligue|Ministère|ministère|Fondation|Académie|Observatoire|Centre|Conférence|Communauté|Police|Gendarmerie)(?![\p{L}])/gu;
const ORG_STOP = new Set([...NOT_IN_ROLE, "et", "ou"]);

/** Organisations: a capitalised institution noun and its complement (`Parti libéral-démocrate (PLD)`). */
export function findOrganisations(sentence: string, people: readonly PersonMention[] = []): NamedThing[] {
  const out: NamedThing[] = [];
  ORG_HEAD.lastIndex = 0;
  for (let m = ORG_HEAD.exec(sentence); m !== null; m = ORG_HEAD.exec(sentence)) {
    const rest = sentence.slice(m.index + m[0].length);
    const toks = tokens(rest);
    let endRel = 0;
    let lowerRun = 0;
    let i = 0;
    for (; i < toks.length && i < 10; i++) {
      const t = toks[i] as Token;
      const abs = m.index + m[0].length + t.start;
      if (people.some((p) => abs >= p.start && abs < p.end)) break;
      if (!/[\p{L}]/u.test(t.text)) break;
      const lw = lower(t.text);
      if (ORG_STOP.has(lw.replace(/'$/, ""))) break;
      if (PREPOSITIONS.has(lw)) continue;
      if (/^\p{Lu}/u.test(t.text)) lowerRun = 0;
      else if (++lowerRun > 3 || /ment$/u.test(lw)) break;
      endRel = t.end;
    }
    let name = sentence.slice(m.index, m.index + m[0].length + endRel);
    const acronym = /^\s*\((\p{Lu}[\p{Lu}\p{N}&-]{1,9})\)/u.exec(sentence.slice(m.index + name.length));
    if (acronym) name = `${name} (${acronym[1]})`;
    if (m[0] === "ministère" && name === "ministère") continue;
    if (name.split(/\s+/).length === 1 && !acronym) continue; // `Conseil` alone says nothing
    out.push({ name, key: nameKey(name), start: m.index });
    ORG_HEAD.lastIndex = m.index + name.length;
  }
  return out;
}

const PLACE =
  /(?<![\p{L}])(?:à|au|aux|en|dans|depuis|vers|in|at)\s+(\p{Lu}[\p{L}\p{M}'’-]*\p{Ll}[\p{L}\p{M}'’-]*(?:\s+\p{Lu}[\p{L}\p{M}'’-]*\p{Ll}[\p{L}\p{M}'’-]*)?)/gu;
const NOT_A_PLACE = new Set(
  "janvier février mars avril mai juin juillet août septembre octobre novembre décembre lundi mardi mercredi jeudi vendredi samedi dimanche premier première président ministre selon marche".split(
    " ",
  ),
);

/** Places: a capitalised word after `à`, `au`, `en`, `dans`… (`à Hanoï`, `au Japon`). */
export function findPlaces(sentence: string, people: readonly PersonMention[] = []): NamedThing[] {
  const out: NamedThing[] = [];
  PLACE.lastIndex = 0;
  for (let m = PLACE.exec(sentence); m !== null; m = PLACE.exec(sentence)) {
    const name = m[1] as string;
    const start = m.index + m[0].length - name.length;
    if (
      NOT_A_PLACE.has(name.split(/\s/)[0]?.toLowerCase() ?? "") ||
      /^(?:Le|La|Les|L['’])(?:\s|$)/u.test(name)
    )
      continue;
    if (/^[-\d]/.test(sentence.slice(start + name.length)) || name.endsWith("-")) continue;
    if (people.some((p) => start >= p.start && start < p.end)) continue;
    out.push({ name, key: nameKey(name), start });
  }
  return out;
}
