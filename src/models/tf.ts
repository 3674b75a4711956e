/**
 * TensorFlow.js, loaded only when a neural model trains. A user's @tensorflow/tfjs-node
 * (native, fastest) is used when installed; otherwise @tensorflow/tfjs with the
 * WebAssembly backend, whose .wasm files ship inside its npm package.
 */
import path from "node:path";
import { dependencyDir } from "../util/package-root.js";

type Tf = typeof import("@tensorflow/tfjs");

let loading: Promise<{ tf: Tf; backend: string }> | undefined;

export function loadTensorflow(): Promise<{ tf: Tf; backend: string }> {
  loading ??= (async () => {
    try {
      const tf = (await import("@tensorflow/tfjs-node" as string)) as Tf;
      return { tf, backend: "tensorflow" };
    } catch {
      const tf = await import("@tensorflow/tfjs");
      const wasm = await import("@tensorflow/tfjs-backend-wasm");
      wasm.setWasmPaths(path.join(dependencyDir("@tensorflow/tfjs-backend-wasm"), "dist") + path.sep);
      const backend = (await tf.setBackend("wasm")) ? "wasm" : "cpu";
      if (backend === "cpu") await tf.setBackend("cpu");
      await tf.ready();
      return { tf, backend };
    }
  })();
  return loading;
}
