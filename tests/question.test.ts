import { describe, expect, it } from "vitest";
import { detectKind, parseQuestion } from "../src/core/answer/question.ts";
import { createAnalyzer } from "../src/core/text/analyzer.ts";

const analyzer = createAnalyzer();

describe("question kind", () => {
  it.each([
    ["Qui est Hayashi Yoshimasa ?", "person"],
    ["Avec qui Nguyen Phu Trong a-t-il eu un entretien ?", "person"],
    ["Par qui le traité a-t-il été signé ?", "person"],
    ["Who was elected president of Vietnam?", "person"],
    ["Quand le sommet aura-t-il lieu ?", "date"],
    ["En quelle année la ligne a-t-elle ouvert ?", "date"],
    ["When did the talks take place?", "date"],
    ["Combien de Vietnamiens vivent au Japon ?", "number"],
    ["Quel pourcentage des exportations ?", "number"],
    ["How many Vietnamese live in Japan?", "number"],
    ["Où Pham Minh Chinh a-t-il reçu Hayashi Yoshimasa ?", "place"],
    ["Dans quelle ville se tient le forum ?", "place"],
    ["Where did the minister go?", "place"],
    ["Pourquoi le Japon investit-il au Vietnam ?", "other"],
    ["Quel typhon a frappé le nord ?", "other"],
    ["Quel est le rang du Japon parmi les investisseurs ?", "rank"],
    ["À quelle place le club a-t-il fini la saison ?", "rank"],
    ["Where does Japan rank among investors?", "rank"],
    ["What is Japan's rank as a trade partner of Vietnam?", "rank"],
    ["With whom did the general talk?", "person"],
    ["Ou a eu lieu la rencontre ?", "place"],
    ["Le ministre ou son adjoint a-t-il signé ?", "other"],
    ["Le ministre ou son adjoint ?", "other"],
    // the interrogative that comes first decides: a later `when`/`where` only frames the question
    ["How old was the singer when he died?", "number"],
    // an age asked with `what age`: a figure, not the `when` that frames it
    ["At what age did the singer die?", "number"],
    ["What age was the actress when she won her first César?", "number"],
    ["Quel âge avait le chanteur quand il est mort ?", "number"],
    ["Where did the astronaut land when he came back?", "place"],
    ["When did the minister visit the city where the talks failed?", "date"],
    // a toll, a score, a sentence, a duration, an amount: answered by a figure
    ["Quel est le dernier bilan du séisme ?", "number"],
    ["C'est quoi le dernier bilan de l'incendie ?", "number"],
    ["What's the death toll so far?", "number"],
    ["À quelle peine le maire a-t-il été condamné ?", "number"],
    ["Avec quel score le candidat a-t-il été élu ?", "number"],
    ["How long was the city locked down?", "number"],
    ["Quel était le montant du contrat ?", "number"],
    // a noun of people after `quel`, or the name of someone asked for
    ["Quel photographe a exposé au festival ?", "person"],
    ["Quelle ministre portait la réforme ?", "person"],
    ["Which actor won the award?", "person"],
    ["Comment s'appelait le policier tué lors de l'attaque ?", "person"],
    ["Rappelle-moi le nom de l'ex-patron de l'agence ?", "person"],
    ["Et à Lyon, qui a gagné la mairie ?", "person"],
    ["Quel laboratoire fabrique le vaccin ?", "other"],
    ["Quel typhon a dévasté l'île ?", "other"],
    // a kind of place after `quel` / `which`
    ["Dans quelle commune le record a-t-il été établi ?", "place"],
    ["In which English town was the spy poisoned?", "place"],
    // `chef-lieu` is a place, not the person noun `chef`
    ["Quel chef-lieu de département a été inondé ?", "place"],
    ["Quel chef a fondé le restaurant ?", "person"],
    // other compounds of a noun of people still ask for a person; `chef-d'œuvre` is a work
    ["Quel homme-clé du gouvernement a démissionné ?", "person"],
    ["Quel ministre-président de Wallonie a démissionné ?", "person"],
    ["Quel chef-d’œuvre de Monet a été vendu ?", "other"],
    // typed with typographic apostrophes (a phone keyboard), read as with plain ones
    ["Quel est l’âge du chanteur ?", "number"],
    ["Comment s’appelle le président du Mali ?", "person"],
    ["Quel est le nom de l’ambassadeur ?", "person"],
    // a relative `où` after the interrogative only frames the question, like a later `when`
    ["Combien de personnes vivent dans la ville où le séisme a frappé ?", "number"],
    ["En quelle année a été détruite la maison où est né Hugo ?", "date"],
    ["Qui est le maire de la commune où l'avion s'est écrasé ?", "person"],
    ["Dans quelle ville se situe l'hôpital où il s'est réveillé ?", "place"],
    ["Où se classe la France ?", "place"],
    // a chat question without an interrogative: the latest toll asks for a figure
    ["Séisme en Italie : dernier bilan ?", "number"],
    ["Floods in Spain, latest toll?", "number"],
    ["Qui a donné le dernier bilan ?", "person"],
  ])("%s → %s", (q, kind) => {
    expect(detectKind(q)).toBe(kind);
  });
});

describe("question kind in chat phrasing (answers25)", () => {
  it.each([
    // `qui` closing the question, `c'est qui`, `qui était-ce`: a person
    ["Le cycliste renversé hier à Nantes, c'était qui ?", "person"],
    ["Incendie du bar de Rouen : c'est qui le gérant ?", "person"],
    ["Le nouveau préfet du Nord, qui était-ce ?", "person"],
    ["L'accord a été signé par le club, avec qui ?", "person"],
    // a pronoun taking up a noun of people before a closing `comment`
    ["Le pompier blessé dans l'incendie de Lyon, il s'appelle comment ?", "person"],
    ["La skieuse disparue dans les Alpes, elle s'appelait comment ?", "person"],
    ["Les deux randonneurs secourus hier, ils s'appellent comment ?", "person"],
    ["Randonneur disparu dans les Pyrénées : comment il s'appelait ?", "person"],
    // the same with the pronoun after the verb
    ["Le soldat mort au Niger ce week-end, comment s'appelle-t-il ?", "person"],
    ["Le voilier qui a coulé, comment s'appelle-t-il ?", "other"],
    ["La conductrice du bus, elle se nomme comment ?", "person"],
    // the same shape about a thing asks its name, no person
    ["Le voilier qui a chaviré au large de Brest, il s'appelait comment ?", "other"],
    ["La tempête qui a frappé la Bretagne, elle s'appelle comment ?", "other"],
    // a first name, a surname, a real name of someone
    ["Le bébé né dans le train, c'est quoi son prénom ?", "person"],
    ["Quel était le prénom de la victime ?", "person"],
    ["La chanteuse Zaz, c'est quoi son vrai nom ?", "person"],
    ["La fausse infirmière condamnée à Lyon : quel est son nom de famille ?", "person"],
    // a possessive on a plain `nom` of a thing is no person
    ["Le navire garde son nom d'origine ?", "other"],
    // a noun of people after a number, an ordinal or an adjective standing before it
    ["Comment s'appelle le troisième alpiniste ?", "person"],
    ["Comment s'appelle le principal suspect de l'attaque ?", "person"],
    ["Comment s'appelait le jeune homme tué à Lille ?", "person"],
    ["Comment s'appelle le plan du ministre ?", "other"],
    ["Quelle organisation militaire a revendiqué l'attaque ?", "other"],
    // English: the name asked after the topic, a possessor's name, `whose`, qualifiers before the noun
    ["The firefighter injured in the Leeds blaze: what was his name?", "person"],
    ["The nurse who rescued the child — what's her name?", "person"],
    ["Plane crash in Nepal: what was the pilot's name?", "person"],
    ["Whose painting was stolen from the museum?", "person"],
    ["What's the name of the young climber rescued on Everest?", "person"],
    ["Which former BBC presenter was fined on Monday?", "person"],
    ["What gas did researchers find on the moon?", "other"],
    ["What was the name of the storm that hit Ireland?", "other"],
    // quantities asked by a superlative, a production, a price asked with `à` or a bound
    ["Loto : quel est le plus gros gain de l'année ?", "number"],
    ["Quelle production de blé la France attend-elle cette année ?", "number"],
    ["Carburant : à quel prix le litre de gazole s'est-il vendu ?", "number"],
    ["Gel hydroalcoolique : quel prix maximum en pharmacie ?", "number"],
    ["Quel prix a reçu le film ?", "other"],
    // the topic before the colon and a relative clause set off by commas only describe (answers39)
    ["Libya shipwreck where the engine exploded: how many survivors were rescued?", "number"],
    ["The mayor, who died this morning, held office for how long?", "number"],
    ["Shimon Peres, who died in 2016: which accords was he an architect of?", "other"],
    ["Le critique, qui vient de mourir, avait inventé quel terme ?", "other"],
    ["Séisme en Italie : où ?", "place"],
    ["Le cycliste, qui ?", "person"],
  ])("%s → %s", (q, kind) => {
    expect(detectKind(q)).toBe(kind);
  });

  it("marks a name asked in chat phrasing as a name asked", () => {
    for (const q of [
      "Le pompier blessé dans l'incendie de Lyon, il s'appelle comment ?",
      "The firefighter injured in the Leeds blaze: what was his name?",
      "What's the name of the young climber rescued on Everest?",
      "Le bébé né dans le train, c'est quoi son prénom ?",
    ])
      expect(parseQuestion(q, analyzer).asksName).toBe(true);
    expect(parseQuestion("Le cycliste renversé hier à Nantes, c'était qui ?", analyzer).asksName).toBe(false);
  });
});

describe("parseQuestion", () => {
  it("guesses the language", () => {
    expect(parseQuestion("Qui est Hayashi Yoshimasa ?", analyzer).lang).toBe("fr");
    expect(parseQuestion("Combien de Vietnamiens vivent au Japon ?", analyzer).lang).toBe("fr");
    expect(parseQuestion("Who is Hayashi Yoshimasa?", analyzer).lang).toBe("en");
    expect(parseQuestion("How many Vietnamese live in Japan?", analyzer).lang).toBe("en");
  });

  it("tells a who-is-X question (a role) from a who-is-the-minister question (a name)", () => {
    expect(parseQuestion("Qui est Hayashi Yoshimasa ?", analyzer).asksIdentity).toBe(true);
    expect(parseQuestion("Qui est le ministre de la Défense ?", analyzer).asksIdentity).toBe(false);
    expect(parseQuestion("Who is the prime minister?", analyzer).asksIdentity).toBe(false);
    // a verb or a title after the copula: the question asks for a name, not who someone is
    expect(parseQuestion("Who was picked this week to head the Commission?", analyzer).asksIdentity).toBe(
      false,
    );
    expect(parseQuestion("Qui est ministre de la Culture en ce moment ?", analyzer).asksIdentity).toBe(false);
    expect(parseQuestion("qui est hayashi yoshimasa ?", analyzer).asksIdentity).toBe(true);
  });

  it("drops inverted subject pronouns", () => {
    const p = parseQuestion("Où Pham Minh Chinh a-t-il reçu Hayashi Yoshimasa ?", analyzer);
    expect(p.groups.flat().some((t) => t.includes("til") || t === "il")).toBe(false);
  });

  it("gives irregular verb forms the stems of their other forms", () => {
    const p = parseQuestion("Où Pham Minh Chinh a-t-il reçu Hayashi Yoshimasa ?", analyzer);
    const recu = p.groups.find((g) => g.includes(analyzer.term("reçu") as string));
    expect(recu).toContain(analyzer.term("recevant"));
  });

  it("weighs less the word that names the kind of answer", () => {
    const p = parseQuestion("Quel typhon a frappé le nord du Vietnam ?", analyzer);
    const i = p.groups.findIndex((g) => g.includes(analyzer.term("typhon") as string));
    expect(p.factors[i]).toBeLessThan(1);
    expect(p.factors[p.groups.findIndex((g) => g.includes(analyzer.term("Vietnam") as string))]).toBe(1);
    // in "what is X's job" the job word is no query word at all: the role is the answer
    const job = parseQuestion("Quel est le métier de Nicolas Thomas ?", analyzer);
    expect(job.groups.flat()).not.toContain(analyzer.term("métier"));
  });

  it("adds French translations to an English question", () => {
    const p = parseQuestion("Who is the Japanese ambassador?", analyzer);
    expect(p.groups.flat()).toContain(analyzer.term("ambassadeur"));
  });

  it("drops the word that only names the kind of answer (`année`, `rang`, `lieu`)", () => {
    const terms = (q: string) => parseQuestion(q, analyzer).groups.flat();
    expect(terms("En quelle année le terminal a-t-il ouvert ?")).not.toContain(analyzer.term("année"));
    expect(terms("Quel est le rang du Japon parmi les investisseurs ?")).not.toContain(analyzer.term("rang"));
    expect(terms("Où aura lieu le sommet ?")).not.toContain(analyzer.term("lieu"));
    // elsewhere the same word is a topic
    expect(terms("Pourquoi le jour de l'an est-il férié ?")).toContain(analyzer.term("jour"));
  });

  it("marks the noun a what-is-the-X question asks about, not a category noun", () => {
    const asked = (q: string, word: string) => {
      const p = parseQuestion(q, analyzer);
      return p.asked[p.groups.findIndex((g) => g.includes(analyzer.term(word) as string))];
    };
    expect(asked("Quel est le PIB du Japon ?", "PIB")).toBe(true);
    expect(asked("What is the population of Japan?", "population")).toBe(true);
    expect(asked("Quel typhon a frappé le nord ?", "typhon")).toBe(false);
    expect(asked("Quelle ligne sera mise en service en 2024 ?", "ligne")).toBe(false);
  });

  it("reads a what-is-X's-job question as a question about who X is", () => {
    for (const q of [
      "Quel est le grade de Hoàng Xuân Chiên ?",
      "Quelle est la fonction de Hoàng Xuân Chiên ?",
      "What is the job of Hoàng Xuân Chiên?",
      "What is Hoàng Xuân Chiên's title?",
      "What is Hoàng Xuân Chiên's official title?",
    ]) {
      const p = parseQuestion(q, analyzer);
      expect(p.asksIdentity, q).toBe(true);
      expect(p.identityOf, q).toBe("Hoàng Xuân Chiên");
      expect(p.kind, q).toBe("person");
    }
    for (const q of [
      "Quel poste occupe Lê Minh Hung ?",
      "Quel poste Lê Minh Hung occupe-t-il ?",
      "What position does Lê Minh Hung hold?",
    ]) {
      const p = parseQuestion(q, analyzer);
      expect(p.identityOf, q).toBe("Lê Minh Hung");
      expect(p.asksJob, q).toBe(true);
    }
    expect(parseQuestion("Quel rang le Japon occupe-t-il ?", analyzer).kind).toBe("rank");
    expect(parseQuestion("Quel est le rôle du Japon dans la région ?", analyzer).asksIdentity).toBe(true);
    expect(parseQuestion("Quel est le rôle de la défense ?", analyzer).asksIdentity).toBe(false);
  });

  it("leaves out words about the corpus itself", () => {
    const terms = parseQuestion("Who is the ambassador mentioned in the articles?", analyzer).groups.flat();
    expect(terms).toContain("ambassadeur");
    expect(terms.some((t) => t.startsWith("articl") || t.startsWith("mention"))).toBe(false);
  });

  it("translates the words news uses for events and their outcomes", () => {
    const terms = (q: string) => parseQuestion(q, analyzer).groups.flat();
    expect(terms("What was the death toll of the bridge collapse?")).toEqual(
      expect.arrayContaining([analyzer.term("bilan", "fr"), analyzer.term("effondrement", "fr")]),
    );
    expect(terms("How long was the prison sentence after the trial?")).toContain(
      analyzer.term("procès", "fr"),
    );
    // an English verb the French article writes as a noun (`sa nomination`)
    expect(terms("What position was the diplomat recently appointed to?")).toContain(
      analyzer.term("nomination", "fr"),
    );
  });

  it("translates English plurals the glossary lists in the singular", () => {
    const terms = parseQuestion("How many investors came?", analyzer).groups.flat();
    expect(terms).toContain(analyzer.term("investisseur", "fr"));
  });

  it("weighs an attribution (`selon X`, `according to X`) like a word the article need only hold", () => {
    for (const q of [
      "Combien de Vietnamiens vivent au Japon selon le Premier ministre Pham Minh Chinh ?",
      "Quelles catastrophes ont frappé le Vietnam d'après Pham Minh Chinh ?",
      "How many Vietnamese live in Japan according to Pham Minh Chinh?",
    ]) {
      const p = parseQuestion(q, analyzer);
      const at = (word: string) =>
        p.factors[p.groups.findIndex((g) => g.includes(analyzer.term(word) as string))];
      expect(at("Chinh"), q).toBeLessThan(1);
      expect(at("Vietnam") ?? at("Vietnamiens") ?? 1, q).toBe(1);
    }
    const after = parseQuestion("Que s'est-il passé après la guerre ?", analyzer);
    expect(after.factors[after.groups.findIndex((g) => g.includes(analyzer.term("guerre") as string))]).toBe(
      1,
    );
  });

  it("reads `ministre de quoi` as a question about a person's title", () => {
    for (const q of [
      "De quoi Hayashi Yoshimasa est-il ministre ?",
      "Hayashi Yoshimasa, il est ministre de quoi ?",
    ]) {
      const p = parseQuestion(q, analyzer);
      expect(p.identityOf, q).toBe("Hayashi Yoshimasa");
    }
  });

  it("knows a what-day question wants a day", () => {
    expect(parseQuestion("Quel jour le sommet a-t-il eu lieu ?", analyzer).asksDay).toBe(true);
    expect(parseQuestion("What day did the talks take place?", analyzer).asksDay).toBe(true);
    expect(parseQuestion("En quelle année le sommet a-t-il eu lieu ?", analyzer).asksDay).toBe(false);
  });

  it("reads an appointment or a qualified job noun as a question about who X is", () => {
    for (const q of [
      "What position was Iwaya Takeshi recently appointed to?",
      "À quel poste Iwaya Takeshi a-t-il été nommé ?",
      "Quel est le grade militaire de Iwaya Takeshi ?",
    ]) {
      expect(parseQuestion(q, analyzer).identityOf, q).toBe("Iwaya Takeshi");
    }
  });

  it("knows a what-is-the-name question about a person wants a name", () => {
    const p = parseQuestion("Comment s'appelle le président japonais qui a félicité Luong Cuong ?", analyzer);
    expect(p.kind).toBe("person");
    expect(p.asksName).toBe(true);
    expect(parseQuestion("Qui a félicité Luong Cuong ?", analyzer).asksName).toBe(false);
    // a typographic apostrophe asks the same
    expect(parseQuestion("Comment s’appelle le président japonais ?", analyzer).asksName).toBe(true);
  });

  // a pattern that backtracks without bound would hang here until the test's timeout (speed
  // itself is measured by bench:reports, not asserted in a unit test)
  it("reads a 2,000-character question of repeated words", () => {
    for (const unit of ["what is the ", "quoi what ", "le nom de la ", "les mots de la question "]) {
      const q = unit.repeat(Math.ceil(2000 / unit.length)).slice(0, 2000);
      expect(detectKind(q), unit).toBe("other");
      expect(parseQuestion(q, analyzer).kind, unit).toBe("other");
    }
  });

  // a scan from every `what` to the end of the question is quadratic: 200k characters took
  // ~20 s before, a few milliseconds now (the bound is 1,000 times what a linear scan needs)
  it("reads kinds in time linear in the question's length", { timeout: 5_000 }, () => {
    for (const unit of ["what is the ", "quoi what ", "what "]) {
      const q = unit.repeat(Math.ceil(200_000 / unit.length));
      expect(detectKind(q), unit).toBe("other");
    }
    // the bounded scans still read their questions
    expect(detectKind("What was the final bilan of the storm?")).toBe("number");
    expect(detectKind("What is the unemployment rate in Spain?")).toBe("number");
    expect(detectKind("Quoi de neuf sur le bilan de la tempête ?")).toBe("number");
  });
});
