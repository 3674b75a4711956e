// Types for chromium.mjs, which a test imports to check when `npm test` runs the browser suites.
export declare function chromiumPath(env?: NodeJS.ProcessEnv): string;
export interface BrowserGate {
  readonly run: boolean;
  readonly failed: boolean;
  readonly line?: string;
}
export declare function browserGate(options?: {
  env?: NodeJS.ProcessEnv;
  uid?: number;
  exists?: (file: string) => boolean;
  install?: (env: NodeJS.ProcessEnv) => void;
  log?: (line: string) => void;
}): BrowserGate;
