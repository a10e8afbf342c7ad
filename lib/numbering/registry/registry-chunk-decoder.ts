import type { RegistryEncoding } from './decode-registry-bytes';

export type RegistryChunkDecoderOptions = {
  /**
   * Bytes to look at before choosing the encoding. A first chunk may be tiny (a network read can
   * return a few bytes), and a header-less cp1251 file starts with ASCII digits, so the decision
   * waits until this much has arrived or the file ends. 4 KiB of a registry holds ~20 operator names.
   */
  readonly sniffBytes?: number;
};

const UTF8_BOM = [0xef, 0xbb, 0xbf] as const;
const DEFAULT_SNIFF_BYTES = 4096;

/** Decodes a registry file chunk by chunk, choosing UTF-8 or windows-1251 from its first bytes. */
export function createRegistryChunkDecoder(options: RegistryChunkDecoderOptions = {}): RegistryChunkDecoder {
  return new RegistryChunkDecoder(options.sniffBytes ?? DEFAULT_SNIFF_BYTES);
}

export class RegistryChunkDecoder {
  private decoder: TextDecoder | null = null;
  private chosen: RegistryEncoding | null = null;
  private sniffed: Uint8Array[] = [];
  private sniffedBytes = 0;

  constructor(private readonly sniffBytes: number) {}

  /** The encoding chosen; 'utf-8' before any byte arrived (an empty file decodes the same either way). */
  get encoding(): RegistryEncoding {
    return this.chosen ?? 'utf-8';
  }

  /** Text decoded so far; a multibyte character cut by the chunk boundary is completed by the next chunk. */
  write(chunk: Uint8Array): string {
    if (this.decoder) return this.decoder.decode(chunk, { stream: true });
    // Copied (Buffer#slice would only be a view): some sources reuse their buffer for the next read.
    this.sniffed.push(new Uint8Array(chunk));
    this.sniffedBytes += chunk.byteLength;
    return this.sniffedBytes >= this.sniffBytes ? this.choose() : '';
  }

  end(): string {
    const rest = this.decoder ? '' : this.choose();
    return rest + this.decoder!.decode();
  }

  private choose(): string {
    const head = concat(this.sniffed, this.sniffedBytes);
    this.sniffed = [];
    this.chosen = pickEncoding(head);
    // Not fatal past the sniffed bytes: one damaged byte deep in the file becomes U+FFFD in one row,
    // which the parser reports, instead of failing a file whose routing data (digits) is intact.
    this.decoder = new TextDecoder(this.chosen);
    return this.decoder.decode(head, { stream: true });
  }
}

/**
 * Current files are UTF-8 with BOM; older mirrors and files re-saved by Excel on Windows are cp1251.
 * Strict UTF-8 fails on cp1251 Cyrillic, which makes it the cheapest reliable detector (cp1251 text
 * that is valid UTF-8 would need pairs like "Р°", never seen in operator names). Stream mode keeps a
 * multibyte character cut at the end of `head` from counting as invalid.
 */
function pickEncoding(head: Uint8Array): RegistryEncoding {
  if (head[0] === UTF8_BOM[0] && head[1] === UTF8_BOM[1] && head[2] === UTF8_BOM[2]) return 'utf-8';
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: true });
    return 'utf-8';
  } catch {
    return 'windows-1251';
  }
}

function concat(chunks: readonly Uint8Array[], length: number): Uint8Array {
  if (chunks.length === 1) return chunks[0]!;
  const joined = new Uint8Array(length);
  let offset = 0;
  for (const chunk of chunks) {
    joined.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return joined;
}
