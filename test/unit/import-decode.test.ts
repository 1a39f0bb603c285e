import { describe, expect, it } from 'vitest';
import { decodeImportBytes, MAX_IMPORT_BYTES } from '../../src/core/export-format';

const utf8 = (s: string) => new TextEncoder().encode(s);

describe('decodeImportBytes', () => {
  it('reads UTF-8, with or without a BOM', () => {
    expect(decodeImportBytes(utf8('name\nÜnïcødé AG\n'))).toEqual({ ok: true, text: 'name\nÜnïcødé AG\n' });
    expect(decodeImportBytes(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('name')]))).toEqual({ ok: true, text: 'name' });
  });

  it('refuses invalid UTF-8, Latin-1 and UTF-16 by name', () => {
    const latin1 = new Uint8Array([...utf8('name\nM'), 0xfc, ...utf8('nchener R'), 0xfc, ...utf8('ck\n')]);
    expect(decodeImportBytes(latin1)).toMatchObject({ ok: false, problem: { at: 'file', message: expect.stringContaining('not UTF-8') } });
    expect(decodeImportBytes(new Uint8Array([0xff, 0xfe, 0x6e, 0, 0x61, 0]))).toMatchObject({ ok: false, problem: { message: expect.stringContaining('UTF-16') } });
    // UTF-16LE without its mark.
    expect(decodeImportBytes(new Uint8Array([0x6e, 0, 0x61, 0, 0x6d, 0, 0x65, 0]))).toMatchObject({ ok: false, problem: { message: expect.stringContaining('NUL') } });
  });

  it('refuses more than the limit', () => {
    expect(decodeImportBytes(new Uint8Array(MAX_IMPORT_BYTES + 1))).toMatchObject({ ok: false, problem: { message: 'is too large (over 50 MB)' } });
  });
});
