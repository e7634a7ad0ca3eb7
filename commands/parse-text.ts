// Text input, as Slack and the console receive it: `ask Qui est Hayashi ?`,
// `search semi-conducteurs --limit 3 --public`. The first word names the command; `--name value`
// (or `--name=value`, or `--flag` for yes/no options) sets an option; the other words fill the
// command's "rest" option (the question, the search terms, the id) — after a required choice, which
// takes the first word (`feedback up bien vu`). Values are not validated
// here — the command's zod schema does that and explains what is wrong.
import type { OptionDeclaration } from "./define.ts";

export interface CommandText {
  /** The subcommand, lower-cased; undefined when the text is empty. */
  readonly name: string | undefined;
  readonly rest: string;
}

/** Split `/news ask …`, `news ask …` or `ask …` into the subcommand and the rest. */
export function splitCommandText(text: string, root: string): CommandText {
  let s = text.trim();
  const rootRe = new RegExp(`^/?${root.replace(/[.*+?^${}()|[\]\\-]/g, "\\$&")}(?=\\s|$)`, "i");
  s = s.replace(rootRe, "").trim();
  s = s.replace(/^\//, "");
  const m = /^(\S+)\s*([\s\S]*)$/.exec(s);
  if (!m) return { name: undefined, rest: "" };
  return { name: (m[1] ?? "").toLowerCase(), rest: (m[2] ?? "").trim() };
}

export type TextOptions =
  | { readonly ok: true; readonly options: Record<string, unknown> }
  | { readonly ok: false; readonly unknown: string };

const QUOTED = /^["«“](.*)["»”]$/s;

function tokenize(rest: string): string[] {
  const tokens: string[] = [];
  const re = /"[^"]*"|«[^»]*»|“[^”]*”|\S+/g;
  for (let m = re.exec(rest); m !== null; m = re.exec(rest)) tokens.push(m[0]);
  return tokens;
}

function convert(value: string, decl: OptionDeclaration): unknown {
  const v = value.replace(QUOTED, "$1").trim();
  if (decl.type === "integer") return /^[-+]?\d+$/.test(v) ? Number(v) : v;
  if (decl.type === "boolean")
    return /^(true|oui|yes|1)$/i.test(v) ? true : /^(false|non|no|0)$/i.test(v) ? false : v;
  return v;
}

export function textToOptions(rest: string, declarations: readonly OptionDeclaration[]): TextOptions {
  const byName = new Map(declarations.map((d) => [d.name, d]));
  const options: Record<string, unknown> = {};
  const words: string[] = [];
  const tokens = tokenize(rest);
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as string;
    const flag = /^--([a-z][\w-]*)(?:=(.*))?$/i.exec(token);
    if (!flag) {
      words.push(token);
      continue;
    }
    const name = (flag[1] ?? "").toLowerCase();
    const decl = byName.get(name);
    if (!decl) return { ok: false, unknown: `--${name}` };
    if (flag[2] !== undefined) options[name] = convert(flag[2], decl);
    else if (decl.type === "boolean") options[name] = true;
    else if (i + 1 < tokens.length) options[name] = convert(tokens[++i] as string, decl);
    else options[name] = "";
  }
  // a required choice not given as `--name` takes the first word (`feedback up …`); zod checks it
  for (const d of declarations) {
    if (words.length > 0 && d.required && d.choices && !d.rest && !(d.name in options))
      options[d.name] = (words.shift() as string).toLowerCase();
  }
  if (words.length > 0) {
    const target =
      declarations.find((d) => d.rest && !(d.name in options)) ??
      declarations.find((d) => d.type === "string" && !(d.name in options));
    if (!target) return { ok: false, unknown: words.join(" ") };
    const joined = words.map((w) => w.replace(QUOTED, "$1")).join(" ");
    options[target.name] = convert(joined, target);
  }
  return { ok: true, options };
}
