// Decides whether `npm test` can run the browser suites, which need Debian's Chromium.
// Present: run them. Missing: install it from Debian's packages when this process may (root
// with apt-get, as .ci/run does). Otherwise the suites do not start (they would only fail
// with a driver error) and the missing browser counts as a failure with one line naming
// the command, because a green `npm test` must mean the browser tests passed; only an
// explicit LITML_SKIP_BROWSER=1 turns it into a skip.
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";

/** The same default as the browser tests (tests/browser/chromium.ts). */
export function chromiumPath(env = process.env) {
  return env.LITML_CHROMIUM ?? "/usr/bin/chromium";
}

function onPath(name, env) {
  return (env.PATH ?? "").split(path.delimiter).some((dir) => dir && existsSync(path.join(dir, name)));
}

function aptInstall(env) {
  const options = { stdio: ["ignore", "ignore", "inherit"], env: { ...env, DEBIAN_FRONTEND: "noninteractive" } };
  execFileSync("apt-get", ["update", "-qq"], options);
  execFileSync("apt-get", ["install", "-y", "-qq", "--no-install-recommends", "chromium"], options);
}

/**
 * @returns {{ run: boolean, failed: boolean, line?: string }} whether to run the browser
 * suites, whether the missing browser counts as a failure, and the one line to print.
 */
export function browserGate({ env = process.env, uid = process.getuid?.(), exists = existsSync, install = aptInstall, log = console.error } = {}) {
  const chromium = chromiumPath(env);
  if (exists(chromium)) return { run: true, failed: false };
  if (env.LITML_SKIP_BROWSER === "1") {
    return { run: false, failed: false, line: `litml: browser suites skipped (LITML_SKIP_BROWSER=1; ${chromium} is missing)` };
  }
  const fix = env.LITML_CHROMIUM ? `install Chromium at ${chromium}` : "sudo apt-get install chromium";
  if (!env.LITML_CHROMIUM && uid === 0 && onPath("apt-get", env)) {
    log("litml: Chromium is missing; installing it from Debian's packages (apt-get install chromium)");
    try {
      install(env);
    } catch (error) {
      log(`litml: apt-get could not install Chromium: ${error instanceof Error ? error.message.split("\n")[0] : error}`);
    }
    if (exists(chromium)) return { run: true, failed: false };
  }
  return {
    run: false,
    failed: true,
    line: `litml: Chromium is missing (${chromium}), so the browser suites did not run and count as failed: ${fix}, or set LITML_SKIP_BROWSER=1 to skip them`,
  };
}
