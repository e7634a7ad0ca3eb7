#!/usr/bin/env node
// `npm run build`: compile src/ and commands/ to dist/ with tsc (see bin/dist.mjs).
import { build } from "./dist.mjs";

process.exit(build());
