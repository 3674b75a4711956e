// @ts-nocheck
// Types for build-wasm.mjs, which a test imports to check the generated modules are fresh.
/** The TypeScript module (the binary as base64) that one .wat source compiles to. */
export declare function generatedModule(watFile: string): Promise<string>;
/** The .wat sources under `directory` (default: src). */
export declare function watFiles(directory?: string): string[];
