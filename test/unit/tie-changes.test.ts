import { describe, expect, it } from 'vitest';
import type { Tie } from '../../src/core/model';
import { changesSince, tieChange } from '../../src/core/tie-changes';

const tie = (over: Partial<Tie> = {}): Tie => ({ id: 'openai|cloud|microsoft-azure|', company: 'openai', counterparty: 'microsoft-azure', kind: 'cloud', status: 'active', since: null, until: null, exclusive: true, detail: '', sources: [], asOf: '2025-01-01', origin: 'bundled', ...over });

describe('tieChange', () => {
  it('says what a reader would: added, ended, no longer exclusive; nothing for a new source', () => {
    expect(tieChange(null, tie(), 5, 'article')?.what).toBe('added');
    expect(tieChange(tie(), tie({ status: 'ended' }), 5, 'you')?.what).toBe('ended');
    expect(tieChange(tie({ status: 'ended' }), tie(), 5, 'update')?.what).toBe('added');
    expect(tieChange(tie(), tie({ exclusive: false }), 5, 'update')?.what).toBe('notExclusive');
    expect(tieChange(tie({ status: 'reported' }), tie(), 5, 'article')?.what).toBe('added');
    expect(tieChange(tie(), tie({ sources: [{ url: 'https://x.example/a', title: 'A', date: '2026-01-01' }] }), 5, 'article')).toBeNull();
    expect(tieChange(tie({ status: 'ended' }), tie({ status: 'ended', until: '2026' }), 5, 'you')).toBeNull();
  });
});

describe('changesSince', () => {
  it('keeps the company’s changes after the last read, the latest per tie, oldest first', () => {
    const a = tieChange(null, tie({ id: 'a', counterparty: 'nebius' }), 10, 'article')!;
    const b1 = tieChange(null, tie({ id: 'b' }), 20, 'article')!;
    const b2 = tieChange(tie({ id: 'b' }), tie({ id: 'b', status: 'ended' }), 30, 'article')!;
    const old = tieChange(null, tie({ id: 'c' }), 1, 'update')!;
    const other = tieChange(null, tie({ id: 'd', company: 'anthropic' }), 40, 'update')!;
    expect(changesSince([old, a, b1, b2, other], 'openai', 5).map((c) => `${c.tieId}:${c.what}`)).toEqual(['a:added', 'b:ended']);
    // From the other side too: the provider's view of its customers.
    expect(changesSince([a], 'nebius', 5)).toHaveLength(1);
    expect(changesSince([a], 'openai', 10)).toEqual([]);
  });
});
