/** The words of a slices result: which slices are worse than the whole, and how sure. */
import { formatFigures } from "../../display/format.js";
import type { Verdict } from "../../result.js";
import type { Slice, SlicesData } from "./types.js";

export function slicesVerdict(d: SlicesData): { verdict: Verdict; notes: string[] } {
  const worse = d.slices.filter((s) => s.status === "worse");
  const small = d.slices.filter((s) => s.status === "too small").length;
  const by = d.by.join(" × ");
  const describe = (s: Slice) => `${by} = ${s.label}: ${formatFigures(s.value)} (interval ${formatFigures(s.low)} to ${formatFigures(s.high)}, n = ${s.n.toLocaleString("en-US")})`;
  const smallNote = small ? ` ${small} slice${small > 1 ? "s are" : " is"} too small to judge.` : "";
  const weighted = d.weight ? `weighted ${d.metric} (by ${d.weight})` : d.metric;
  const notes = [...d.encoding];
  if (worse.length === 0) {
    const weakest = d.slices.find((s) => s.status === "ok");
    return {
      verdict: {
        level: "ok",
        text: `No slice is significantly worse than the overall ${weighted} of ${formatFigures(d.overall)} after a ${d.correction}${weakest ? `; the weakest, ${describe(weakest)}, is within the noise` : ""}.${smallNote}`,
      },
      notes,
    };
  }
  return {
    verdict: {
      level: "warn",
      text: `${worse.length === 1 ? "One slice is" : "Some slices are"} significantly worse than the overall ${weighted} of ${formatFigures(d.overall)} (${d.correction}): ${worse.length} of ${d.slices.length}; worst: ${worse.slice(0, 3).map(describe).join("; ")}.${smallNote}`,
    },
    notes,
  };
}
