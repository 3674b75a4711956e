// @ts-nocheck
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { LAB_EXTENSION_NAME, installLabExtension, prebuiltLabExtension } from "../../kernel-ext/labextension.js";

describe("the prebuilt JupyterLab extension", () => {
  it("is installed in the project's venv and JupyterLab lists it as enabled", () => {
    const listing = spawnSync(path.resolve(".venv", "bin", "jupyter"), ["labextension", "list"], { encoding: "utf8" });
    // jupyter prints the list partly on stdout and partly on stderr.
    const both = listing.stdout + listing.stderr;
    expect(listing.status).toBe(0);
    expect(both).not.toMatch(/Fail to get yarn configuration/);
    expect(both.replace(/\u001b\[[0-9;]*m/g, "")).toMatch(new RegExp(`${LAB_EXTENSION_NAME} v\\d+\\.\\d+\\.\\d+ enabled OK`));
  });

  it("installs into a prefix whole, replacing an older copy's files", () => {
    const prefix = mkdtempSync(path.join(os.tmpdir(), "litml-labext-"));
    const stale = path.join(prefix, "share", "jupyter", "labextensions", LAB_EXTENSION_NAME, "static");
    mkdirSync(stale, { recursive: true });
    writeFileSync(path.join(stale, "old-chunk.js"), "// from an older build");
    const installed = installLabExtension({ prefix })!;
    expect(installed).toBe(path.join(prefix, "share", "jupyter", "labextensions", LAB_EXTENSION_NAME));
    expect(existsSync(path.join(installed, "static", "old-chunk.js"))).toBe(false);
    expect(readdirSync(path.join(installed, "static")).sort()).toEqual(readdirSync(path.join(prebuiltLabExtension(), "static")).sort());
    expect(readdirSync(path.dirname(installed))).toEqual([LAB_EXTENSION_NAME]);
  });
});
