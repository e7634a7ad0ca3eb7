import { describe, expect, it } from "vitest";
import { englishBaseForms } from "../src/core/text/english-inflection.ts";

const bases = (w: string) => englishBaseForms(w).map((b) => `${b.base}${b.verb ? "/v" : ""}`);

describe("englishBaseForms: an inflected English word read back to its base", () => {
  it("reads plurals and third persons, `-es` only after a sibilant or `o`", () => {
    expect(bases("investors")).toEqual(["investor"]);
    expect(bases("puppies")).toEqual(["puppy", "puppie"]);
    expect(bases("crashes")).toContain("crash");
    expect(bases("rates")).toEqual(["rate"]);
    expect(bases("landes")).toEqual(["lande"]);
    expect(bases("boss")).toEqual([]);
  });

  it("reads regular pasts and -ing forms as verbs, a doubled consonant undone", () => {
    expect(bases("replaced")[0]).toBe("replace/v");
    expect(bases("walked")).toContain("walk/v");
    expect(bases("carried")).toEqual(["carry/v"]);
    expect(bases("stopped")).toContain("stop/v");
    expect(bases("replacing")).toContain("replace/v");
    expect(bases("running")).toContain("run/v");
    expect(bases("dying")[0]).toBe("die/v");
  });

  it("reads `-eed` as a past only of a verb in `-ee`", () => {
    expect(bases("agreed")).toEqual(["agree/v"]);
    expect(bases("need")).toEqual([]);
    expect(bases("speed")).toEqual([]);
  });

  it("gives no base shorter than three letters", () => {
    expect(bases("led")).toEqual([]);
    // a rule, not a dictionary: a wrong guess is returned, and costs only where the caller knows it
    expect(bases("being")).toEqual(["bee/v"]);
  });
});
