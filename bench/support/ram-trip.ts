import { medianMs } from './median-ms';
import { createRandom } from './synthetic-ported';

/**
 * What one trip to RAM costs on this machine, for reading the lookup figures: a lookup of a number that is not in the
 * CPU caches must read the ported index once, so a loop of lookups cannot beat 1 / (trip − what the CPU overlaps).
 * `dependentNs`: each read's address depends on the previous value (no overlap: the latency); `independentNs`:
 * addresses known in advance (as many reads in flight as the CPU allows).
 */
export function ramTrip(bytes: number): { dependentNs: number; independentNs: number; checksum: number } {
  const words = new Int32Array(bytes >>> 2);
  const random = createRandom(5);
  // A random cycle through the array (Sattolo), so following it visits every word once, in an order no prefetcher
  // guesses.
  for (let i = 0; i < words.length; i += 1) words[i] = i;
  for (let i = words.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * i);
    const swap = words[i]!;
    words[i] = words[j]!;
    words[j] = swap;
  }
  const reads = 2_000_000;
  let at = 0;
  const dependentMs = medianMs(3, () => {
    for (let i = 0; i < reads; i += 1) at = words[at]!;
  });
  const addresses = new Int32Array(reads);
  for (let i = 0; i < reads; i += 1) addresses[i] = Math.floor(random() * words.length);
  let sum = 0;
  const independentMs = medianMs(3, () => {
    for (let i = 0; i < reads; i += 1) sum ^= words[addresses[i]!]!;
  });
  // The caller consumes the checksum, so the reads cannot be optimised away.
  return { dependentNs: (dependentMs * 1e6) / reads, independentNs: (independentMs * 1e6) / reads, checksum: at ^ sum };
}
