import { describe, expect, it } from 'vitest';
import { dispatch, unwrapReply, RequestError } from '../../src/messaging/dispatch';
import { BACKGROUND_ROUTES, CHANNEL, TAB_ROUTES, type Reply, type Route, type SenderKind } from '../../src/messaging/protocol';
import { senderKind } from '../../src/messaging/senders';
import { MAX_IMPORT_BYTES } from '../../src/core/export-format';

/** Longer than any text a message may carry (an import file is the longest). */
const TOO_LONG = 'x'.repeat(Math.max(16_000_000, MAX_IMPORT_BYTES) + 1);

const OWN = 'tieline-id';
const KINDS: SenderKind[] = ['extension', 'card', 'content'];
const OPTIONAL = new Set(['limit', 'clearHistory', 'counterpartyName']);

/** One valid request of every type: the boundary must let these through. */
const VALID: Record<string, Record<string, unknown>> = {
  matchTexts: { page: 'k1', texts: ['OpenAI signed with AWS.', ''] },
  probeTexts: { texts: ['row 1 of the tablerow 2 of the table', ''] },
  pageScanned: { url: 'https://news.example/a', companies: ['openai'] },
  getCompanyView: { companyId: 'openai' },
  getCompanyNames: { ids: ['openai', 'microsoft'] },
  getPageGraph: { ids: ['openai'] },
  searchCompanies: { query: 'open', limit: 10 },
  saveTie: { tie: { company: 'a', counterparty: 'b', kind: 'cloud', status: 'active', sources: [] }, counterpartyName: 'B Corp' },
  exportData: {},
  importData: { fileName: 'x.json', text: '{}' },
  resetData: { keepNotes: true, clearHistory: false },
  getDataInfo: {},
  annotateTab: { tabId: 7 },
  syncUserSites: {},
  getSuggestions: { tabId: 3, page: 'k1', url: 'https://news.example/a' },
  acceptSuggestion: { tabId: 3, page: 'k1', key: 'cloud|openai|nebius|active', article: { url: 'https://news.example/a', title: 'A', date: '2026-11-20' } },
  dismissSuggestion: { key: 'cloud|openai|nebius|active' },
  getPageMentions: {},
  setPageEnabled: { enabled: false },
  focusNextHighlight: {},
  sendArticleText: {},
};

const TABLES = [
  ['background', BACKGROUND_ROUTES],
  ['tab', TAB_ROUTES],
] as [string, Record<string, Route<unknown, unknown>>][];

/** A handler per type that records what reached it. */
function recorder(routes: Record<string, unknown>) {
  const calls: { type: string; req: unknown }[] = [];
  const handlers = Object.fromEntries(Object.keys(routes).map((type) => [type, (req: unknown) => (calls.push({ type, req }), `answer:${type}`)]));
  return { calls, handlers: handlers as never };
}

/** Values no schema of ours takes for a field whose valid sample is `sample`. */
function wrongValues(sample: unknown): unknown[] {
  const out: unknown[] = [null, [[]], 12.5, Symbol.for('x')];
  if (typeof sample !== 'object' || sample === null || Array.isArray(sample)) out.push({ nested: {} });
  if (typeof sample === 'string') out.push(TOO_LONG, true);
  if (Array.isArray(sample)) out.push(new Array(5_001).fill(sample[0]), 'not a list', [42]);
  if (typeof sample === 'boolean') out.push('true', 1);
  if (typeof sample === 'number') out.push(-1, '7', Number.NaN);
  return out;
}

describe('who may send what', () => {
  it('knows its parts from what the browser says of the sender', () => {
    expect(senderKind({ id: OWN, url: 'https://news.example/a', tab: { id: 3 } }, OWN)).toBe('content');
    expect(senderKind({ id: OWN, url: 'chrome-extension://abcd/popup.html' }, OWN)).toBe('extension');
    expect(senderKind({ id: OWN, url: 'moz-extension://1234-5678/options.html', tab: { id: 2 } }, OWN)).toBe('extension');
    // The card lives in a web page's tab but is an extension page (Chrome: dynamic origin).
    expect(senderKind({ id: OWN, url: 'chrome-extension://dynamic-uuid/card.html#openai&nonce', tab: { id: 3 } }, OWN)).toBe('card');
    // The background as a content script sees it: no tab, no URL.
    expect(senderKind({ id: OWN }, OWN)).toBe('extension');
    // Another extension, or nothing at all.
    expect(senderKind({ id: 'other', url: 'chrome-extension://other/popup.html' }, OWN)).toBeNull();
    expect(senderKind(undefined, OWN)).toBeNull();
    // A page whose URL merely mentions card.html is still a web page.
    expect(senderKind({ id: OWN, url: 'https://evil.example/card.html', tab: { id: 3 } }, OWN)).toBe('content');
    // No tab but a web URL: not a shape any part of Tieline has.
    expect(senderKind({ id: OWN, url: 'https://evil.example/' }, OWN)).toBeNull();
  });

  it('has a valid sample for every message type', () => {
    const types = TABLES.flatMap(([, routes]) => Object.keys(routes)).sort();
    expect(types).toEqual(Object.keys(VALID).sort());
  });

  it('keeps notes and data-wide reads from content scripts', () => {
    for (const type of ['getCompanyView', 'getCompanyNames', 'getPageGraph', 'searchCompanies', 'getDataInfo', 'exportData', 'importData', 'resetData', 'saveTie', 'annotateTab', 'syncUserSites']) {
      expect(BACKGROUND_ROUTES[type as keyof typeof BACKGROUND_ROUTES].from, type).not.toContain('content');
    }
    // The card reads one company (with the note), and nothing data-wide.
    const cardMay = Object.entries(BACKGROUND_ROUTES).filter(([, r]) => (r.from as readonly string[]).includes('card')).map(([t]) => t);
    expect(cardMay).toEqual(['getCompanyView']);
  });

  for (const [side, routes] of TABLES) {
    it(`answers each ${side} type only to its allowed senders, before any handler runs`, async () => {
      for (const [type, route] of Object.entries(routes)) {
        for (const from of KINDS) {
          const { calls, handlers } = recorder(routes);
          const reply = await dispatch(routes, handlers, { channel: CHANNEL, type, ...VALID[type] }, from, {});
          if (route.from.includes(from)) {
            expect(reply, `${type} from ${from}`).toEqual({ ok: true, value: `answer:${type}` });
            expect(calls).toHaveLength(1);
          } else {
            expect(reply, `${type} from ${from}`).toMatchObject({ ok: false, error: { code: 'forbidden' } });
            expect(calls).toHaveLength(0);
          }
        }
      }
    });

    it(`refuses malformed and oversized ${side} payloads with a typed error, never reaching the handler`, async () => {
      let cases = 0;
      for (const [type, route] of Object.entries(routes)) {
        const from = route.from[0];
        const sample = VALID[type];
        // JSON.parse makes `__proto__` an own key, as a hostile message would carry it.
        const bad: Record<string, unknown>[] = [{ ...sample, extra: 1 }, { ...sample, ...(JSON.parse('{"__proto__":{"polluted":true}}') as object) }, { ...sample, constructor: 'x' }];
        for (const key of Object.keys(sample)) {
          const { [key]: _dropped, ...without } = sample;
          if (!OPTIONAL.has(key)) bad.push(without);
          for (const value of wrongValues(sample[key])) bad.push({ ...sample, [key]: value });
        }
        for (const payload of bad) {
          const { calls, handlers } = recorder(routes);
          const reply = (await dispatch(routes, handlers, { channel: CHANNEL, type, ...payload }, from, {})) as Reply<unknown>;
          expect(reply.ok, `${type} ${JSON.stringify(payload, (_k, v: unknown) => (typeof v === 'string' && v.length > 40 ? `<${v.length} chars>` : typeof v === 'symbol' ? 'symbol' : v)).slice(0, 200)}`).toBe(false);
          expect(reply.ok === false && reply.error.code).toBe('invalid');
          expect(calls).toHaveLength(0);
          cases++;
        }
      }
      expect(cases).toBeGreaterThan(Object.keys(routes).length * 2);
    });
  }

  it('ignores what is not Tieline’s: no channel tag, another extension, not an object', async () => {
    const { calls, handlers } = recorder(BACKGROUND_ROUTES);
    expect(await dispatch(BACKGROUND_ROUTES, handlers, { type: 'getDataInfo' }, 'extension', {})).toBeUndefined();
    expect(await dispatch(BACKGROUND_ROUTES, handlers, { channel: 'tieline/1', type: 'getDataInfo' }, 'extension', {})).toBeUndefined();
    expect(await dispatch(BACKGROUND_ROUTES, handlers, { channel: CHANNEL, type: 'getDataInfo' }, null, {})).toBeUndefined();
    expect(await dispatch(BACKGROUND_ROUTES, handlers, 'getDataInfo', 'extension', {})).toBeUndefined();
    expect(await dispatch(BACKGROUND_ROUTES, handlers, { channel: CHANNEL, type: 'toString' }, 'extension', {})).toMatchObject({ ok: false, error: { code: 'unknown-type' } });
    expect(await dispatch(BACKGROUND_ROUTES, handlers, { channel: CHANNEL, type: '__proto__' }, 'extension', {})).toMatchObject({ ok: false, error: { code: 'unknown-type' } });
    expect(calls).toHaveLength(0);
  });

  it('turns a handler that throws or rejects into an error reply', async () => {
    const handlers = {
      ...recorder(BACKGROUND_ROUTES).handlers as object,
      getDataInfo: () => {
        throw new Error('database closed');
      },
      exportData: () => Promise.reject(new Error('quota exceeded')),
    };
    expect(await dispatch(BACKGROUND_ROUTES, handlers as never, { channel: CHANNEL, type: 'getDataInfo' }, 'extension', {})).toEqual({ ok: false, error: { code: 'failed', message: 'database closed' } });
    expect(await dispatch(BACKGROUND_ROUTES, handlers as never, { channel: CHANNEL, type: 'exportData' }, 'extension', {})).toEqual({ ok: false, error: { code: 'failed', message: 'quota exceeded' } });
  });

  it('passes the checked request, not the raw message, to the handler', async () => {
    const { calls, handlers } = recorder(BACKGROUND_ROUTES);
    await dispatch(BACKGROUND_ROUTES, handlers, { channel: CHANNEL, type: 'searchCompanies', query: 'nv' }, 'extension', {});
    expect(calls).toEqual([{ type: 'searchCompanies', req: { query: 'nv' } }]);
  });

  it('gives senders the value, or a RequestError with the code', () => {
    expect(unwrapReply({ ok: true, value: 3 })).toBe(3);
    expect(() => unwrapReply({ ok: false, error: { code: 'forbidden', message: 'no' } })).toThrow(RequestError);
    expect(() => unwrapReply(undefined)).toThrow(/no answer/);
    expect(() => unwrapReply({ value: 1 })).toThrow(RequestError);
  });
});
