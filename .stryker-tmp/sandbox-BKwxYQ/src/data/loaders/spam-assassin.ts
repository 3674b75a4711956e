/**
 * The Spam Assassin public corpus as a table: one row per message with its corpus
 * folder, a spam/ham label, the Subject header and the body (headers stripped).
 */
// @ts-nocheck

import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { type Column } from "../column.js";
import { inferColumn } from "../infer.js";

export function readSpamAssassin(dataDir: string): [string, Column][] {
  const ids: string[] = [];
  const folders: string[] = [];
  const labels: string[] = [];
  const subjects: (string | null)[] = [];
  const bodies: string[] = [];
  for (const folder of readdirSync(dataDir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort()) {
    // Each message is stored twice, raw (.txt) and as JSON; read the JSON copy.
    for (const file of readdirSync(path.join(dataDir, folder)).filter((f) => f.endsWith(".json")).sort()) {
      const message = JSON.parse(readFileSync(path.join(dataDir, folder, file), "utf8")) as { id: string; text: string };
      const split = message.text.search(/\r?\n\r?\n/);
      const headers = split < 0 ? message.text : message.text.slice(0, split);
      const subject = /^Subject:[ \t]*(.*(?:\r?\n[ \t].*)*)/im.exec(headers)?.[1].replace(/\r?\n[ \t]+/g, " ").trim() ?? null;
      ids.push(`${folder}/${message.id}`);
      folders.push(folder);
      labels.push(folder.startsWith("spam") ? "spam" : "ham");
      subjects.push(subject);
      bodies.push(split < 0 ? "" : message.text.slice(split).trim());
    }
  }
  return [
    ["id", inferColumn(ids)],
    ["corpus", inferColumn(folders)],
    ["label", inferColumn(labels)],
    ["subject", inferColumn(subjects)],
    ["body", inferColumn(bodies)],
  ];
}
