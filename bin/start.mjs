#!/usr/bin/env node
// `npm start`: the compiled bot (dist/), compiled first when dist/ is missing or older than the
// sources, so a fresh clone and an edited one both start the code they hold.
import { pathToFileURL } from "node:url";
import { build, distIsFresh, ROOT } from "./dist.mjs";

if (!distIsFresh()) {
  process.stderr.write("newsbot: compiling to dist/ (npm run build)…\n");
  const status = await build();
  if (status !== 0) {
    process.stderr.write(
      "newsbot: the build failed (see above); fix the error, or run `npm run dev` to start from the sources\n",
    );
    process.exit(status);
  }
}
const main = `${ROOT}/dist/src/app/main.js`;
process.argv = [process.argv[0] ?? "node", main, ...process.argv.slice(2)];
await import(pathToFileURL(main).href);
