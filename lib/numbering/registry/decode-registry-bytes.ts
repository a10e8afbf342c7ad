export type RegistryEncoding = 'utf-8' | 'windows-1251';

export type DecodedRegistry = { readonly text: string; readonly encoding: RegistryEncoding };

/**
 * Current files are UTF-8 with BOM, but older mirrors (and files re-saved by Excel on Windows) are
 * cp1251. Strict UTF-8 decoding fails on cp1251 Cyrillic, which is the cheapest reliable detector:
 * cp1251 text that happens to be valid UTF-8 would have to consist of pairs like "Р°", never seen in
 * operator names.
 */
export function decodeRegistryBytes(bytes: Uint8Array): DecodedRegistry {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('windows-1251').decode(bytes), encoding: 'windows-1251' };
  }
}
