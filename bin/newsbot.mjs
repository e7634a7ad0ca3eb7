#!/usr/bin/env node
// The `newsbot` command. It runs the compiled code in dist/ when it is there and up to date
// (`npm run build`), else the TypeScript sources through tsx, so `npx newsbot …` works right
// after `npm ci` with no build step to forget.
import { distIsFresh } from "./dist.mjs";

let main;
if (distIsFresh()) {
  ({ main } = await import("../dist/src/cli/main.js"));
} else {
  const { register } = await import("tsx/esm/api");
  register();
  ({ main } = await import("../src/cli/main.ts"));
}
process.exitCode = await main(process.argv.slice(2));
