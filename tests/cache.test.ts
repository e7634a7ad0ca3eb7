import { describe, expect, it } from "vitest";
import { createIndexCache } from "../src/core/cache/index-cache.ts";
import { createTextMemo } from "../src/core/cache/text-memo.ts";

describe("createIndexCache: values read once per owner and key", () => {
  it("reads a key once per owner, and apart for another owner", () => {
    const cache = createIndexCache<object, number, string>();
    const a = {};
    const b = {};
    let reads = 0;
    const read = (v: string) => () => {
      reads++;
      return v;
    };
    expect(cache.get(a, 1, read("a1"))).toBe("a1");
    expect(cache.get(a, 1, read("other"))).toBe("a1");
    expect(cache.get(b, 1, read("b1"))).toBe("b1");
    expect(cache.get(a, 2, read("a2"))).toBe("a2");
    expect(reads).toBe(3);
  });

  it("keeps values that are undefined, false or 0 as read (no second read)", () => {
    const cache = createIndexCache<object, string, number | boolean | undefined>();
    const owner = {};
    let reads = 0;
    for (const v of [undefined, false, 0]) {
      const key = String(v);
      cache.get(owner, key, () => {
        reads++;
        return v;
      });
      expect(
        cache.get(owner, key, () => {
          reads++;
          return 99;
        }),
      ).toBe(v);
    }
    expect(reads).toBe(3);
  });

  it("with max, drops the least recently used key, not the least recently added", () => {
    const cache = createIndexCache<object, number, number>({ max: 2 });
    const owner = {};
    const reads: number[] = [];
    const get = (k: number) =>
      cache.get(owner, k, () => {
        reads.push(k);
        return k * 10;
      });
    get(1);
    get(2);
    get(1); // 1 is now the most recently used: 2 leaves when 3 comes
    get(3);
    expect(get(1)).toBe(10);
    expect(get(2)).toBe(20);
    expect(reads).toEqual([1, 2, 3, 2]);
  });
});

describe("createTextMemo: a function of a text, remembered for the last texts", () => {
  it("reads a text once while it is kept, and again once it has left", () => {
    const reads: string[] = [];
    const length = createTextMemo((t: string) => {
      reads.push(t);
      return t.length;
    }, 2);
    expect(length("abc")).toBe(3);
    expect(length("abc")).toBe(3);
    expect(length("de")).toBe(2);
    expect(length("abc")).toBe(3); // "abc" used last: "de" leaves when "f" comes
    expect(length("f")).toBe(1);
    expect(length("abc")).toBe(3);
    expect(length("de")).toBe(2);
    expect(reads).toEqual(["abc", "de", "f", "de"]);
  });

  it("remembers a false or undefined value as read", () => {
    let reads = 0;
    const none = createTextMemo((t: string) => {
      reads++;
      return t === "x" ? undefined : false;
    });
    expect(none("x")).toBeUndefined();
    expect(none("x")).toBeUndefined();
    expect(none("y")).toBe(false);
    expect(none("y")).toBe(false);
    expect(reads).toBe(2);
  });
});
