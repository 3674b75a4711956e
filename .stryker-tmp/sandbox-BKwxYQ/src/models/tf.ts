/**
 * TensorFlow.js, loaded only when a neural model trains. A user's @tensorflow/tfjs-node
 * (native, fastest) is used when installed; otherwise @tensorflow/tfjs with the
 * WebAssembly backend, whose .wasm files ship inside its npm package.
 */
// @ts-nocheck

import { readFileSync } from "node:fs";
import path from "node:path";
import { dependencyDir } from "../util/package-root.js";

type Tf = typeof import("@tensorflow/tfjs");

let loading: Promise<{ tf: Tf; backend: string }> | undefined;

export function loadTensorflow(): Promise<{ tf: Tf; backend: string }> {
  loading ??= (async () => {
    if (isGenuineTfjsNode()) {
      const tf = (await import("@tensorflow/tfjs-node" as string)) as Tf;
      return { tf, backend: "tensorflow" };
    }
    const tf = await import("@tensorflow/tfjs");
    const wasm = await import("@tensorflow/tfjs-backend-wasm");
    wasm.setWasmPaths(path.join(dependencyDir("@tensorflow/tfjs-backend-wasm"), "dist") + path.sep);
    const backend = (await tf.setBackend("wasm")) ? "wasm" : "cpu";
    if (backend === "cpu") await tf.setBackend("cpu");
    await tf.ready();
    return { tf, backend };
  })();
  return loading;
}

/**
 * Whether @tensorflow/tfjs-node is the real native package. Projects that install
 * danfojs-node without native builds alias that name to plain tfjs 3, and loading a
 * second tfjs into a process that has tfjs 4 breaks both.
 */
function isGenuineTfjsNode(): boolean {
  try {
    const manifest = JSON.parse(readFileSync(path.join(dependencyDir("@tensorflow/tfjs-node"), "package.json"), "utf8"));
    return manifest.name === "@tensorflow/tfjs-node";
  } catch {
    return false;
  }
}
