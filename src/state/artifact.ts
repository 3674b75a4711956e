/**
 * A saved model as one compact, versioned blob: the model's own `toJSON()` (what
 * `loadPipeline`/`loadModel` read) with every long array of numbers moved out of the
 * JSON into a binary section of typed arrays. A fitted GBDT is mostly such arrays
 * (per-tree features, thresholds, children, leaf values); as JSON text every float
 * costs ~18 bytes and a parse, as Float64 it costs 8 and a copy.
 *
 * Layout: "LITMLART" · u32 format version · u32 header bytes · header JSON (UTF-8) ·
 * zero padding to 8 · the arrays (little-endian, as on every platform Node runs on), each 8-aligned. An array in the header becomes
 * `{ "$litmlBinary": [type, offset, length] }` with type "i32" (whole numbers that fit),
 * "f64", or "f64n" (nulls stored as NaN, for arrays that hold null and no NaN). Unpacking
 * gives the same plain JSON value back, so the loaders never know.
 */
import { message } from "../messages.js";

const MAGIC = "LITMLART";
export const ARTIFACT_VERSION = 1;
const MIN_LENGTH = 16;
const KEY = "$litmlBinary";

type ArrayType = "i32" | "f64" | "f64n";

interface Chunk {
  readonly type: ArrayType;
  readonly values: ArrayLike<number | null>;
  readonly offset: number;
}

function kindOf(values: readonly unknown[]): ArrayType | undefined {
  let whole = true;
  let nulls = false;
  let nan = false;
  for (const v of values) {
    if (v === null) {
      nulls = true;
      whole = false;
    } else if (typeof v !== "number") return undefined;
    else if (Number.isNaN(v)) {
      nan = true;
      whole = false;
    } else if (whole && (!Number.isInteger(v) || v < -2147483648 || v > 2147483647 || Object.is(v, -0))) whole = false;
  }
  if (nulls) return nan ? undefined : "f64n";
  return whole ? "i32" : "f64";
}

/** The blob of a JSON-able value (typed arrays inside it are taken as arrays of numbers). */
export function packArtifact(value: unknown): Buffer {
  const chunks: Chunk[] = [];
  let bytes = 0;
  const take = (type: ArrayType, values: ArrayLike<number | null>) => {
    bytes = Math.ceil(bytes / 8) * 8;
    const chunk = { type, values, offset: bytes };
    chunks.push(chunk);
    bytes += values.length * (type === "i32" ? 4 : 8);
    return { [KEY]: [type, chunk.offset, values.length] };
  };
  const walk = (v: unknown): unknown => {
    if (v === null || typeof v !== "object") return v;
    if (ArrayBuffer.isView(v) && !(v instanceof DataView)) {
      const values = Array.from(v as unknown as ArrayLike<number>, Number);
      return walk(values);
    }
    const withJSON = v as { toJSON?: () => unknown };
    if (typeof withJSON.toJSON === "function" && !Array.isArray(v)) return walk(withJSON.toJSON());
    if (Array.isArray(v)) {
      const type = v.length >= MIN_LENGTH ? kindOf(v) : undefined;
      return type ? take(type, v as (number | null)[]) : v.map(walk);
    }
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) if (x !== undefined) out[k] = walk(x);
    return out;
  };
  const header = Buffer.from(JSON.stringify(walk(value)), "utf8");
  const start = Math.ceil((16 + header.length) / 8) * 8;
  // An ArrayBuffer of its own (offset 0), so the 8-aligned chunks can be written through typed views.
  const buffer = new ArrayBuffer(start + Math.ceil(bytes / 8) * 8);
  const out = Buffer.from(buffer);
  out.write(MAGIC, 0, "latin1");
  out.writeUInt32LE(ARTIFACT_VERSION, 8);
  out.writeUInt32LE(header.length, 12);
  header.copy(out, 16);
  for (const { type, values, offset } of chunks) {
    if (type === "i32") new Int32Array(buffer, start + offset, values.length).set(values as ArrayLike<number>);
    else if (type === "f64") new Float64Array(buffer, start + offset, values.length).set(values as ArrayLike<number>);
    else {
      const view = new Float64Array(buffer, start + offset, values.length);
      for (let i = 0; i < values.length; i++) view[i] = values[i] ?? NaN;
    }
  }
  return out;
}

/** The JSON value a blob was packed from. */
export function unpackArtifact(blob: Uint8Array): unknown {
  const bytes = Buffer.from(blob.buffer, blob.byteOffset, blob.byteLength);
  if (bytes.length < 16 || bytes.toString("latin1", 0, 8) !== MAGIC) throw message.badSavedModel("it is not a litml artifact (no LITMLART header)");
  const version = bytes.readUInt32LE(8);
  if (version !== ARTIFACT_VERSION) throw message.badSavedModel(`it is artifact format version ${version}; this litml reads version ${ARTIFACT_VERSION}`);
  const headerLength = bytes.readUInt32LE(12);
  const start = Math.ceil((16 + headerLength) / 8) * 8;
  if (16 + headerLength > bytes.length) throw message.badSavedModel("the artifact is cut short");
  // One aligned copy of the binary section, so typed arrays can view it directly.
  const body = new Uint8Array(bytes.length - start);
  body.set(bytes.subarray(start));
  const header = JSON.parse(bytes.toString("utf8", 16, 16 + headerLength)) as unknown;
  const walk = (v: unknown): unknown => {
    if (v === null || typeof v !== "object") return v;
    if (Array.isArray(v)) return v.map(walk);
    const ref = (v as Record<string, unknown>)[KEY] as [ArrayType, number, number] | undefined;
    if (ref) {
      const [type, offset, length] = ref;
      if (offset + length * (type === "i32" ? 4 : 8) > body.length) throw message.badSavedModel("the artifact is cut short");
      if (type === "i32") return Array.from(new Int32Array(body.buffer, offset, length));
      const view = new Float64Array(body.buffer, offset, length);
      return type === "f64n" ? Array.from(view, (x) => (Number.isNaN(x) ? null : x)) : Array.from(view);
    }
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) out[k] = walk(x);
    return out;
  };
  return walk(header);
}
