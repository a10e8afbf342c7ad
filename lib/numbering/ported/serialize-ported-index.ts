import { AppError } from '../../errors/app-error';
import {
  BLOCK_SIZE,
  CODES,
  freezePortedIndex,
  MAX_ENTRIES,
  MAX_OWNERS,
  OwnerTable,
  PAGE_SLOTS,
  type PortedIndex,
} from './ported-index-layout';

/**
 * Byte layout, version 1 (all little-endian):
 *   0  "PNIX"            magic
 *   4  u32 version       1
 *   8  u32 count         ported numbers (< 2³¹)
 *  12  u32 slots         pages × 1000
 *  16  u32 ownerBytes    length of the owner list (UTF-8 JSON array of owner ids)
 *  20  12 bytes          reserved, zero
 *  32  i32[1000]         pages
 *      i32[slots + 1]    offsets
 *      u16[count]        rests
 *      u8[count]         owner slots
 *      owner list
 * Every section starts 4-byte aligned (32 + 4,000 + 4 × (slots + 1) is a multiple of 4), so a reader
 * can put typed-array views straight over the bytes. Owner ИНН are not stored: they are derived from
 * carriers.ts on load, so an index written before an owner id was known still gets its ИНН.
 */
const MAGIC = [0x50, 0x4e, 0x49, 0x58];
const VERSION = 1;
const HEADER_BYTES = 32;
const PAGES_BYTES = CODES * 4;

/** The index as one byte array (a copy of its arrays: ~3 bytes per number), for storage. */
export function serializePortedIndex(index: PortedIndex): Uint8Array {
  assertLittleEndian();
  const ownerBytes = new TextEncoder().encode(JSON.stringify(index.owners.map((owner) => owner.ownerId)));
  const slots = index.offsets.length - 1;
  const layout = sections(index.count, slots, ownerBytes.length);
  const bytes = new Uint8Array(layout.total);
  bytes.set(MAGIC, 0);
  const header = new DataView(bytes.buffer);
  header.setUint32(4, VERSION, true);
  header.setUint32(8, index.count, true);
  header.setUint32(12, slots, true);
  header.setUint32(16, ownerBytes.length, true);
  bytes.set(asBytes(index.pages), HEADER_BYTES);
  bytes.set(asBytes(index.offsets), layout.offsets);
  bytes.set(asBytes(index.rests.subarray(0, index.count)), layout.rests);
  bytes.set(index.ownerSlots.subarray(0, index.count), layout.ownerSlots);
  bytes.set(ownerBytes, layout.owners);
  return bytes;
}

/**
 * Reads bytes written by `serializePortedIndex`. The result's arrays are views over `bytes` (no copy;
 * keep `bytes` unmodified while the index is in use) — unless `bytes` does not start on a 4-byte
 * boundary of its buffer (e.g. a slice of Node's shared Buffer pool), when it is copied once. Every
 * length and invariant lookups rely on is checked, so a truncated or corrupt file throws
 * AppError('INVALID_INPUT') instead of answering wrongly.
 */
export function deserializePortedIndex(bytes: Uint8Array): PortedIndex {
  assertLittleEndian();
  if (!(bytes instanceof Uint8Array) || bytes.length < HEADER_BYTES + PAGES_BYTES)
    corrupt(`${bytes?.length ?? 0} bytes is shorter than the header`);
  if (MAGIC.some((byte, i) => bytes[i] !== byte)) corrupt('not a ported-number index (bad magic bytes)');
  // new Uint8Array(bytes), not bytes.slice(): on a Node Buffer slice() is a view, still misaligned.
  const aligned = bytes.byteOffset % 4 === 0 ? bytes : new Uint8Array(bytes);
  const header = new DataView(aligned.buffer, aligned.byteOffset, HEADER_BYTES);
  const version = header.getUint32(4, true);
  if (version !== VERSION) corrupt(`format version ${version}, this code reads version ${VERSION}`);
  const count = header.getUint32(8, true);
  if (count > MAX_ENTRIES) corrupt(`${count} numbers is more than an index holds`);
  const slots = header.getUint32(12, true);
  const ownerByteCount = header.getUint32(16, true);
  if (slots % PAGE_SLOTS !== 0 || slots > CODES * PAGE_SLOTS)
    corrupt(`${slots} offset slots is not a whole number of pages`);
  const layout = sections(count, slots, ownerByteCount);
  if (layout.total !== aligned.length)
    corrupt(`expected ${layout.total} bytes for ${count} numbers, got ${aligned.length}`);

  const base = aligned.byteOffset;
  const pages = new Int32Array(aligned.buffer, base + HEADER_BYTES, CODES);
  const offsets = new Int32Array(aligned.buffer, base + layout.offsets, slots + 1);
  const rests = new Uint16Array(aligned.buffer, base + layout.rests, count);
  const ownerSlots = new Uint8Array(aligned.buffer, base + layout.ownerSlots, count);
  const owners = readOwners(aligned.subarray(layout.owners, layout.owners + ownerByteCount));
  checkPages(pages, slots);
  checkEntries(offsets, rests, count);
  for (let i = 0; i < count; i += 1)
    if (ownerSlots[i]! >= owners.length) corrupt(`owner slot ${ownerSlots[i]} at entry ${i} has no owner`);
  return freezePortedIndex({ kind: 'ported-index', count, pages, offsets, rests, ownerSlots, owners });
}

function sections(count: number, slots: number, ownerBytes: number) {
  const offsets = HEADER_BYTES + PAGES_BYTES;
  const rests = offsets + 4 * (slots + 1);
  const ownerSlots = rests + 2 * count;
  const owners = ownerSlots + count;
  return { offsets, rests, ownerSlots, owners, total: owners + ownerBytes };
}

function checkPages(pages: Int32Array, slots: number): void {
  let next = 0;
  for (let code = 0; code < CODES; code += 1) {
    const page = pages[code]!;
    if (page === -1) continue;
    if (page !== next) corrupt(`page of code ${code} starts at slot ${page}, expected ${next}`);
    next += PAGE_SLOTS;
  }
  if (next !== slots) corrupt(`pages cover ${next} slots, header says ${slots}`);
}

function checkEntries(offsets: Int32Array, rests: Uint16Array, count: number): void {
  if (offsets[0] !== 0 || offsets[offsets.length - 1] !== count) corrupt('offsets do not span the entries');
  for (let slot = 0; slot + 1 < offsets.length; slot += 1) {
    const from = offsets[slot]!;
    const to = offsets[slot + 1]!;
    if (to < from || to - from > BLOCK_SIZE) corrupt(`block ${slot} has an invalid entry range ${from}–${to}`);
    for (let i = from; i < to; i += 1) {
      if (rests[i]! >= BLOCK_SIZE || (i > from && rests[i]! <= rests[i - 1]!))
        corrupt(`block ${slot} is not sorted at entry ${i}`);
    }
  }
}

function readOwners(bytes: Uint8Array): OwnerTable['owners'] {
  let ids: unknown;
  try {
    ids = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    corrupt('the owner list is not valid UTF-8 JSON');
  }
  if (!Array.isArray(ids) || ids.length > MAX_OWNERS || !ids.every((id) => typeof id === 'string'))
    corrupt('the owner list is not an array of owner ids');
  const table = new OwnerTable();
  (ids as string[]).forEach((id, slot) => {
    if (id.trim() === '' || table.slotOf(id) !== slot) corrupt(`owner id ${JSON.stringify(id)} is empty or repeated`);
  });
  return table.owners;
}

function asBytes(array: Int32Array | Uint32Array | Uint16Array): Uint8Array {
  return new Uint8Array(array.buffer, array.byteOffset, array.byteLength);
}

/** The arrays are written in platform byte order; every platform Node ships for is little-endian. */
function assertLittleEndian(): void {
  if (new Uint8Array(new Uint16Array([1]).buffer)[0] !== 1)
    throw new AppError('UNAVAILABLE', 'Ported-number indexes need a little-endian CPU.');
}

function corrupt(reason: string): never {
  throw new AppError('INVALID_INPUT', `Corrupt ported-number index: ${reason}.`);
}
