import { describe, expect, it } from "vitest";
import { findDates, findNames, findNumbers } from "../src/core/grounded/claims.ts";
import { saysNoAnswer, verifyDraft } from "../src/core/grounded/verify-draft.ts";

const P1 =
  "Jean Castex nommé à Matignon (2020-07-03)\nJean Castex a été nommé Premier ministre vendredi 3 juillet, succédant à Édouard Philippe.";
const P2 =
  "Le bilan de l'épidémie (2020-04-07)\nLa France compte 10 328 morts du coronavirus, a annoncé mardi le directeur général de la santé.";
const P3 =
  "Un rachat à 2,5 milliards (2019-11-02)\nLe groupe LVMH a racheté Tiffany pour 16,2 milliards de dollars.";

describe("claims", () => {
  it("reads thousands separators, decimals and scale words in either language the same way", () => {
    const values = (s: string) => findNumbers(s).map((n) => n.value);
    expect(values("10 328 morts")).toEqual([10328]);
    expect(values("10\u202f328 morts")).toEqual([10328]);
    expect(values("10,328 deaths")).toEqual([10328]);
    expect(values("10328 morts")).toEqual([10328]);
    expect(values("2,5 milliards et 2.5 billion")).toEqual([2.5e9, 2.5e9]);
    expect(values("trois millions, vingt-deux, 3 000 000")).toEqual([3e6, 22, 3e6]);
    expect(values("cité en [2] et en [1, 3]")).toEqual([]);
  });

  it("reads French, English, numeric and ISO dates into their parts", () => {
    const parts = (s: string) => findDates(s).map((d) => [d.day, d.month, d.year]);
    expect(parts("le 7 avril 2020")).toEqual([[7, 4, 2020]]);
    expect(parts("on April 7, 2020")).toEqual([[7, 4, 2020]]);
    expect(parts("le 07/04/2020")).toEqual([[7, 4, 2020]]);
    expect(parts("publié le 2020-04-07")).toEqual([[7, 4, 2020]]);
    expect(parts("in July")).toEqual([[undefined, 7, undefined]]);
  });

  it("takes a capital in mid-sentence as a name, a sentence opener only when it is no common word", () => {
    const names = (s: string) => findNames(s, (w) => ["selon", "le"].includes(w)).map((n) => n.folded);
    expect(names("Selon le passage, Édouard Philippe a démissionné.")).toEqual(["edouard", "philippe"]);
    expect(names("Castex est nommé. Le Premier ministre parle.")).toEqual(["castex", "premier"]);
  });
});

describe("verifyDraft", () => {
  it("accepts a grounded draft and renumbers its citations in the order they are first cited", () => {
    const v = verifyDraft(
      "Jean Castex a succédé à Edouard Philippe le 3 juillet 2020 [2]. La France comptait alors 10 328 morts [1].",
      [P2, P1],
    );
    expect(v).toEqual({
      status: "verified",
      text: "Jean Castex a succédé à Edouard Philippe le 3 juillet 2020 [1]. La France comptait alors 10 328 morts [2].",
      cited: [1, 0],
    });
  });

  it("reads a range of citations, and renumbers it as a list", () => {
    const v = verifyDraft("Jean Castex succède à Édouard Philippe [2–3].", [P2, P3, P1]);
    expect(v).toEqual({
      status: "verified",
      text: "Jean Castex succède à Édouard Philippe [1, 2].",
      cited: [1, 2],
    });
    expect(verifyDraft("Jean Castex [1-4].", [P1, P2])).toMatchObject({ reason: "unknown-citation" });
  });

  it("accepts the same figure and date written the English way, and English names the glossary knows", () => {
    const v = verifyDraft("France recorded 10,328 deaths on April 7, 2020 [1].", [P2]);
    expect(v.status).toBe("verified");
  });

  it("rejects a citation number that was never sent", () => {
    const v = verifyDraft("Jean Castex a été nommé Premier ministre [3].", [P1, P2]);
    expect(v).toMatchObject({ status: "rejected", reason: "unknown-citation", detail: "[3]" });
    expect(verifyDraft("Jean Castex [0].", [P1])).toMatchObject({ reason: "unknown-citation" });
  });

  it("rejects a draft that cites nothing", () => {
    expect(verifyDraft("Jean Castex a été nommé Premier ministre.", [P1])).toMatchObject({
      status: "rejected",
      reason: "no-citation",
    });
  });

  it("rejects an invented figure, and a true figure cited from a passage that does not hold it", () => {
    expect(verifyDraft("La France compte 12 000 morts [1].", [P2])).toMatchObject({
      reason: "number",
      detail: "12 000",
    });
    expect(verifyDraft("La France compte 10 328 morts [1].", [P1, P2])).toMatchObject({ reason: "number" });
    expect(verifyDraft("Tiffany a coûté 16,2 millions de dollars [1].", [P3])).toMatchObject({
      reason: "number",
    });
  });

  it("rejects a wrong day or month, and accepts a year the passage's date gives", () => {
    expect(verifyDraft("Jean Castex a été nommé le 4 juillet [1].", [P1])).toMatchObject({
      reason: "date",
    });
    expect(verifyDraft("Jean Castex a été nommé en août 2020 [1].", [P1])).toMatchObject({ reason: "date" });
    expect(verifyDraft("Jean Castex a été nommé en juillet 2020 [1].", [P1]).status).toBe("verified");
  });

  it("rejects a name absent from the cited passages, accents and case aside", () => {
    expect(verifyDraft("Jean Castex remplace Bruno Le Maire [1].", [P1])).toMatchObject({
      reason: "name",
      detail: "Bruno",
    });
    expect(verifyDraft("JEAN CASTEX remplace EDOUARD PHILIPPE [1].", [P1]).status).toBe("verified");
  });

  it("checks a sentence without a marker against the passages the draft cites", () => {
    expect(verifyDraft("Jean Castex a été nommé. Il remplace Édouard Philippe [1].", [P1]).status).toBe(
      "verified",
    );
    expect(verifyDraft("Le bilan atteint 10 328 morts. Jean Castex est nommé [1].", [P1, P2])).toMatchObject({
      reason: "number",
    });
  });

  it("turns 'the passages do not say' into an abstention, in French and English", () => {
    expect(verifyDraft("Les passages ne le disent pas.", [P1])).toEqual({ status: "abstained" });
    expect(verifyDraft("The passages do not say.", [P1])).toEqual({ status: "abstained" });
    expect(saysNoAnswer("Aucun des passages ne mentionne le successeur.")).toBe(true);
    expect(saysNoAnswer("The provided passages don't mention who replaced him.")).toBe(true);
    expect(saysNoAnswer("Jean Castex a été nommé [1].")).toBe(false);
  });

  it("rejects an empty or overlong draft", () => {
    expect(verifyDraft("  ", [P1])).toMatchObject({ reason: "empty" });
    expect(verifyDraft(`${"Jean Castex a été nommé. ".repeat(50)}[1]`, [P1])).toMatchObject({
      reason: "too-long",
    });
  });
});
