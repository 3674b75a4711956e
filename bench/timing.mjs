// Wall-clock timing for the benchmarks: one run, or the fastest of several (the least disturbed by other work).
export async function time(fn) {
  const began = performance.now();
  const value = await fn();
  return [(performance.now() - began) / 1000, value];
}

export async function best(runs, fn) {
  let fastest = Infinity;
  let value;
  for (let r = 0; r < runs; r++) {
    const [seconds, v] = await time(fn);
    if (seconds < fastest) [fastest, value] = [seconds, v];
  }
  return [fastest, value];
}
