/**
 * `litml.expect(value, "what it is")`: the assertions an exercise's checks are written
 * with. A failed expectation does not throw: every check of a cell runs and prints one
 * line, passed or failed and why, so a student sees all of them at once and the grader
 * can count them (it reads the lines in the check cell's output; see grade.ts). The
 * matchers return nothing, so a check cell's last line adds no stray `true` to its output.
 */
import { message } from "../messages.js";
import { report } from "./check.js";

function show(value: unknown): string {
  if (typeof value === "number") return Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(4)));
  if (typeof value === "string") return JSON.stringify(value);
  if (value === undefined) return "undefined";
  if (typeof value === "function") return "a function";
  try {
    const text = JSON.stringify(value) ?? String(value);
    return text.length > 80 ? `${text.slice(0, 77)}…` : text;
  } catch {
    return String(value);
  }
}

function deepEqual(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b) || ArrayBuffer.isView(a) !== ArrayBuffer.isView(b)) return false;
  const keysA = Object.keys(a);
  const keysB = Object.keys(b);
  if (keysA.length !== keysB.length) return false;
  return keysA.every((k) => Object.prototype.hasOwnProperty.call(b, k) && deepEqual((a as never)[k], (b as never)[k]));
}

export class Expectation {
  constructor(
    readonly value: unknown,
    readonly label: string,
  ) {}

  /** `is`: the demand met ("is at least 2"); `should`: the same demand unmet ("be at least 2"). */
  private judge(passed: boolean, is: string, should: string, exact = false): void {
    // An exact match passed needs no "(it is 6)": the demand already says the value.
    const value = exact ? "" : ` (it is ${show(this.value)})`;
    report(passed, passed ? `${this.label} ${is}${value}` : `${this.label} should ${should}, but it is ${show(this.value)}`);
  }

  private numeric(demand: string, test: (x: number) => boolean): void {
    const ok = typeof this.value === "number" && !Number.isNaN(this.value) && test(this.value);
    const kind = typeof this.value === "number" ? "" : " (a number)";
    return this.judge(ok, `is ${demand}`, `be ${demand}${kind}`);
  }

  /** The same value (Object.is: NaN is NaN, and objects must be the same object). */
  toBe(expected: unknown): void {
    return this.judge(Object.is(this.value, expected), `is ${show(expected)}`, `be ${show(expected)}`, true);
  }
  /** Equal element by element (arrays, typed arrays, plain objects). */
  toEqual(expected: unknown): void {
    return this.judge(deepEqual(this.value, expected), `equals ${show(expected)}`, `equal ${show(expected)}`, true);
  }
  toBeCloseTo(expected: number, tolerance = 1e-6): void {
    return this.numeric(`within ${show(tolerance)} of ${show(expected)}`, (x) => Math.abs(x - expected) <= tolerance);
  }
  toBeGreaterThan(bound: number): void {
    return this.numeric(`greater than ${show(bound)}`, (x) => x > bound);
  }
  toBeLessThan(bound: number): void {
    return this.numeric(`less than ${show(bound)}`, (x) => x < bound);
  }
  toBeAtLeast(bound: number): void {
    return this.numeric(`at least ${show(bound)}`, (x) => x >= bound);
  }
  toBeAtMost(bound: number): void {
    return this.numeric(`at most ${show(bound)}`, (x) => x <= bound);
  }
  toBeBetween(low: number, high: number): void {
    return this.numeric(`between ${show(low)} and ${show(high)}`, (x) => x >= low && x <= high);
  }
  /** An array, string or set that holds `item`. */
  toContain(item: unknown): void {
    const v = this.value;
    const ok = typeof v === "string" ? typeof item === "string" && v.includes(item) : Array.isArray(v) ? v.some((x) => deepEqual(x, item)) : v instanceof Set ? v.has(item) : false;
    return this.judge(ok, `contains ${show(item)}`, `contain ${show(item)}`);
  }
  /** Any rule of your own; `description` says what it demands, starting with "is" or "has" ("is a probability"). */
  toSatisfy(predicate: (value: unknown) => boolean, description: string): void {
    let ok = false;
    try {
      ok = predicate(this.value) === true;
    } catch {
      ok = false;
    }
    return this.judge(ok, description, description.replace(/^is /, "be ").replace(/^has /, "have "));
  }
}

export function expect(value: unknown, label?: string): Expectation {
  if (label !== undefined && typeof label !== "string") throw message.badOption("expect", "label", label, "a string naming the value checked");
  return new Expectation(value, label ?? "the value");
}
