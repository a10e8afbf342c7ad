import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { AppError } from '../../errors/app-error';
import { decodeRegistryBytes, type RegistryEncoding } from '../registry';
import { parseRegistry, type ParsedRegistry } from '../registry';

/** What the admin page shows about the registry in use, and what logs record on every reload. */
export type RegistryVersion = {
  readonly fileName: string;
  readonly sha256: string;
  readonly bytes: number;
  readonly encoding: RegistryEncoding;
  /** Accepted rows. */
  readonly rows: number;
  /** Rows rejected with `severity: 'error'`; warnings are counted separately. */
  readonly errors: number;
  readonly warnings: number;
  readonly loadedAt: string;
};

export type LoadedRegistry = { readonly registry: ParsedRegistry; readonly version: RegistryVersion };

export type LoadRegistryFileOptions = { readonly now?: () => Date };

/** The full ABC+DEF registry is ~450k rows (tens of MB); anything far larger is not a registry. */
const MAX_BYTES = 128 * 1024 * 1024;

/** The registry shipped with the app; Next.js and the scripts both run from the project root. */
export function bundledRegistryPath(root: string = process.cwd()): string {
  return path.join(root, 'data', 'registry', 'DEF-9xx.csv');
}

/**
 * The only I/O of the numbering module: reads, decodes and parses one registry file. Row problems are
 * returned in `registry.errors`, not thrown; only a missing, unreadable or absurdly large file throws.
 */
export async function loadRegistryFile(
  filePath: string,
  { now = () => new Date() }: LoadRegistryFileOptions = {},
): Promise<LoadedRegistry> {
  const fileName = path.basename(filePath);
  let bytes: Buffer;
  try {
    const info = await stat(filePath);
    if (!info.isFile()) throw new AppError('INVALID_INPUT', `Numbering registry "${fileName}" is not a file.`);
    if (info.size > MAX_BYTES) {
      throw new AppError(
        'INVALID_INPUT',
        `Numbering registry "${fileName}" is ${info.size} bytes; a registry extract is far smaller.`,
      );
    }
    bytes = await readFile(filePath);
  } catch (cause) {
    if (AppError.is(cause)) throw cause;
    const code = (cause as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new AppError('NOT_FOUND', `Numbering registry file not found: ${filePath}`);
    throw new AppError('UNAVAILABLE', `Cannot read numbering registry ${filePath}: ${(cause as Error).message}`);
  }
  const { text, encoding } = decodeRegistryBytes(bytes);
  const registry = parseRegistry(text, { fileName });
  const version: RegistryVersion = Object.freeze({
    fileName,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    bytes: bytes.length,
    encoding,
    rows: registry.stats.acceptedRows,
    errors: registry.stats.rejectedRows,
    warnings: registry.stats.warnings,
    loadedAt: now().toISOString(),
  });
  return { registry, version };
}
