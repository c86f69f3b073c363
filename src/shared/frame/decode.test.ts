import { describe, expect, it } from 'vitest';
import { PyError } from '../errors';
import { makeDecoder, utf8ErrorMessage } from './decode';

const message = (enc: string, bytes: number[]): string => {
  try {
    const d = makeDecoder(enc);
    d.write(new Uint8Array(bytes));
    d.end();
  } catch (e) {
    if (e instanceof PyError) return `${e.pyType}: ${e.message}`;
    throw e;
  }
  return 'no error';
};

describe('decoders', () => {
  it("word bad bytes as CPython's codecs do", () => {
    expect(message('gbk', [0x41, 0x81, 0x20])).toBe("UnicodeDecodeError: 'gbk' codec can't decode byte 0x81 in position 1: illegal multibyte sequence");
    expect(utf8ErrorMessage(new Uint8Array([0x61, 0xe4, 0xb8, 0x0a]), 5)).toBe("'utf-8' codec can't decode bytes in position 6-7: invalid continuation byte");
    expect(message('klingon', [])).toBe('LookupError: unknown encoding: klingon');
  });

  it('decodes latin-1 byte for byte and GB18030 four-byte characters', () => {
    expect(makeDecoder('latin-1').write(new Uint8Array([0x80, 0xe9]))).toBe('\u0080é');
    expect(makeDecoder('gb18030').write(new Uint8Array([0x81, 0x30, 0x81, 0x30]))).toBe('\u0080');
  });
});
