/** Median wall time (ms) of `repeats` runs, after one warm-up run so the JIT has compiled the code under test. */
export function medianMs(repeats: number, run: () => void): number {
  run();
  const times: number[] = [];
  for (let i = 0; i < repeats; i += 1) {
    const start = performance.now();
    run();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}
