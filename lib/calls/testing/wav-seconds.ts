/** Seconds of audio in a WAV file, from its header's byte rate (MixMonitor writes 8 kHz 16-bit mono). */
export function wavSeconds(file: Buffer): number {
  if (file.subarray(0, 4).toString('latin1') !== 'RIFF') throw new Error('not a WAV file');
  return (file.length - 44) / file.readUInt32LE(28);
}
