/**
 * Registry extracts are ";"-separated with a Cyrillic header; MNP exports are ","-separated with Latin column names.
 * The first line tells them apart, so one `import` command (and one upload box) takes either.
 */
export function detectNumberingFile(head: Uint8Array): 'registry' | 'ported' {
  const firstLine = Buffer.from(head.subarray(0, 4096)).toString('latin1').split(/\r?\n/, 1)[0] ?? '';
  return /\b(OwnerId|RecipientId)\b/i.test(firstLine) ? 'ported' : 'registry';
}

/** Hands back the stream with the chunks read for detection put back in front. */
export async function peekChunks(
  chunks: AsyncIterable<Uint8Array>,
  bytes = 4096,
): Promise<{ head: Uint8Array; chunks: AsyncIterable<Uint8Array> }> {
  const iterator = chunks[Symbol.asyncIterator]();
  const taken: Uint8Array[] = [];
  let size = 0;
  let done = false;
  while (size < bytes) {
    const next = await iterator.next();
    if (next.done) {
      done = true;
      break;
    }
    taken.push(next.value);
    size += next.value.byteLength;
  }
  async function* replay(): AsyncIterable<Uint8Array> {
    try {
      yield* taken;
      for (;;) {
        if (done) return;
        const next = await iterator.next();
        done = next.done === true;
        if (!done) yield next.value;
      }
    } finally {
      // Left early (a refusal): close the source, so a request body is cancelled rather than read on.
      if (!done) await iterator.return?.();
    }
  }
  return { head: Buffer.concat(taken.map((c) => Buffer.from(c.buffer, c.byteOffset, c.byteLength))), chunks: replay() };
}
