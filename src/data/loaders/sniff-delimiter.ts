/**
 * The delimiter of a .csv file. Spreadsheets in much of Europe write ";" (the comma being
 * their decimal mark), and many tools write tabs into files they name .csv. The delimiter
 * is the candidate that splits every one of the first records (quotes respected) into the
 * same number of fields, the most fields if several do; the comma wins ties, as the
 * extension promises, and stays when nothing splits consistently (the parser then names
 * the ragged line).
 */
const CANDIDATES = [",", ";", "\t", "|"] as const;
const SAMPLE_RECORDS = 50;
const SAMPLE_CHARS = 1 << 16;

export function sniffDelimiter(text: string): string {
  const counts = sampleCounts(text);
  if (counts.length === 0) return ",";
  let best = ",";
  let bestFields = 1;
  CANDIDATES.forEach((candidate, c) => {
    const fields = counts[0][c] + 1;
    // Strictly more fields to replace the comma, so an equal split keeps the extension's promise.
    if (fields > bestFields && counts.every((row) => row[c] + 1 === fields)) {
      best = candidate;
      bestFields = fields;
    }
  });
  return best;
}

/** Per record of the sample, how many times each candidate occurs outside quotes. */
function sampleCounts(text: string): number[][] {
  const rows: number[][] = [];
  let row = CANDIDATES.map(() => 0);
  let quoted = false;
  let blank = true;
  const end = Math.min(text.length, SAMPLE_CHARS);
  for (let i = 0; i < end && rows.length < SAMPLE_RECORDS; i++) {
    const ch = text[i];
    if (ch === '"') {
      quoted = !quoted;
      blank = false;
    } else if (!quoted && (ch === "\n" || ch === "\r")) {
      if (!blank) rows.push(row);
      row = CANDIDATES.map(() => 0);
      blank = true;
    } else if (!quoted) {
      const c = CANDIDATES.indexOf(ch as (typeof CANDIDATES)[number]);
      if (c >= 0) row[c]++;
      blank = false;
    }
  }
  // A record cut off by the sample's end may be short; judge only complete ones unless it is the only one.
  if (!blank && (rows.length === 0 || end === text.length)) rows.push(row);
  return rows;
}
