/**
 * The registry's artifact format: packing a saved model's JSON (long number arrays as
 * typed binary) and unpacking it gives back exactly the JSON value it was given, nulls,
 * NaN, -0, whole numbers past int32 and short arrays included; a blob that is not one
 * is refused with a LitmlError.
 */
import { describe, expect, it } from "vitest";
import { packArtifact, unpackArtifact } from "../../src/state/artifact.js";

const json = (v: unknown) => JSON.parse(JSON.stringify(v)) as unknown;

describe("artifact", () => {
  it("round-trips every kind of array as its JSON value", () => {
    const long = (f: (i: number) => unknown) => Array.from({ length: 40 }, (_, i) => f(i));
    const value = {
      format: "litml-model",
      ints: long((i) => i * 3 - 50),
      floats: long((i) => Math.sin(i) * 1e-7),
      withNulls: long((i) => (i % 5 === 0 ? null : i / 7)),
      big: long((i) => 2 ** 40 + i),
      negativeZero: long((i) => (i === 3 ? -0 : i)),
      strings: long((i) => `s${i}`),
      short: [1, 2.5, null],
      nested: [{ a: long((i) => i), b: "x" }, [long((i) => i / 3)]],
      typed: Float64Array.from([0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1, 1.1, 1.2, 1.3, 1.4, 1.5, 1.6]),
    };
    const back = unpackArtifact(packArtifact(value)) as Record<string, unknown>;
    // The typed array comes back as the plain array JSON would have made of arrayOut().
    // -0 stays -0 (JSON text would have made it 0).
    expect(back).toEqual({ ...(json({ ...value, typed: undefined, negativeZero: undefined }) as object), typed: Array.from(value.typed), negativeZero: value.negativeZero });
    expect(Object.is((back.negativeZero as number[])[3], -0)).toBe(true);
  });

  it("keeps NaN beside null as JSON (no binary form tells them apart)", () => {
    const mixed = Array.from({ length: 20 }, (_, i) => (i === 0 ? null : i === 1 ? NaN : i));
    expect(unpackArtifact(packArtifact({ mixed }))).toEqual(json({ mixed }));
  });

  it("is smaller than the JSON text of a model made of floats", () => {
    const value = { w: Array.from({ length: 10_000 }, (_, i) => Math.cos(i) / 3) };
    expect(packArtifact(value).length).toBeLessThan(JSON.stringify(value).length / 2);
  });

  it("refuses a blob that is not an artifact, or is cut short", () => {
    expect(() => unpackArtifact(Buffer.from('{"format":"litml-model"}'))).toThrow(/not a litml artifact/);
    const blob = packArtifact({ w: Array.from({ length: 100 }, (_, i) => i / 3) });
    expect(() => unpackArtifact(blob.subarray(0, blob.length - 16))).toThrow(/cut short/);
  });
});
