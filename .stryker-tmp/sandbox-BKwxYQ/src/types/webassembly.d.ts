/**
 * The parts of the WebAssembly JavaScript API that litml uses: Node provides them, but
 * TypeScript declares them only in its DOM and worker libraries, which this project leaves out.
 */
// @ts-nocheck

declare namespace WebAssembly {
  class Module {
    constructor(bytes: ArrayBufferView | ArrayBuffer);
  }
  class Memory {
    constructor(descriptor: { initial: number; maximum?: number });
    readonly buffer: ArrayBuffer;
  }
  class Instance {
    constructor(module: Module, imports?: Record<string, Record<string, unknown>>);
    readonly exports: Record<string, unknown>;
  }
}
