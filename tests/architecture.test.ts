// The dependency rules of the architecture, in one place: layers only point down
// (core ← config/storage ← commands ← scheduling/ingest ← adapters ← app ← cli), no two folders
// import each other however indirectly, each platform library stays in its one folder, and an
// adapter never imports another adapter. The checkers are tested on synthetic graphs first, so a
// green run means the rules hold, not that the checker saw nothing.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = resolve(import.meta.dirname, "..");

/** Each top-level folder's layer: a folder may import only from a lower layer (or itself). */
const LAYERS: Readonly<Record<string, number>> = {
  "src/types": 0,
  "src/core": 0,
  "src/config": 1,
  "src/storage": 1,
  "src/snapshot": 1,
  commands: 2,
  "src/scheduling": 3,
  "src/ingest": 3,
  "src/model": 3,
  "src/adapters": 4,
  "src/app": 5,
  "src/cli": 6,
};

/** Where each platform library may be imported, and nowhere else. */
const LIBRARY_HOMES: readonly (readonly [RegExp, string])[] = [
  [/^@slack\//, "src/adapters/slack"],
  [/^discord\.js$/, "src/adapters/discord"],
  [/^node-cron$/, "src/scheduling"],
  [/^better-sqlite3$/, "src/storage"],
];

function sourceFiles(dir: string): string[] {
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return [];
  }
  return entries.flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|mts|js|mjs)$/.test(name) ? [path] : [];
  });
}

/** Every module specifier a source file imports (static, dynamic, re-exports, require). */
function importsOf(source: string): string[] {
  const specs: string[] = [];
  const re = /(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+|\brequire\s*\(\s*)["']([^"']+)["']/g;
  for (let m = re.exec(source); m !== null; m = re.exec(source)) specs.push(m[1] as string);
  return specs;
}

/** The layer folder a path belongs to, or undefined outside the layered code (tests, bench…). */
function layerOf(path: string): string | undefined {
  return Object.keys(LAYERS)
    .filter((folder) => path === folder || path.startsWith(`${folder}/`))
    .sort((a, b) => b.length - a.length)[0];
}

interface Edge {
  readonly from: string;
  readonly to: string;
  readonly why: string;
}

/** File-to-file imports of the layered code, as repository-relative paths. */
function repositoryEdges(): Edge[] {
  const files = [...sourceFiles(join(ROOT, "src")), ...sourceFiles(join(ROOT, "commands"))];
  return files.flatMap((file) =>
    importsOf(readFileSync(file, "utf8"))
      .filter((spec) => spec.startsWith("."))
      .map((spec) => ({
        from: relative(ROOT, file),
        to: relative(ROOT, resolve(dirname(file), spec)),
        why: `${relative(ROOT, file)} imports ${spec}`,
      })),
  );
}

/** Imports that point from a lower layer to a higher one, or across two folders of one layer. */
function upwardImports(edges: readonly Edge[], layers: Readonly<Record<string, number>>): string[] {
  return edges.flatMap((e) => {
    const a = layerOf(e.from);
    const b = layerOf(e.to);
    if (!a || !b || a === b) return [];
    return (layers[b] ?? 0) < (layers[a] ?? 0) ? [] : [e.why];
  });
}

/** The groups of folders that import each other, directly or through others (Tarjan's SCC). */
function folderCycles(edges: readonly Edge[]): string[][] {
  const graph = new Map<string, Set<string>>();
  for (const e of edges) {
    const a = dirname(e.from);
    const b = dirname(e.to);
    if (a === b) continue;
    if (!graph.has(a)) graph.set(a, new Set());
    if (!graph.has(b)) graph.set(b, new Set());
    graph.get(a)?.add(b);
  }
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  const visit = (v: string) => {
    index.set(v, index.size);
    low.set(v, index.get(v) as number);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) visit(w);
      if (onStack.has(w)) low.set(v, Math.min(low.get(v) as number, low.get(w) as number));
    }
    if (low.get(v) !== index.get(v)) return;
    const group: string[] = [];
    for (let w = stack.pop(); w !== undefined; w = stack.pop()) {
      onStack.delete(w);
      group.push(w);
      if (w === v) break;
    }
    if (group.length > 1) cycles.push(group.sort());
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return cycles;
}

function misplacedLibraries(files: readonly string[]): string[] {
  return files.flatMap((file) => {
    const path = relative(ROOT, file);
    return importsOf(readFileSync(file, "utf8")).flatMap((spec) => {
      const home = LIBRARY_HOMES.find(([re]) => re.test(spec))?.[1];
      return home && !path.startsWith(`${home}/`) ? [`${path} imports ${spec} (its home is ${home})`] : [];
    });
  });
}

const edge = (from: string, to: string): Edge => ({ from, to, why: `${from} imports ${to}` });

describe("the architecture checkers (on synthetic graphs)", () => {
  it("finds every kind of import", () => {
    const src = `import a from "discord.js";\nimport type { B } from '@slack/bolt';\nconst c = await import("node-cron");\nexport * from "../adapters/slack/x.ts";`;
    expect(importsOf(src)).toEqual(["discord.js", "@slack/bolt", "node-cron", "../adapters/slack/x.ts"]);
  });

  it("flags an upward import and an import across two folders of one layer, not a downward one", () => {
    const edges = [
      edge("commands/define.ts", "src/scheduling/service.ts"), // up: commands sit below scheduling
      edge("src/scheduling/a.ts", "src/ingest/b.ts"), // across one layer
      edge("src/core/answer/x.ts", "src/adapters/slack/app.ts"), // up from the core
      edge("commands/ask.ts", "src/core/answer/answerer.ts"), // down: fine
      edge("src/cli/main.ts", "src/app/main.ts"), // down: fine
      edge("tests/x.test.ts", "src/app/main.ts"), // outside the layers: not checked
    ];
    expect(upwardImports(edges, LAYERS)).toEqual([
      "commands/define.ts imports src/scheduling/service.ts",
      "src/scheduling/a.ts imports src/ingest/b.ts",
      "src/core/answer/x.ts imports src/adapters/slack/app.ts",
    ]);
  });

  it("finds a cycle between folders, also through a third one, and none in a tree", () => {
    const direct = [edge("src/core/a/x.ts", "src/core/b/y.ts"), edge("src/core/b/y.ts", "src/core/a/z.ts")];
    expect(folderCycles(direct)).toEqual([["src/core/a", "src/core/b"]]);
    const indirect = [
      edge("src/core/a/x.ts", "src/core/b/y.ts"),
      edge("src/core/b/y.ts", "src/core/c/z.ts"),
      edge("src/core/c/z.ts", "src/core/a/w.ts"),
      edge("src/core/d/v.ts", "src/core/a/x.ts"),
    ];
    expect(folderCycles(indirect)).toEqual([["src/core/a", "src/core/b", "src/core/c"]]);
    const tree = [edge("src/core/a/x.ts", "src/core/b/y.ts"), edge("src/core/a/x.ts", "src/core/c/z.ts")];
    expect(folderCycles(tree)).toEqual([]);
  });
});

describe("architecture of the repository", () => {
  const edges = repositoryEdges();

  it("sees the whole layered code", () => {
    expect(edges.length).toBeGreaterThan(300);
    const layersSeen = new Set(edges.map((e) => layerOf(e.from)));
    for (const folder of ["src/core", "commands", "src/scheduling", "src/adapters", "src/app", "src/cli"])
      expect(layersSeen.has(folder)).toBe(true);
  });

  it("every folder of src/ has its layer (a new folder is placed before it is used)", () => {
    const folders = readdirSync(join(ROOT, "src")).filter((name) =>
      statSync(join(ROOT, "src", name)).isDirectory(),
    );
    expect(folders.filter((name) => LAYERS[`src/${name}`] === undefined)).toEqual([]);
  });

  it("layers only point down", () => {
    expect(upwardImports(edges, LAYERS)).toEqual([]);
  });

  it("no two folders import each other, directly or through others", () => {
    expect(folderCycles(edges)).toEqual([]);
  });

  it("each platform library is imported in its own folder only", () => {
    const files = [...sourceFiles(join(ROOT, "src")), ...sourceFiles(join(ROOT, "commands"))];
    expect(misplacedLibraries(files)).toEqual([]);
  });

  it("start-up names no adapter: only the registry imports them, and only with import()", () => {
    const naming = edges.filter((e) => e.from.startsWith("src/app/") && /^src\/adapters\/[^/]+\//.test(e.to));
    expect(naming.map((e) => e.why)).toEqual([
      "src/app/adapter-registry.ts imports ../adapters/console/adapter.ts",
      "src/app/adapter-registry.ts imports ../adapters/slack/adapter.ts",
      "src/app/adapter-registry.ts imports ../adapters/discord/adapter.ts",
    ]);
    const registry = readFileSync(join(ROOT, "src/app/adapter-registry.ts"), "utf8");
    expect(registry).not.toMatch(/^import (?!type)[^\n]*adapters\/(console|slack|discord)\//m);
  });

  it("an adapter never imports another adapter", () => {
    const adapter = (path: string) => /^src\/adapters\/([^/]+)\//.exec(path)?.[1];
    const bad = edges.filter((e) => {
      const a = adapter(e.from);
      const b = adapter(e.to);
      return a !== undefined && b !== undefined && a !== b;
    });
    expect(bad.map((e) => e.why)).toEqual([]);
  });

  it("ingestion takes only types from storage (the stores are handed to it)", () => {
    const bad = sourceFiles(join(ROOT, "src/ingest")).filter((file) =>
      /^import\s+(?!type\b)[^;]*?from\s*["']\.\.\/storage\//m.test(readFileSync(file, "utf8")),
    );
    expect(bad.map((f) => relative(ROOT, f))).toEqual([]);
  });
});
