/**
 * A stable name for each row of a labelling pool, under which its label is saved. A key
 * column (an id the data already has) is best when there is one. Otherwise the row's
 * content is hashed: the row number is not stable (the pool is reloaded, filtered,
 * re-ordered or grows), but a row's values are, so its label follows it into any copy of
 * the pool. Rows with equal values share a key and so a label, which is right for a
 * model: it cannot tell them apart either. The label column itself is left out of the
 * hash, so filling it in does not change the row's name.
 */
import type { Dataset } from "../data/dataset.js";
import { message } from "../messages.js";
import { shortHash } from "../util/hash.js";

export function rowKeys(analysis: string, pool: Dataset, options: { key?: string; exclude?: readonly string[] } = {}): string[] {
  const keys: string[] = [];
  if (options.key !== undefined) {
    const seen = new Set<string>();
    for (let r = 0; r < pool.nRows; r++) {
      const key = String(pool.get(r, options.key));
      if (seen.has(key)) throw message.duplicateKey(analysis, options.key, key);
      seen.add(key);
      keys.push(key);
    }
    return keys;
  }
  const names = pool.names.filter((name) => !options.exclude?.includes(name));
  for (let r = 0; r < pool.nRows; r++) {
    const values = names.map((name) => {
      const value = pool.get(r, name);
      return value instanceof Date ? value.toISOString() : value;
    });
    keys.push(shortHash(JSON.stringify(names), JSON.stringify(values)));
  }
  return keys;
}
