// Whether a sentence says the archive does not know what is asked. A question the archive cannot
// answer is often answered from the one sentence that speaks of its subject, and that sentence
// often says outright that the asked thing is not known: `les causes de la mort restent
// inconnues`, `l'identité de la victime n'a pas été communiquée`, `le suspect n'a pas été
// identifié`, `la télévision d'État n'a pas précisé le nombre`, `the gunman has not been named`,
// `the cause is under investigation`. Or it announces the asked event for later: `le procès doit
// s'ouvrir`, `le tribunal rendra sa décision le 24 septembre`, `the album is due out`. Covering
// the question well, such a sentence scores high; these two signals let the answer gate learn how
// far to believe it (features `unknownStated` and `announced`, ./features.ts).

import { createTextMemo } from "../cache/text-memo.ts";
import { wholeWords } from "../text/whole-words.ts";

// Said of the asked thing: not known, not given, not found, still being established.
const UNKNOWN = new RegExp(
  wholeWords([
    // `inconnue`, `indéterminées`, `inexpliqué`, `introuvable`, `non identifié`, `anonyme`
    // (unknown to someone, `inconnu des services de police`, `du grand public`, says nothing of
    // what is asked; `le Soldat inconnu` is a name)
    String.raw`(?<!soldat\s)inconnu\p{L}*(?!\s+(?:des?|du|de\s+la|aux?)\s)|ind[ée]termin[ée]\p{L}*|inexpliqu[ée]\p{L}*|introuvables?|non\s+(?:encore\s+)?(?:identifi|connu|communiqu|r[ée]v[ée]l|nomm|pr[ée]cis|retrouv|[ée]lucid)\p{L}*`,
    // `n'a pas été identifié`, `n'ont toujours pas été retrouvés`, `n'a pas précisé`, `ne sont pas connues`
    String.raw`(?:n['’]|ne\s+)(?:a|ont|avait|avaient|est|sont|était|étaient|sera|seront)\s+(?:toujours\s+|pas\s+encore\s+|encore\s+)?(?:pas|jamais|toujours\s+pas)\s+(?:encore\s+|toujours\s+)?(?:été\s+)?(?:identifi|communiqu|pr[ée]cis|d[ée]voil|r[ée]v[ée]l|divulgu|retrouv|nomm|d[ée]termin|[ée]tabli|confirm|publi|rendu|indiqu|donn[ée]|[ée]lucid|interpell|arr[êe]t)\p{L}*`,
    // `n'est pas connu`, `ne sont toujours pas connues` (`n'avait pas connu pareille défaite` is
    // the verb `connaître`: lived through, not unknown)
    String.raw`(?:n['’]|ne\s+)(?:est|sont|était|étaient|sera|seront)\s+(?:toujours\s+|pas\s+encore\s+|encore\s+)?(?:pas|jamais|toujours\s+pas)\s+(?:encore\s+)?connu\p{L}*`,
    // `on ignore`, `on ne sait pas`, `on ne connaît pas`, `sans savoir`
    String.raw`on\s+ignore|ignor[ée]e?s?\s+(?:pour\s+l['’]heure|à\s+ce\s+stade|pour\s+le\s+moment)|on\s+ne\s+(?:sait|conna[iî]t)\s+(?:pas|rien|toujours)|sans\s+(?:que\s+l['’]on\s+)?(?:savoir|conna[iî]tre)`,
    // `en cours d'identification`, `reste à déterminer`, `font l'objet d'analyses`, `une enquête doit établir`
    String.raw`(?:identification|analyses?|autopsie|expertises?)\s+(?:\p{L}+\s+){0,3}?(?:est|sont)\s+(?:toujours\s+|encore\s+)?en\s+cours|en\s+cours\s+d['’](?:identification|analyse|examen|[ée]valuation)|restent?\s+(?:encore\s+)?(?:à|a)\s+(?:d[ée]terminer|[ée]tablir|pr[ée]ciser|identifier|[ée]claircir|[ée]lucider|confirmer)|(?:pour|afin\s+de)\s+(?:d[ée]terminer|[ée]tablir|[ée]claircir|[ée]lucider)\s+(?:les\s+causes|la\s+cause|les\s+circonstances|l['’]identit[ée])`,
    // `aucune interpellation`, `aucun bilan`, `sans nouvelles`, `toujours en fuite`, `toujours recherché`
    String.raw`aucune?\s+(?:interpellation|arrestation|suspect|piste|bilan|pr[ée]cision|nom|identit[ée]|d[ée]cision|jugement|trace)|sans\s+nouvelles?|toujours\s+(?:en\s+fuite|recherch[ée]\p{L}*|port[ée]e?s?\s+disparu\p{L}*|disparu\p{L}*|introuvables?)`,
    // English
    String.raw`unknown|unidentified|unexplained|unclear|undisclosed|unnamed|(?:not|never|\p{L}+n['’]t)\s+(?:yet\s+)?(?:been\s+)?(?:identified|named|released|disclosed|known|determined|found|confirmed|revealed|established|specified)|(?:(?:did|does|has|have|had|would|could)\s+not|(?:didn|doesn|hasn|haven|hadn|wouldn|couldn)['’]t)\s+(?:yet\s+)?(?:identify|name|release|disclose|give|say|specify|reveal|confirm)|(?:remains?|remained|still)\s+(?:missing|at\s+large|unclear|unknown|under\s+investigation)|under\s+investigation|no\s+(?:suspects?|arrests?|details?)\s+(?:has|have|had|were|was)`,
  ]),
  "iu",
);

// The asked event announced for later: a trial, a ruling, a result, a gathering still to come.
const ANNOUNCED = new RegExp(
  wholeWords([
    // `sera jugé`, `doit être rendu`, `devrait se prononcer`, `doit s'ouvrir`, `devraient réunir`
    String.raw`(?:sera|seront|devra|devront|doit|doivent|devrait|devraient)\s+(?:(?:être|se|s['’])\s*)?(?:jug|rendu|prononc|fix|connu|annonc|examin|d[ée]cid|ouvr|tenir|d[ée]rouler|r[ée]unir|statu|tranch|publi|d[ée]voil|comparaître|comparaitre)\p{L}*`,
    // `va être mis en vente`, `vont se réunir` (the announcing verbs only: `va falloir`, `va faire`
    // announce nothing), `en décembre prochain`, `a été reporté`
    String.raw`(?:va|vont)\s+(?:(?:être|se|s['’])\s*)?(?:jug|rendu|prononc|fix|connu|annonc|examin|d[ée]cid|ouvr|tenir|d[ée]rouler|r[ée]unir|statu|tranch|publi|d[ée]voil|comparaître|comparaitre|mise?s?\s+en\s+vente|sortir|lanc)\p{L}*|(?:janvier|f[ée]vrier|mars|avril|mai|juin|juillet|ao[ûu]t|septembre|octobre|novembre|d[ée]cembre|semaine|mois|ann[ée]e|an|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|saison|rentr[ée]e)\s+prochaine?s?|(?:report[ée]e?s?|repouss[ée]e?s?)\s+(?:à|au|de|d['’]|en|sine)|next\s+(?:week|month|year|season|monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|august|september|october|november|december)|(?:postponed|delayed|rescheduled)`,
    // `rendra sa décision`, `se prononcera`, `statuera`, `comparaîtra`
    String.raw`(?:rendr|prononcer|statuer|trancher|d[ée]cider|juger|comparaîtr|comparaitr|d[ée]libérer)(?:a|ont)`,
    // `le procès est prévu`, `le jugement attendu`, `audience fixée au`, `mis en délibéré`
    String.raw`(?:proc[èe]s|jugement|audience|verdict|d[ée]cision|d[ée]lib[ée]r[ée]|r[ée]sultats?)\s+(?:\p{L}+\s+){0,3}?(?:est\s+|sont\s+|a\s+été\s+)?(?:pr[ée]vue?s?|attendue?s?|fix[ée]e?s?|programm[ée]e?s?|renvoy[ée]e?s?|report[ée]e?s?)|(?:mise?|plac[ée]e?)\s+en\s+d[ée]lib[ée]r[ée]`,
    // English
    String.raw`will\s+(?:be\s+)?(?:sentenced|tried|rule|decide|announce|face|appear|stand\s+trial|hold|take\s+place|be\s+released)|(?:is|are|was|were)\s+(?:due|expected|scheduled|set)\s+to|awaiting\s+(?:trial|sentencing|a\s+verdict)`,
  ]),
  "iu",
);

/**
 * Whether `text` says something it speaks of is not known, not given or not found (yet). Read for
 * every sentence of a candidate's article, then for the candidate itself: remembered (../cache).
 */
export const statesUnknown: (text: string) => boolean = createTextMemo((text) => UNKNOWN.test(text));

/** Whether `text` announces an event for later (a trial, a ruling, a gathering). */
export const announces = (text: string): boolean => ANNOUNCED.test(text);
