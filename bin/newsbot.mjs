#!/usr/bin/env node
// The `newsbot` command. It loads the TypeScript sources through tsx so that `npx newsbot …`
// works right after `npm ci`, with no build step to forget.
import { register } from "tsx/esm/api";

register();
const { main } = await import("../src/cli/main.ts");
process.exitCode = await main(process.argv.slice(2));
