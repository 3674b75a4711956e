#!/usr/bin/env node
/**
 * The litml command (`bin` in package.json). `litml run` is the main job behind
 * `npm start`; the commands themselves live in src/cli/.
 */
import { main } from "./cli/main.js";

// Not a top-level await: cells compile to CommonJS, and no module of litml may hold one.
void main(process.argv.slice(2)).then((status) => {
  process.exitCode = status;
});
