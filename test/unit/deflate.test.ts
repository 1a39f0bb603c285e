import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { deflateRaw, inflateRaw } from '../../src/platform/deflate';
import { buildMatcher, deserializeMatcher, matchCompanies, serializeMatcher } from '../../src/core/matcher';
import { company } from './helpers';

describe('deflateRaw / inflateRaw (the matcher as it ships)', () => {
  const matcher = buildMatcher([company('openai', 'OpenAI'), company('microsoft', 'Microsoft', { tickers: ['NASDAQ:MSFT'] })]);
  const bytes = serializeMatcher(matcher);

  it('round-trips a compiled matcher byte for byte, and it still matches', async () => {
    const back = await inflateRaw(await deflateRaw(bytes));
    expect(Array.from(back)).toEqual(Array.from(bytes));
    const text = 'OpenAI runs on Microsoft (NASDAQ: MSFT).';
    expect(matchCompanies(deserializeMatcher(back), text)).toEqual(matchCompanies(matcher, text));
  });

  it('reads what build.mjs writes (zlib raw deflate) and writes what zlib reads', async () => {
    expect(Array.from(await inflateRaw(deflateRawSync(bytes, { level: 9 })))).toEqual(Array.from(bytes));
    expect(Array.from(inflateRawSync(await deflateRaw(bytes)))).toEqual(Array.from(bytes));
  });

  it('rejects bytes that are not deflate data', async () => {
    await expect(inflateRaw(new Uint8Array([0xff, 0xff, 0xff, 0xff]))).rejects.toThrow();
  });
});
