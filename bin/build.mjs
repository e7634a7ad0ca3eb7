#!/usr/bin/env node
// `npm run build`: bundle src/ and commands/ into dist/ with esbuild (see bin/dist.mjs).
import { build } from "./dist.mjs";

process.exit(await build());
