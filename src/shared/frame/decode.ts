/**
 * @file Bytes to text for read_csv, chunk by chunk: UTF-8 (BOM dropped, bad bytes raise Python's
 * UnicodeDecodeError) and the legacy encodings Chinese students' files use (GBK, GB18030, GB2312, Big5).
 *
 * [Note: no iconv in the core] The platform's TextDecoder knows these encodings (WHATWG's gbk decoder is the
 * GB18030 one, a superset of GBK) in browsers, workers, Node and Electron alike. iconv-lite would need Node's
 * Buffer, which the engine's browser build does not have (its safer-buffer dependency crashes the worker).
 */
import { PyError } from '../errors';

export interface ChunkDecoder {
  /** Text for the next bytes; a character split across calls is completed by the next call. */
  write(bytes: Uint8Array): string;
  end(): string;
}

/** Python codec names (normalized: lower case, '_' as '-') to the WHATWG label and the name Python reports. */
const CODECS: Record<string, [label: string, pyName: string]> = {
  'utf-8': ['utf-8', 'utf-8'], utf8: ['utf-8', 'utf-8'], u8: ['utf-8', 'utf-8'], 'utf-8-sig': ['utf-8', 'utf-8'],
  gbk: ['gbk', 'gbk'], cp936: ['gbk', 'gbk'], '936': ['gbk', 'gbk'], ms936: ['gbk', 'gbk'],
  gb2312: ['gbk', 'gb2312'], 'gb-2312': ['gbk', 'gb2312'], euc_cn: ['gbk', 'gb2312'], 'euc-cn': ['gbk', 'gb2312'],
  gb18030: ['gb18030', 'gb18030'], 'gb-18030': ['gb18030', 'gb18030'],
  big5: ['big5', 'big5'], 'big5-tw': ['big5', 'big5'], cp950: ['big5', 'big5'],
  'shift-jis': ['shift_jis', 'shift_jis'], 'shift_jis': ['shift_jis', 'shift_jis'], sjis: ['shift_jis', 'shift_jis'],
  cp1252: ['windows-1252', 'cp1252'], 'windows-1252': ['windows-1252', 'cp1252'],
  'utf-16': ['utf-16le', 'utf-16'], 'utf-16le': ['utf-16le', 'utf-16-le'], 'utf-16be': ['utf-16be', 'utf-16-be'],
};
const LATIN1 = new Set(['latin1', 'latin-1', 'iso-8859-1', 'iso8859-1', '8859', 'cp819', 'l1']);

export function makeDecoder(encoding: string | undefined): ChunkDecoder {
  const enc = (encoding ?? 'utf-8').toLowerCase().replace(/_/g, '-');
  if (LATIN1.has(enc)) return latin1Decoder();
  const codec = CODECS[enc] ?? CODECS[enc.replace(/-/g, '')];
  if (!codec) throw new PyError('LookupError', `unknown encoding: ${encoding}`);
  if (codec[0] === 'utf-8') return utf8Decoder();
  return legacyDecoder(codec[0], codec[1]);
}

/** Python's latin-1 maps every byte to the code point of the same number (WHATWG's label means cp1252). */
function latin1Decoder(): ChunkDecoder {
  return {
    write(bytes) {
      let s = '';
      for (let i = 0; i < bytes.length; i += 8192) s += String.fromCharCode(...bytes.subarray(i, i + 8192));
      return s;
    },
    end: () => '',
  };
}

function legacyDecoder(label: string, pyName: string): ChunkDecoder {
  const td = new TextDecoder(label, { fatal: true });
  let offset = 0;
  return {
    write(bytes) {
      try {
        const s = td.decode(bytes, { stream: true });
        offset += bytes.length;
        return s;
      } catch {
        const at = label === 'gbk' || label === 'gb18030' ? firstBadGbk(bytes) : 0;
        throw new PyError('UnicodeDecodeError', `'${pyName}' codec can't decode byte 0x${bytes[at].toString(16).padStart(2, '0')} in position ${offset + at}: illegal multibyte sequence`);
      }
    },
    end() {
      try {
        return td.decode();
      } catch {
        throw new PyError('UnicodeDecodeError', `'${pyName}' codec can't decode bytes in position ${offset - 1}-${offset}: incomplete multibyte sequence`);
      }
    },
  };
}

/** The first byte of bytes that does not start a valid GBK/GB18030 character (0 if none is found). */
function firstBadGbk(b: Uint8Array): number {
  const inRange = (x: number, lo: number, hi: number): boolean => x >= lo && x <= hi;
  for (let i = 0; i < b.length;) {
    const c = b[i];
    if (c < 0x80) { i++; continue; }
    if (!inRange(c, 0x81, 0xfe)) return i;
    const d = b[i + 1];
    if (d === undefined) return i;
    if (inRange(d, 0x40, 0x7e) || inRange(d, 0x80, 0xfe)) { i += 2; continue; }
    if (inRange(d, 0x30, 0x39) && inRange(b[i + 2] ?? 0, 0x81, 0xfe) && inRange(b[i + 3] ?? 0, 0x30, 0x39)) { i += 4; continue; }
    return i;
  }
  return 0;
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
