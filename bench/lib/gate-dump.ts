// The rows of `npm run train -- --dump FILE`: every held-out top answer with its confidence and gate
// inputs. One type for the writer (bench/train-scorer.ts) and the scripts that study the dump offline
// (gate-screen, abstain-causes, wrong-answers, rank-losses), so a field renamed on one side fails
// to compile on the other instead of reading as undefined.
import { readFileSync } from "node:fs";

export interface GateDumpRow {
  set: "piaf" | "news" | "seeds";
  fold: string;
  id: string;
  answerable: boolean;
  bypass: boolean;
  right: boolean;
  /** Held-out P(right) of the top answer; absent when the question bypassed scoring. */
  p?: number;
  /** The confidence model's inputs, in the order of the code that wrote the dump. */
  x: number[];
  /** The top candidate's position in the question's candidates. */
  topAt?: number;
  /** The best right candidate's rank and position, when one exists. */
  rightRank?: number;
  rightAt?: number;
}

/**
 * The dump's rows. With `columns`, a dump written by code with another number of inputs throws
 * (its columns would otherwise be read under the wrong names).
 */
export function readGateDump(file: string, columns?: readonly string[]): GateDumpRow[] {
  const rows = JSON.parse(readFileSync(file, "utf8")) as GateDumpRow[];
  const width = rows.find((r) => r.p !== undefined)?.x.length;
  if (columns && width !== undefined && width !== columns.length)
    throw new Error(`the dump has ${width} columns, the names ${columns.length}: --columns`);
  return rows;
}
