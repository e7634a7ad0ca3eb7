// General French (and some English) vocabulary the entity rules rest on: the nouns that state a
// person's role, the capitalised words that never start a person's name, the verbs of saying that
// mark a subject as a person. Common words of the language, never names from any one article.

/** Role nouns, lower case; multi-word ones first so the longest wins. */
export const ROLE_NOUNS = [
  "président-directeur général",
  "premier ministre",
  "première ministre",
  "secrétaire d'état",
  "secrétaire d’état",
  "secrétaire générale",
  "secrétaire général",
  "premier secrétaire",
  "première secrétaire",
  "directeur général",
  "directrice générale",
  "chef de l'état",
  "chef de l’état",
  "cheffe de l'état",
  "chef du gouvernement",
  "cheffe du gouvernement",
  "chef d'état-major",
  "chef d’état-major",
  "garde des sceaux",
  "porte-parole",
  "vice-ministre",
  "vice-président",
  "vice-présidente",
  "vice-premier ministre",
  "ministre",
  "président",
  "présidente",
  "secrétaire",
  "chancelier",
  "chancelière",
  "chef",
  "cheffe",
  "directeur",
  "directrice",
  "pdg",
  "ceo",
  "patron",
  "patronne",
  "fondateur",
  "fondatrice",
  "cofondateur",
  "cofondatrice",
  "ambassadeur",
  "ambassadrice",
  "consul",
  "diplomate",
  "général",
  "générale",
  "amiral",
  "colonel",
  "commandant",
  "capitaine",
  "lieutenant",
  "maréchal",
  "député",
  "députée",
  "eurodéputé",
  "eurodéputée",
  "sénateur",
  "sénatrice",
  "maire",
  "adjoint",
  "adjointe",
  "conseiller",
  "conseillère",
  "préfet",
  "préfète",
  "gouverneur",
  "commissaire",
  "procureur",
  "procureure",
  "juge",
  "magistrat",
  "magistrate",
  "avocat",
  "avocate",
  "professeur",
  "professeure",
  "chercheur",
  "chercheuse",
  "médecin",
  "docteur",
  "épidémiologiste",
  "infectiologue",
  "virologue",
  "immunologue",
  "économiste",
  "sociologue",
  "politologue",
  "historien",
  "historienne",
  "philosophe",
  "expert",
  "experte",
  "analyste",
  "responsable",
  "dirigeant",
  "dirigeante",
  "leader",
  "candidat",
  "candidate",
  "entraîneur",
  "entraîneuse",
  "sélectionneur",
  "chanteur",
  "chanteuse",
  "acteur",
  "actrice",
  "comédien",
  "comédienne",
  "réalisateur",
  "réalisatrice",
  "écrivain",
  "écrivaine",
  "romancier",
  "romancière",
  "journaliste",
  "éditorialiste",
  "présentateur",
  "présentatrice",
  "animateur",
  "animatrice",
  "roi",
  "reine",
  "prince",
  "princesse",
  "pape",
  "cardinal",
  "archevêque",
  "évêque",
  "imam",
  "rabbin",
  "délégué",
  "déléguée",
  "rapporteur",
  "rapporteure",
  "coordinateur",
  "coordinatrice",
  "syndicaliste",
  "militant",
  "militante",
  "président du conseil",
  "prime minister",
  "minister",
  "president",
  "ambassador",
  "secretary",
  "spokesman",
  "spokeswoman",
  "spokesperson",
  "director",
  "chairman",
  "governor",
  "senator",
  "mayor",
];

/** Words that may stand before a role noun and belong to the role (`ancien ministre`). */
export const ROLE_MODIFIERS = [
  "ancien",
  "ancienne",
  "ex",
  "nouveau",
  "nouvelle",
  "actuel",
  "actuelle",
  "futur",
  "future",
  "former",
];

/** Participles before an apposed role that are not part of the role (`X, récemment élu président…`). */
export const ROLE_LEADS =
  /^(?:(?:récemment|nouvellement|tout juste|fraîchement|déjà)\s+)?(?:élue?|réélue?|nommée?|désignée?|devenue?|investie?)\s+/iu;

/**
 * Words that end a role's complement: verbs and auxiliaries, relative pronouns, subject pronouns —
 * a role noun followed by one of these before the name is not that name's role
 * (`Le président japonais a félicité X`).
 */
export const NOT_IN_ROLE = new Set(
  (
    "a ai as avait avaient aura auront ont est sont était étaient sera seront été fut va vont vient viennent doit " +
    "peut peuvent fait font dit qui que qu quoi dont où se s ne n pas plus il elle ils elles on nous vous je j tu " +
    "ce cette ces son sa ses leur leurs lui y afin lors lorsque quand mais car donc or comme si selon avec sans " +
    "pour contre chez entre parmi vers après avant pendant depuis par"
  ).split(" "),
);

/** Capitalised words that do not open a person's name (articles, pronouns, titles, months…). */
export const NOT_A_GIVEN_NAME = new Set(
  (
    "le la les l un une des du de d au aux en et ou il elle ils elles ce cet cette ces selon pour après avant lors " +
    "dans sur sous par avec sans mais donc or ni car si quand alors depuis pendant chez entre vers comme " +
    "monsieur madame mademoiselle m mme mlle mr mrs ms dr pr me mgr saint sainte " +
    "président présidente premier première ministre secrétaire général générale vice ambassadeur ambassadrice chef " +
    "directeur directrice professeur docteur maître sénateur député maire préfet juge " +
    "janvier février mars avril mai juin juillet août septembre octobre novembre décembre " +
    "lundi mardi mercredi jeudi vendredi samedi dimanche " +
    "the a in on at of for and but this that these those his her their its mister " +
    "nord sud est ouest affaires état etat république parti assemblée conseil comité commission association " +
    "organisation union fédération agence banque cour tribunal ministère office institut autorité syndicat " +
    "confédération mouvement groupe société compagnie nations mer océan mont lac île golfe fleuve rue avenue place " +
    "boulevard pont gare aéroport université école lycée collège hôpital musée palais église cathédrale stade " +
    "salon festival prix coupe championnat ligue grand grande petit petite nouvelle nouveau notre votre " +
    "aujourd hier demain ainsi enfin pourtant cependant toutefois outre puis désormais pourquoi comment combien " +
    "voici voilà face grâce suite malgré hors ici là aussi encore déjà ensuite certes bref oui non tout tous toute " +
    "toutes chaque plusieurs certains certaines aucun aucune jamais toujours merci bravo"
  ).split(" "),
);

/** Name particles: lower-case words that may sit inside a person's name (`Bill de Blasio`). */
export const NAME_PARTICLES = new Set([
  "de",
  "du",
  "des",
  "d'",
  "d’",
  "van",
  "von",
  "der",
  "den",
  "da",
  "di",
  "dos",
  "del",
  "della",
  "bin",
  "ben",
  "ibn",
  "al",
  "el",
  "le",
  "la",
]);

/** Verbs of saying and doing whose subject is a person (`X a déclaré`, `a déclaré X`, `selon X`). */
/** Nouns of places and bodies: after a role, the capitalised words that follow them complete the role (`président de la région Grand-Est Jean Rottner`). */
export const CONTAINER_NOUNS = new Set(
  "région département ville commune pays état province groupe parti société entreprise club équipe journal quotidien magazine chaîne fondation association mairie conseil ministère hôpital université syndicat mouvement cabinet marque constructeur compagnie institut agence banque".split(
    " ",
  ),
);

/** Words that may stand right before a role noun (`le ministre`, `au vice-ministre`, `son ambassadeur`). */
export const BEFORE_ROLE = new Set(
  "le la l' les un une du de des d' au aux à son sa ses leur notre votre ce cet cette et ou ex the a an former".split(
    " ",
  ),
);

export const SPEECH_VERBS =
  "déclaré|affirmé|souligné|estimé|expliqué|indiqué|annoncé|précisé|ajouté|rappelé|assuré|dit|confié|répondu|réagi|salué|proposé|demandé|insisté|noté|exprimé|confirmé|reconnu|dénoncé|regretté|félicité|invité|appelé|promis|prévenu|averti|lancé|répété|jugé|critiqué|accusé|martelé|raconté|témoigné|écrit|tweeté|déploré|fustigé|admis|nié|démenti|révélé|soutenu|défendu|plaidé|exhorté|suggéré|partagé|loué|remercié|reçu|rencontré|signé|présidé|visité|quitté|rejoint|démissionné|été élu|été élue|été nommé|été nommée|said|told|stated|announced|added";
