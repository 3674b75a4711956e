// The label matrix of seven spam-assassin labeling functions (the lesson's kind), written as JSON
// for snorkel_labeling.py. Run after building: node tests/references/labeling-matrix.mjs /tmp/labeling-matrix.json
import * as litml from "../../dist/src/index.js";
import { labelMatrix } from "../../dist/src/label/labeling/label-matrix.js";
import { writeFileSync } from "node:fs";
const { lf } = litml;
const spam = await litml.load("spam-assassin");
const lfs = [
  lf.keywords("free/money subject", "subject", ["free", "money", "cash", "offer", "save", "win"], "spam"),
  lf.regex("shouting subject", "subject", /!{2,}|\$\d|[A-Z]{6,}/, "spam"),
  lf.regex("reply subject", "subject", /^\s*re:/i, "ham"),
  lf.keywords("unsubscribe body", "body", ["unsubscribe", "remove", "opt-out", "click here"], "spam"),
  lf.keywords("tech body", "body", ["patch", "kernel", "cvs", "rpm", "linux", "python", "perl", "mailing list"], "ham"),
  lf.regex("html body", "body", /<html|<font|<table/i, "spam"),
  lf.regex("quoted text", "body", /^>/m, "ham"),
];
const M = await labelMatrix("x", spam, lfs, ["ham", "spam"]);
const n = M.n, m = M.m;
const L = Array.from({length:n}, (_, i) => Array.from({length:m}, (_, j) => M.votes[j*n+i]));
const y = spam.toRecords().map(r => r.label === "spam" ? 1 : 0);
writeFileSync(process.argv[2] ?? "/tmp/labeling-matrix.json", JSON.stringify({ L, y }));
