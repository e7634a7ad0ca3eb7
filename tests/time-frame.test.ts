import { describe, expect, it } from "vitest";
import { afterArchive } from "../src/core/answer/decide.ts";
import { readTimeFrame, spellOutMonths, statedSpans } from "../src/core/answer/time-frame.ts";

const NOW = "2020-05-20"; // a Wednesday
const frame = (q: string, now = NOW) => readTimeFrame(q, now);
const days = (q: string, now = NOW) => {
  const f = frame(q, now);
  return f ? [f.from, f.to] : undefined;
};

describe("readTimeFrame: written dates", () => {
  it("reads a month of a year, in French and English", () => {
    expect(days("Combien de morts du coronavirus en mars 2020 ?")).toEqual(["2020-03-01", "2020-03-31"]);
    expect(days("How many people died in March 2020?")).toEqual(["2020-03-01", "2020-03-31"]);
    expect(days("Qui a gagné le Tour de France en février 2016 ?")).toEqual(["2016-02-01", "2016-02-29"]);
  });

  it("reads a year after a preposition, but not a year that names something", () => {
    expect(days("Qui a remporté la présidentielle en 2017 ?")).toEqual(["2017-01-01", "2017-12-31"]);
    expect(days("Who won the World Cup in 2018?")).toEqual(["2018-01-01", "2018-12-31"]);
    expect(frame("Où se déroule la Coupe du monde 2018 ?")).toBeUndefined();
    expect(frame("Que prévoit la loi de 1905 sur la laïcité ?")).toBeUndefined();
  });

  it("takes a day without a year as the most recent such day on or before now", () => {
    expect(days("Qu'a annoncé le Premier ministre le 7 avril ?")).toEqual(["2020-04-07", "2020-04-07"]);
    expect(days("Qu'a annoncé le gouvernement le 25 décembre ?")).toEqual(["2019-12-25", "2019-12-25"]);
    expect(days("What did the president say on April 7?")).toEqual(["2020-04-07", "2020-04-07"]);
    expect(days("Qui a démissionné le 1er mai dernier ?")).toEqual(["2020-05-01", "2020-05-01"]);
    expect(frame("Qui a démissionné le 1er mai dernier ?")?.latest).toBe(false);
  });

  it("reads an old year as a year, never as a recent month", () => {
    expect(days("Qui capitule au nom de la France en septembre 1760 ?")).toEqual([
      "1760-09-01",
      "1760-09-30",
    ]);
  });

  it("keeps a written year and rejects a day that does not exist", () => {
    expect(days("Que s'est-il passé le 7 avril 2019 à Paris ?")).toEqual(["2019-04-07", "2019-04-07"]);
    expect(days("What happened on the 7th of April 2019?")).toEqual(["2019-04-07", "2019-04-07"]);
    expect(frame("Qu'a dit le ministre le 31 février ?")).toBeUndefined();
  });

  it("reads parts of a month or a year", () => {
    expect(days("Que s'est-il passé début mars ?")).toEqual(["2020-03-01", "2020-03-10"]);
    expect(days("Qui a été élu mi-avril ?")).toEqual(["2020-04-11", "2020-04-20"]);
    expect(days("Que décide la BCE à la mi-mars ?")).toEqual(["2020-03-11", "2020-03-20"]);
    expect(days("Qui dirigeait l'équipe fin 2019 ?")).toEqual(["2019-09-01", "2019-12-31"]);
  });

  it("does not take the planet Mars for a month", () => {
    expect(frame("Quand la mission Mars 2020 doit-elle décoller ?")).toBeUndefined();
    expect(frame("Qui a envoyé un robot sur Mars ?")).toBeUndefined();
  });
});

describe("readTimeFrame: the side of a date without a year", () => {
  const ASKED = "2017-04-10";

  it("takes the coming day for a question in the future tense, the last one otherwise", () => {
    expect(days("Quel match aura lieu le 19 avril ?", ASKED)).toEqual(["2017-04-19", "2017-04-19"]);
    expect(days("Que se passera-t-il le 19 avril ?", ASKED)).toEqual(["2017-04-19", "2017-04-19"]);
    expect(days("What will happen on April 19?", ASKED)).toEqual(["2017-04-19", "2017-04-19"]);
    expect(days("Qui a gagné le 19 avril ?", ASKED)).toEqual(["2016-04-19", "2016-04-19"]);
    expect(days("Who won on April 19?", ASKED)).toEqual(["2016-04-19", "2016-04-19"]);
    // a day already gone this year is next year's when the verb looks ahead
    expect(days("Qui jouera le 5 avril ?", ASKED)).toEqual(["2018-04-05", "2018-04-05"]);
  });

  it("takes the coming day for a verb in the present only when it is within a month", () => {
    expect(days("Quel astéroïde frôle la Terre le 19 avril ?", ASKED)).toEqual(["2017-04-19", "2017-04-19"]);
    expect(days("By how much are gas prices falling on 1 May?", ASKED)).toEqual(["2017-05-01", "2017-05-01"]);
    // further ahead, the present tells what happened (`jugé le 5 décembre`, `in November`)
    expect(days("Quelle peine pour le déménageur jugé le 5 décembre ?", "2020-09-27")).toEqual([
      "2019-12-05",
      "2019-12-05",
    ]);
    expect(days("Who brokered the ceasefire in November?", "2020-09-27")).toEqual([
      "2019-11-01",
      "2019-11-30",
    ]);
    expect(days("Quel festival en mai ?", ASKED)).toEqual(["2017-05-01", "2017-05-31"]);
  });

  it("reads a regular English past as the last day, and no word merely ending in -ed", () => {
    // `resigned`, `tried`, `agreed` are no tense marker: only the past form says the side
    expect(days("Who resigned on April 19?", ASKED)).toEqual(["2016-04-19", "2016-04-19"]);
    expect(days("Who tried to stop the strike on April 19?", ASKED)).toEqual(["2016-04-19", "2016-04-19"]);
    expect(days("Who agreed to the deal on April 19?", ASKED)).toEqual(["2016-04-19", "2016-04-19"]);
    // `need`, `speed`, `Red`, `Mohammed`, `indeed` are in the present: the coming day, within a month
    expect(days("What does the Red Cross need on April 19?", ASKED)).toEqual(["2017-04-19", "2017-04-19"]);
    expect(days("What speed limit applies on April 19?", ASKED)).toEqual(["2017-04-19", "2017-04-19"]);
    expect(days("Where does Mohammed bin Salman go on April 19?", ASKED)).toEqual([
      "2017-04-19",
      "2017-04-19",
    ]);
    expect(days("Is the summit indeed on April 19?", ASKED)).toEqual(["2017-04-19", "2017-04-19"]);
  });

  it("lets `prochain` and `dernier` say the side whatever the verb", () => {
    expect(days("Que se passe-t-il le 19 avril prochain ?", ASKED)).toEqual(["2017-04-19", "2017-04-19"]);
    expect(days("Que va-t-on fêter le 1er avril dernier ?", ASKED)).toEqual(["2017-04-01", "2017-04-01"]);
  });

  it("places a month without a year the same way", () => {
    expect(days("Qui va gagner début mars ?", "2020-02-20")).toEqual(["2020-03-01", "2020-03-10"]);
    expect(days("Qui a gagné début mars ?", "2020-02-20")).toEqual(["2019-03-01", "2019-03-10"]);
  });

  it("says the question asks ahead of its day, so the archive reaching that day knows the plan", () => {
    const ahead = frame("Quel match aura lieu le 19 avril ?", ASKED);
    expect(ahead?.ahead).toBe(ASKED);
    expect(afterArchive({ frame: ahead }, "2017-04-10")).toBe(false);
    expect(afterArchive({ frame: ahead }, "2017-04-09")).toBe(true);
    expect(frame("Qui a gagné le 19 avril ?", ASKED)?.ahead).toBeUndefined();
    // a written year is no plan read from the tense: a frame after the archive stays outside it
    expect(frame("Qui sera élu le 3 novembre 2020 ?", "2020-09-27")?.ahead).toBeUndefined();
  });

  it("places a yearless 29 February in the nearest leap year on the verb's side", () => {
    // asked in 2021, a year without one: the last 29 February was in 2020, the next in 2024
    expect(days("Que s'est-il passé le 29 février ?", "2021-05-20")).toEqual(["2020-02-29", "2020-02-29"]);
    expect(days("What happened on February 29?", "2021-05-20")).toEqual(["2020-02-29", "2020-02-29"]);
    expect(days("Qui jouera le 29 février ?", "2021-05-20")).toEqual(["2024-02-29", "2024-02-29"]);
    expect(days("Who will play on February 29?", "2021-05-20")).toEqual(["2024-02-29", "2024-02-29"]);
    // in a leap year before its 29 February, the past one is four years back
    expect(days("Qu'a annoncé le gouvernement le 29 février ?", "2020-02-10")).toEqual([
      "2016-02-29",
      "2016-02-29",
    ]);
    // the present: the coming one within a month, else the last one
    expect(days("Quel match le 29 février ?", "2024-02-10")).toEqual(["2024-02-29", "2024-02-29"]);
    expect(days("Quel match le 29 février ?", "2023-02-10")).toEqual(["2020-02-29", "2020-02-29"]);
    // a span ending on it, and a sentence's nearest one
    expect(days("Combien de morts du 20 au 29 février ?", "2021-05-20")).toEqual([
      "2020-02-20",
      "2020-02-29",
    ]);
    expect(statedSpans("Le 29 février, le ministre a parlé.", "2021-03-10")).toEqual([
      { from: "2020-02-29", to: "2020-02-29" },
    ]);
    // a day no year has stays no frame
    expect(frame("Qu'a dit le ministre le 31 février ?", "2021-05-20")).toBeUndefined();
  });

  it("runs a future `from January` on from the coming January", () => {
    const f = frame("Who will present the news from January?", "2020-09-27");
    expect([f?.from, f?.to]).toEqual(["2021-01-01", undefined]);
    expect(days("Combien de chômeurs depuis janvier ?")).toEqual(["2020-01-01", NOW]);
  });
});

describe("readTimeFrame: spans of months and days", () => {
  it("reads a span of months written with a dash as the whole span", () => {
    expect(days("Combien de décès en mars-avril 2020 ?", "2020-09-27")).toEqual(["2020-03-01", "2020-04-30"]);
    expect(days("How many deaths in March-April 2020?", "2020-09-27")).toEqual(["2020-03-01", "2020-04-30"]);
    expect(frame("Combien de décès en mars-avril 2020 ?", "2020-09-27")?.words).toEqual([
      "en",
      "mars",
      "avril",
      "2020",
    ]);
  });

  it("reads spans written with words, with or without a year", () => {
    expect(days("Combien de morts entre mars et avril 2020 ?")).toEqual(["2020-03-01", "2020-04-30"]);
    expect(days("Combien de morts de mars à mai 2020 ?")).toEqual(["2020-03-01", "2020-05-31"]);
    expect(days("Combien de morts d'avril à juin ?", "2020-09-27")).toEqual(["2020-04-01", "2020-06-30"]);
    expect(days("Combien de morts entre novembre et février ?")).toEqual(["2019-11-01", "2020-02-29"]);
    expect(days("Quel festival aura lieu de juillet à août ?", "2020-03-20")).toEqual([
      "2020-07-01",
      "2020-08-31",
    ]);
  });

  it("reads two days of a month, and not a day that names an event", () => {
    expect(days("Qu'a décidé le sommet des 19-20 avril ?")).toEqual(["2020-04-19", "2020-04-20"]);
    expect(days("Qu'a décidé le sommet les 19 et 20 avril ?")).toEqual(["2020-04-19", "2020-04-20"]);
    expect(frame("Quelle peine au procès des attentats du 13-Novembre ?")).toBeUndefined();
  });
});

describe("readTimeFrame: a part of a month without a year", () => {
  it("reads `début mars` as the first third of the last March before the asking day", () => {
    // evaluations ask on the archive's last day when a question gives none
    expect(days("Que s'est-il passé début mars ?", "2020-09-27")).toEqual(["2020-03-01", "2020-03-10"]);
    expect(days("Que s'est-il passé début février ?", "2019-09-27")).toEqual(["2019-02-01", "2019-02-09"]);
    expect(days("Que s'est-il passé début mars ?", "2020-03-05")).toEqual(["2020-03-01", "2020-03-10"]);
  });

  it("is outside an archive that ends before the calendar's last March", () => {
    // live, a question without a day is asked today: `début mars` is this year's, which an
    // archive ending in 2020 cannot know
    const f = frame("Que s'est-il passé début mars ?", "2026-12-04");
    expect([f?.from, f?.to]).toEqual(["2026-03-01", "2026-03-10"]);
    expect(afterArchive({ frame: f }, "2020-09-27")).toBe(true);
  });
});

describe("readTimeFrame: bounds", () => {
  it("reads since, before, after and as-of", () => {
    expect(days("Combien de chômeurs depuis janvier ?")).toEqual(["2020-01-01", NOW]);
    expect(days("Quels accords ont été signés avant 2019 ?")).toEqual([undefined, "2018-12-31"]);
    expect(days("Qui a été nommé après le 1er mai ?")).toEqual(["2020-05-02", undefined]);
    expect(days("Combien de morts au 1er avril 2020 ?")).toEqual([undefined, "2020-04-01"]);
    expect(frame("Combien de morts au 1er avril 2020 ?")?.latest).toBe(true);
    expect(days("How many cases since March?")).toEqual(["2020-03-01", NOW]);
  });

  it("narrows several bounds into one frame", () => {
    expect(days("Combien d'emplois créés depuis janvier 2019 et avant 2020 ?")).toEqual([
      "2019-01-01",
      "2019-12-31",
    ]);
  });
});

describe("readTimeFrame: relative days", () => {
  it("reads yesterday, this week, last week, this and last month and year", () => {
    expect(days("Qu'a dit Emmanuel Macron hier ?")).toEqual(["2020-05-19", "2020-05-19"]);
    expect(days("What did the minister announce yesterday?")).toEqual(["2020-05-19", "2020-05-19"]);
    expect(days("Quelles annonces cette semaine ?")).toEqual(["2020-05-18", NOW]);
    expect(days("What was decided this week?")).toEqual(["2020-05-18", NOW]);
    expect(days("Qui a été arrêté la semaine dernière ?")).toEqual(["2020-05-11", "2020-05-17"]);
    expect(days("Who resigned last week?")).toEqual(["2020-05-11", "2020-05-17"]);
    expect(days("Quels résultats ce mois-ci ?")).toEqual(["2020-05-01", NOW]);
    expect(days("Combien de voitures vendues le mois dernier ?")).toEqual(["2020-04-01", "2020-04-30"]);
    expect(days("How many cars were sold last month?")).toEqual(["2020-04-01", "2020-04-30"]);
    expect(days("Combien de faillites cette année ?")).toEqual(["2020-01-01", NOW]);
    expect(days("Qui a gagné l'an dernier ?")).toEqual(["2019-01-01", "2019-12-31"]);
    expect(days("Qui a gagné l'année dernière ?")).toEqual(["2019-01-01", "2019-12-31"]);
    expect(days("Who won last year?")).toEqual(["2019-01-01", "2019-12-31"]);
  });

  it("reads weekends and parts of the current year", () => {
    // NOW is Wednesday 20 May 2020: the latest weekend is 16-17 May
    expect(days("Que s'est-il passé ce week-end ?")).toEqual(["2020-05-16", "2020-05-17"]);
    expect(days("Qui a gagné le week-end dernier ?")).toEqual(["2020-05-16", "2020-05-17"]);
    expect(days("Qui a gagné le week-end dernier ?", "2020-05-17")).toEqual(["2020-05-09", "2020-05-10"]);
    expect(days("Qui a démissionné en début d'année ?")).toEqual(["2020-01-01", "2020-04-30"]);
    expect(days("What happened at the beginning of the year?")).toEqual(["2020-01-01", "2020-04-30"]);
  });

  it("crosses a year boundary for last month and last week", () => {
    expect(days("Qu'a voté le Parlement le mois dernier ?", "2020-01-15")).toEqual([
      "2019-12-01",
      "2019-12-31",
    ]);
    expect(days("Qui a démissionné la semaine dernière ?", "2020-01-01")).toEqual([
      "2019-12-23",
      "2019-12-29",
    ]);
  });

  it("reads today as a day in a past-tense question and as now otherwise", () => {
    expect(frame("Que s'est-il passé aujourd'hui à l'Assemblée ?")).toMatchObject({
      from: NOW,
      to: NOW,
      latest: false,
    });
    expect(frame("What happened today in Paris?")).toMatchObject({ from: NOW, to: NOW });
    const now = frame("Qui est aujourd'hui le Premier ministre ?");
    expect(now).toMatchObject({ latest: true });
    expect(now?.from).toBeUndefined();
    expect(frame("Combien y a-t-il de malades aujourd'hui ?")).toMatchObject({ latest: true });
  });

  it("reads today as now when a word only ends in -ed: a noun, a name, an adjective, a present passive", () => {
    for (const q of [
      "What do hospitals need today?",
      "What does Ahmed say today?",
      "Who leads the Red Cross today?",
      "Who is the president of the United States today?",
      "How many people are infected today?",
      "Who is the injured player today?",
      "Combien de manifestants à pied aujourd'hui ?",
    ]) {
      const today = frame(q);
      expect(today, q).toMatchObject({ latest: true });
      expect(today?.from, q).toBeUndefined();
    }
    // a regular past still asks about the day, in lower case or after `have`
    expect(frame("Who resigned today?")).toMatchObject({ from: NOW, to: NOW, latest: false });
    expect(frame("Which ministers have announced measures today?")).toMatchObject({ from: NOW, to: NOW });
    expect(frame("What was agreed today?")).toMatchObject({ from: NOW, to: NOW });
  });
});

describe("readTimeFrame: parts of the day and weekdays (answers40)", () => {
  it("reads this morning, last night and a weekday alone as the days they name, up to the day asked", () => {
    expect(days("Incendie ce matin à Pau : combien de morts ?")).toEqual([NOW, NOW]);
    expect(days("Romans-sur-Isère attack this morning: how many dead?")).toEqual([NOW, NOW]);
    expect(days("Tornade meurtrière cette nuit en Grèce : quelle région ?")).toEqual(["2020-05-19", NOW]);
    expect(days("Three tourists locked overnight in the chasm: what nationality?")).toEqual([
      "2020-05-19",
      NOW,
    ]);
    // the latest such weekday, and the articles reporting it until the day asked
    expect(days("Balcon effondré à Yvetot samedi : combien de blessés ?")).toEqual(["2020-05-16", NOW]);
    expect(days("Éric Drouet interpellé lundi soir, c'était dans quelle ville ?")).toEqual([
      "2020-05-18",
      NOW,
    ]);
    expect(days("Which wine sold for 558,000 dollars on Saturday?")).toEqual(["2020-05-16", NOW]);
    expect(days("Qui a été arrêté mercredi ?")).toEqual([NOW, NOW]);
    // `dernier` / `last` on the same weekday as the day asked: a week ago, as the date options read it
    expect(days("Qui a été arrêté mercredi dernier ?")).toEqual(["2020-05-13", NOW]);
    expect(days("Who was arrested last Wednesday?")).toEqual(["2020-05-13", NOW]);
  });
  it("leaves a coming day, a dated weekday and a weekday in a name to the other rules", () => {
    expect(frame("Qui jouera samedi soir au Stade de France ?")).toBeUndefined();
    expect(frame("Who will speak tonight?")).toBeUndefined();
    expect(days("Incendie samedi 16 mai à Lyon : combien de morts ?")).toEqual(["2020-05-16", "2020-05-16"]);
    expect(frame("Combien de ventes pour le Black Friday ?")).toBeUndefined();
    expect(frame("Quel sondage a publié le Journal du dimanche ?")).toBeUndefined();
    expect(frame("Mardi gras : combien de crêpes vendues ?")).toBeUndefined();
    expect(frame("Quels magasins ouvrent le dimanche ?")).toBeUndefined();
    expect(frame("Which shops open on a Sunday?")).toBeUndefined();
  });
});

describe("readTimeFrame: spans, seasons and counts back", () => {
  it("reads since the start of the year or month", () => {
    expect(days("Combien de faillites depuis le début de l'année ?")).toEqual(["2020-01-01", NOW]);
    expect(days("How many jobs were lost since the start of the year?")).toEqual(["2020-01-01", NOW]);
    expect(days("Combien de cas depuis le début du mois ?")).toEqual(["2020-05-01", NOW]);
  });

  it("reads a span between two days or months", () => {
    expect(days("Combien de morts entre mars et mai 2020 ?")).toEqual(["2020-03-01", "2020-05-31"]);
    expect(days("Qu'a décidé le gouvernement du 1er au 15 mars ?")).toEqual(["2020-03-01", "2020-03-15"]);
    expect(days("Que s'est-il passé entre le 20 décembre 2019 et le 5 janvier 2020 ?")).toEqual([
      "2019-12-20",
      "2020-01-05",
    ]);
  });

  it("counts back days, weeks, months and years", () => {
    expect(days("Qui a été arrêté il y a trois jours ?")).toEqual(["2020-05-17", "2020-05-17"]);
    expect(days("Qu'a annoncé le ministre il y a deux semaines ?")).toEqual(["2020-05-04", "2020-05-10"]);
    expect(days("What did the bank decide two months ago?")).toEqual(["2020-03-01", "2020-03-31"]);
    expect(days("Qui a gagné il y a un an ?")).toEqual(["2019-01-01", "2019-12-31"]);
  });

  it("reads seasons, but not the participle été", () => {
    expect(days("Combien de touristes à l'été 2019 ?")).toEqual(["2019-06-01", "2019-08-31"]);
    expect(days("Qu'est-ce qui a changé ce printemps ?")).toEqual(["2020-03-01", "2020-05-31"]);
    expect(frame("Pourquoi le stade permet-il de jouer en hiver ?")).toBeUndefined();
    expect(frame("Qui a gagné les Jeux d'hiver de 2018 ?")).toBeUndefined();
    expect(days("Combien de morts l'hiver dernier ?")).toEqual(["2019-12-01", "2020-02-29"]);
    expect(days("What happened in the summer of 2018?")).toEqual(["2018-06-01", "2018-08-31"]);
    expect(frame("Qui a été élu maire de Paris ?")).toBeUndefined();
    expect(frame("Why did the shares fall?")).toBeUndefined();
  });
});

describe("readTimeFrame: the latest state", () => {
  it("flags current, latest and dernier bilan without bounding the days", () => {
    for (const q of [
      "Quel est le dernier bilan de l'épidémie en France ?",
      "Qui est l'actuel ministre de la Santé ?",
      "Combien de personnes sont actuellement hospitalisées ?",
      "What is the latest death toll in Italy?",
      "Who is the current prime minister of Japan?",
      "How many people are in intensive care now?",
    ]) {
      const f = frame(q);
      expect(f, q).toBeDefined();
      expect(f?.latest, q).toBe(true);
      expect(f?.from, q).toBeUndefined();
      expect(f?.to, q).toBeUndefined();
    }
  });

  it("is combined with a frame", () => {
    expect(frame("Quel était le dernier bilan en mars 2020 ?")).toMatchObject({
      from: "2020-03-01",
      to: "2020-03-31",
      latest: true,
    });
  });
});

describe("readTimeFrame: words and no frame", () => {
  it("lists the words that only express the frame", () => {
    expect(frame("Combien de morts du coronavirus en mars 2020 ?")?.words).toEqual(["en", "mars", "2020"]);
    expect(frame("Qui a gagné l'an dernier ?")?.words).toEqual(["l", "an", "dernier"]);
    expect(frame("Quel est le dernier bilan ?")?.words).toEqual(["dernier"]);
    expect(frame("Combien de morts au 1er avril 2020 ?")?.words).toEqual(["au", "1er", "avril", "2020"]);
  });

  it("finds no frame in a question without one", () => {
    for (const q of [
      "Quel sera le dernier jour du festival ?",
      "Qui fut le dernier roi de France ?",
      "Qui a gagné le 1500 m aux Jeux ?",
      "Qui a remplacé Edouard Philippe à Matignon ?",
      "Quand le confinement a-t-il commencé ?",
      "Combien de joueurs compte l'équipe de France ?",
      "Who is the president of the European Central Bank?",
      "Pourquoi les agriculteurs manifestent-ils ?",
      "Où se trouve le siège de la Banque mondiale ?",
    ])
      expect(frame(q), q).toBeUndefined();
  });

  it("rejects a reference day that is not a real day", () => {
    expect(() => readTimeFrame("hier", "2020-02-30")).toThrow(/YYYY-MM-DD/);
  });
});

describe("afterArchive: what an archive cannot know", () => {
  const LAST = "2020-09-27";
  const beyondArchive = (q: string, now = LAST) => afterArchive({ frame: readTimeFrame(q, now) }, LAST);

  it("refuses a period or an as-of day after the archive's last day", () => {
    expect(beyondArchive("Combien de morts en janvier 2021 ?")).toBe(true);
    expect(beyondArchive("Smic : combien en net par mois au 1er janvier 2021 ?")).toBe(true);
    expect(beyondArchive("How many cases as of 1 January 2021?")).toBe(true);
  });

  it("keeps an as-of day inside the archive, the current state and a bound that stays open", () => {
    expect(frame("Combien de morts au 1er avril 2020 ?")?.on).toBe("2020-04-01");
    expect(beyondArchive("Combien de morts au 1er avril 2020 ?")).toBe(false);
    expect(beyondArchive("Quel est le dernier bilan ?", "2026-12-02")).toBe(false);
    expect(beyondArchive("Quels accords ont été signés avant 2022 ?")).toBe(false);
    expect(afterArchive({ frame: readTimeFrame("au 1er janvier 2021", LAST) }, "")).toBe(false);
  });
});

describe("statedSpans: the dates a sentence states", () => {
  it("reads one span per written date, the most precise one", () => {
    expect(statedSpans("L'attentat a fait 32 morts le 22 mars 2016.", "2018-03-22")).toEqual([
      { from: "2016-03-22", to: "2016-03-22" },
    ]);
    expect(statedSpans("Elle est née le 3 février 1950 à Lyon.", "2020-01-10")).toEqual([
      { from: "1950-02-03", to: "1950-02-03" },
    ]);
  });

  it("places a date without a year nearest the article's date, or where its words say", () => {
    expect(statedSpans("Le sommet aura lieu le 19 avril à Bruxelles.", "2017-04-12")).toEqual([
      { from: "2017-04-19", to: "2017-04-19" },
    ]);
    expect(statedSpans("Le sommet a eu lieu le 19 avril à Bruxelles.", "2017-05-02")).toEqual([
      { from: "2017-04-19", to: "2017-04-19" },
    ]);
    expect(statedSpans("Le vote aura lieu le 3 janvier.", "2017-12-20")).toEqual([
      { from: "2018-01-03", to: "2018-01-03" },
    ]);
    expect(statedSpans("Le sommet du 19 avril dernier a échoué.", "2017-04-12")).toEqual([
      { from: "2016-04-19", to: "2016-04-19" },
    ]);
    // a state `depuis` a day began before the writing, whatever the verb
    expect(statedSpans("Confinés depuis le 17 mars, pourront-ils partir ?", "2020-03-10")).toEqual([
      { from: "2019-03-17", to: "2020-03-10" },
    ]);
  });

  it("keeps every distinct date of the sentence", () => {
    expect(statedSpans("Fermé en juin 2017, le site a rouvert le 2 mai 2019.", "2019-05-03")).toEqual([
      { from: "2017-06-01", to: "2017-06-30" },
      { from: "2019-05-02", to: "2019-05-02" },
    ]);
  });
});

describe("spellOutMonths: abbreviated months as chat writes them", () => {
  it("writes out an English abbreviation beside a year or a day, and the frame reads it", () => {
    expect(spellOutMonths("Aude wildfire, Aug 2019: where did it start?")).toBe(
      "Aude wildfire, August 2019: where did it start?",
    );
    expect(spellOutMonths("What happened on Dec. 5, 2019?")).toBe("What happened on December 5, 2019?");
    expect(days(spellOutMonths("How many died in Aug 2019?"))).toEqual(["2019-08-01", "2019-08-31"]);
  });

  it("writes out a French abbreviation in lower case as the French month", () => {
    expect(spellOutMonths("Qu'a dit le préfet le 12 sept. 2018 ?")).toBe(
      "Qu'a dit le préfet le 12 septembre 2018 ?",
    );
    expect(spellOutMonths("Combien de morts le 3 févr. ?")).toBe("Combien de morts le 3 février ?");
  });

  it("leaves the same spellings alone away from a day or a year: a name, the number seven", () => {
    expect(spellOutMonths("Qu'a dit Jan Koum ?")).toBe("Qu'a dit Jan Koum ?");
    expect(spellOutMonths("Les sept 12-15 ans ont été retrouvés ?")).toBe(
      "Les sept 12-15 ans ont été retrouvés ?",
    );
    expect(spellOutMonths("Combien de victimes parmi les sept ?")).toBe(
      "Combien de victimes parmi les sept ?",
    );
  });
});
