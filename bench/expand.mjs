// In-process cost of expanding a magic cell, against passing the hand-written call
// through unchanged (the straightforward implementation: no magics at all).
import { expandCell } from "../dist/kernel-ext/magics/expand.js";

const magicCell = 'const x = 1;\n%profile penguins --target "Beak Length (mm)"\nx + 1';
const plainCell = 'const x = 1;\nawait litml.profile(penguins, { target: "Beak Length (mm)" })\nx + 1';
const context = { isVariable: (name) => name === "penguins" };
const N = 20000;

function time(fn) {
  for (let i = 0; i < 2000; i++) fn();
  const began = process.hrtime.bigint();
  for (let i = 0; i < N; i++) fn();
  return Number(process.hrtime.bigint() - began) / 1e9 / N;
}

const expanded = time(() => expandCell(magicCell, context));
const passthrough = time(() => expandCell(plainCell, context));
console.log(`BENCH magic-expansion litml=${expanded.toExponential(3)} reference=${passthrough.toExponential(3)} ratio=${(expanded / passthrough).toFixed(3)}`);
