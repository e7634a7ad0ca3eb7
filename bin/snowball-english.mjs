// The English stemmer alone, for dist/: the `snowball-stemmers` package is one 868 kB file with
// stemmers for some thirty languages, which Node compiles whole (about 30 ms of CPU) the first
// time a word is stemmed as English — every question naming someone does (read-question.ts).
// The build writes a copy holding the shared base and the English stemmer only to
// dist/node_modules/snowball-stemmers/, which Node finds first from the bundled code. The copy is
// written only when it stems a sample of words exactly as the package does; otherwise, or when
// the package's layout is not the one expected, dist/ goes without it and the package is used.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";

const BLOCK = /^ {4}var (\w+)Stemmer = function \(_SnowballStemmer\d*\) \{$/gm;
const BLOCK_END = "    }(SnowballStemmer);\n";
const MAP_ENTRY = /^ {12}(\w+): (\w+)Stemmer,?\n/gm;

/** The package's source with every stemmer but English's taken out, or undefined. */
export function englishOnly(source) {
  let out = "";
  let at = 0;
  let kept = false;
  for (const m of source.matchAll(BLOCK)) {
    const end = source.indexOf(BLOCK_END, m.index);
    if (end < 0 || m.index < at) return undefined;
    out += source.slice(at, m.index);
    if (m[1] === "english") {
      out += source.slice(m.index, end + BLOCK_END.length);
      kept = true;
    }
    at = end + BLOCK_END.length;
  }
  out += source.slice(at);
  out = out.replace(MAP_ENTRY, (line, name) => (name === "english" ? line : ""));
  // every stemmer class still named must be English's or the base
  const named = new Set([...out.matchAll(/\b(\w+)Stemmer\b/g)].map((m) => m[1]));
  for (const name of named) if (!["english", "Snowball", "new", "_Snowball"].includes(name)) return undefined;
  return kept ? out : undefined;
}

/** Words whose stems are compared: English text of the repository (README, glossary). */
function sampleWords(root) {
  const words = new Set();
  for (const file of ["README.md", "src/core/answer/glossary-en-fr.ts"]) {
    try {
      for (const w of readFileSync(join(root, file), "utf8")
        .toLowerCase()
        .match(/[a-z]{4,}/g) ?? [])
        words.add(w);
    } catch {}
  }
  return [...words];
}

/** Write dist/node_modules/snowball-stemmers when the English-only copy checks out; returns whether it did. */
export function writeEnglishStemmer(root, dist) {
  const require = createRequire(join(root, "package.json"));
  let packagePath;
  try {
    packagePath = require.resolve("snowball-stemmers");
  } catch {
    return false;
  }
  const slim = englishOnly(readFileSync(packagePath, "utf8"));
  if (!slim) return false;
  const target = join(dist, "node_modules", "snowball-stemmers");
  mkdirSync(target, { recursive: true });
  writeFileSync(join(target, "snowball-stemmers.js"), slim);
  writeFileSync(
    join(target, "package.json"),
    `${JSON.stringify({ name: "snowball-stemmers", main: "snowball-stemmers.js", private: true }, null, 2)}\n`,
  );
  const full = require("snowball-stemmers").newStemmer("english");
  const mine = createRequire(join(target, "package.json"))("./snowball-stemmers.js").newStemmer("english");
  const words = sampleWords(root);
  if (words.length > 100 && words.every((w) => full.stem(w) === mine.stem(w))) return true;
  rmSync(target, { recursive: true, force: true });
  return false;
}
