/**
 * @file Bytes to text for read_csv, chunk by chunk: UTF-8 (BOM dropped, bad bytes raise Python's
 * UnicodeDecodeError) and the legacy encodings Chinese students' files use (GBK, GB18030, GB2312) via iconv-lite.
 */
import iconv from 'iconv-lite';
import { PyError } from '../errors';

export interface ChunkDecoder {
  /** Text for the next bytes; a character split across calls is completed by the next call. */
  write(bytes: Uint8Array): string;
  end(): string;
}

const UTF8 = new Set(['utf-8', 'utf8', 'utf_8', 'u8', 'utf-8-sig', 'utf_8_sig']);

export function makeDecoder(encoding: string | undefined): ChunkDecoder {
  const enc = (encoding ?? 'utf-8').toLowerCase().replace(/_/g, '-');
  if (UTF8.has(enc) || UTF8.has(enc.replace(/-/g, '_'))) return utf8Decoder();
  if (!iconv.encodingExists(enc)) throw new PyError('LookupError', `unknown encoding: ${encoding}`);
  const dec = iconv.getDecoder(enc, { stripBOM: true });
  return {
    // iconv-lite decoders index bytes, so a Uint8Array serves where its types say Buffer (no Node global here).
    write: (b) => dec.write(b as Parameters<typeof dec.write>[0]),
    end: () => dec.end() ?? '',
  };
}

function utf8Decoder(): ChunkDecoder {
  const td = new TextDecoder('utf-8', { fatal: true });
  let offset = 0;
  let pending: Uint8Array = new Uint8Array(0);
  const fail = (bytes: Uint8Array, base: number): never => {
    throw new PyError('UnicodeDecodeError', utf8ErrorMessage(bytes, base));
  };
  return {
    write(bytes) {
      const all = pending.length ? concat(pending, bytes) : bytes;
      const base = offset - pending.length;
      try {
        const s = td.decode(bytes, { stream: true });
        // Keep the last few bytes in case the error is only visible once the next chunk arrives.
        pending = all.subarray(Math.max(0, all.length - 3));
        offset += bytes.length;
        return s;
      } catch {
        return fail(all, base);
      }
    },
    end() {
      try {
        return td.decode();
      } catch {
        return fail(pending, offset - pending.length);
      }
    },
  };
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a); out.set(b, a.length);
  return out;
}

/**
 * Python's message for the first bad UTF-8 sequence in bytes (positions counted from `base`), e.g.
 * `'utf-8' codec can't decode byte 0xb9 in position 6: invalid start byte`.
 */
export function utf8ErrorMessage(bytes: Uint8Array, base: number): string {
  const hex = (b: number): string => '0x' + b.toString(16).padStart(2, '0');
  const head = "'utf-8' codec can't decode";
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    if (b < 0x80) { i++; continue; }
    let need: number; let lo = 0x80; let hi = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) { need = 2; if (b === 0xe0) lo = 0xa0; if (b === 0xed) hi = 0x9f; }
    else if (b >= 0xf0 && b <= 0xf4) { need = 3; if (b === 0xf0) lo = 0x90; if (b === 0xf4) hi = 0x8f; }
    else return `${head} byte ${hex(b)} in position ${base + i}: invalid start byte`;
    let k = 1;
    for (; k <= need; k++) {
      if (i + k >= bytes.length) {
        const span = k === 1 ? `byte ${hex(b)} in position ${base + i}` : `bytes in position ${base + i}-${base + i + k - 1}`;
        return `${head} ${span}: unexpected end of data`;
      }
      const c = bytes[i + k];
      const ok = k === 1 ? c >= lo && c <= hi : c >= 0x80 && c <= 0xbf;
      if (!ok) {
        const span = k === 1 ? `byte ${hex(b)} in position ${base + i}` : `bytes in position ${base + i}-${base + i + k - 1}`;
        return `${head} ${span}: invalid continuation byte`;
      }
    }
    i += k;
  }
  return `${head} bytes: invalid data`;
}
