/** When `npm test` runs the browser suites (scripts/chromium.mjs, used by scripts/test.mjs). */
import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it, vi } from "vitest";
import { browserGate } from "../../scripts/chromium.mjs";

const withAptGet = mkdtempSync(path.join(os.tmpdir(), "litml-apt-"));
writeFileSync(path.join(withAptGet, "apt-get"), "");
const withoutAptGet = mkdtempSync(path.join(os.tmpdir(), "litml-no-apt-"));

function gate(options: { env?: NodeJS.ProcessEnv; uid?: number; present?: boolean; installWorks?: boolean }) {
  let installed = false;
  const install = vi.fn(() => {
    if (!options.installWorks) throw new Error("E: Unable to locate package chromium\nmore");
    installed = true;
  });
  const log = vi.fn();
  const result = browserGate({
    env: options.env ?? { PATH: withAptGet },
    uid: options.uid ?? 1000,
    exists: () => options.present === true || installed,
    install,
    log,
  });
  return { result, install, log };
}

describe("the browser suites' gate in npm test", () => {
  it("runs them when Chromium is there, installing nothing", () => {
    const { result, install } = gate({ present: true, uid: 0 });
    expect(result).toEqual({ run: true, failed: false });
    expect(install).not.toHaveBeenCalled();
  });

  it("as root with apt-get, installs Chromium and runs them", () => {
    const { result, install, log } = gate({ uid: 0, installWorks: true });
    expect(install).toHaveBeenCalledOnce();
    expect(log).toHaveBeenCalledWith("litml: Chromium is missing; installing it from Debian's packages (apt-get install chromium)");
    expect(result).toEqual({ run: true, failed: false });
  });

  it("without the right to install, does not run them and counts a failure, naming the command", () => {
    const { result, install } = gate({ uid: 1000 });
    expect(install).not.toHaveBeenCalled();
    expect(result).toEqual({
      run: false,
      failed: true,
      line: "litml: Chromium is missing (/usr/bin/chromium), so the browser suites did not run and count as failed: sudo apt-get install chromium, or set LITML_SKIP_BROWSER=1 to skip them",
    });
  });

  it("as root without apt-get (not Debian), does not try", () => {
    const { result, install } = gate({ uid: 0, env: { PATH: withoutAptGet } });
    expect(install).not.toHaveBeenCalled();
    expect(result.failed).toBe(true);
  });

  it("when apt-get fails, says so in one line and counts a failure", () => {
    const { result, log } = gate({ uid: 0, installWorks: false });
    expect(log).toHaveBeenLastCalledWith("litml: apt-get could not install Chromium: E: Unable to locate package chromium");
    expect(result.run).toBe(false);
    expect(result.failed).toBe(true);
  });

  it("LITML_SKIP_BROWSER=1 skips them without a failure, and installs nothing even as root", () => {
    const { result, install } = gate({ uid: 0, env: { PATH: withAptGet, LITML_SKIP_BROWSER: "1" } });
    expect(install).not.toHaveBeenCalled();
    expect(result).toEqual({ run: false, failed: false, line: "litml: browser suites skipped (LITML_SKIP_BROWSER=1; /usr/bin/chromium is missing)" });
  });

  it("a LITML_CHROMIUM that is missing is named, and Debian's package (which would not put it there) is not installed", () => {
    const { result, install } = gate({ uid: 0, installWorks: true, env: { PATH: withAptGet, LITML_CHROMIUM: "/opt/chrome/chrome" } });
    expect(install).not.toHaveBeenCalled();
    expect(result.line).toContain("Chromium is missing (/opt/chrome/chrome)");
    expect(result.line).toContain("install Chromium at /opt/chrome/chrome");
  });
});
