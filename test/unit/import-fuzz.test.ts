import 'fake-indexeddb/auto';
import { beforeAll, describe, expect, it } from 'vitest';
import { decodeImportBytes, MAX_IMPORT_RECORDS } from '../../src/core/export-format';
import { tieId, type Tie } from '../../src/core/model';
import { exportAll } from '../../src/storage/backup';
import { importFile } from '../../src/storage/import-file';
import { saveNote } from '../../src/storage/notes';
import { DB_VERSION, openDb, type Db } from '../../src/storage/open-db';
import { syncBundledDataset } from '../../src/storage/sync-bundled-dataset';
import { saveTie } from '../../src/storage/ties';
import { seededRandom } from '../harness/seeded-random.mjs';
import { company } from './helpers';

// Import fuzzing: generated bad files, each of which must be refused with a clear message and leave
// the database exactly as it was (compared by a full export, without its date).

type Rand = () => number;
type Json = Record<string, unknown>;
interface Input { kind: string; fileName: string; text?: string; bytes?: Uint8Array }

const SEED = 20261205;
const ROUNDS = 1200;

function tie(company: string, counterparty: string, more: Partial<Tie> = {}): Tie {
  const base = { company, counterparty, kind: 'cloud' as const, since: '2020', ...more };
  return {
    id: tieId(base), status: 'active', until: null, exclusive: false, detail: '', asOf: '2025-01-01',
    sources: [{ url: 'https://example.com/a', title: 'A', date: '2025-01-01' }], origin: 'bundled', ...base, ...more,
  };
}

/** A valid import (new companies, a tie to a known one, a note): every bad input is this with something wrong. */
function validFile(): Json {
  return {
    format: 'tieline',
    version: 1,
    exportedAt: '2026-01-01T00:00:00.000Z',
    companies: [
      { id: 'zentrova', name: 'Zentrova Analytics', aliases: ['Zentrova'], tickers: ['NASDAQ:ZTRV'], domains: ['zentrova.example'], parent: null, description: 'Analytics.' },
      { id: 'zentrova-labs', name: 'Zentrova Labs', parent: 'zentrova' },
    ],
    ties: [{ company: 'zentrova', counterparty: 'microsoft-azure', kind: 'cloud', status: 'active', since: '2024', sources: [{ url: 'https://zentrova.example/news', title: 'News', date: '2024-02-01' }] }],
    notes: [{ company: 'zentrova', text: 'Watch them', createdAt: 1, updatedAt: 2 }],
  };
}
const VALID_CSV = 'name,aliases,domains,tickers,id,parent,description\nZentrova Analytics,Zentrova,zentrova.example,NASDAQ:ZTRV,zentrova,,Analytics.\nZentrova Labs,,,,zentrova-labs,zentrova,\n';

const pick = <T,>(rand: Rand, xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];
const int = (rand: Rand, lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
const json = (kind: string, v: unknown): Input => ({ kind, fileName: 'backup.json', text: JSON.stringify(v) });
const records = (f: Json, key: 'companies' | 'ties' | 'notes') => f[key] as Json[];

const REQUIRED: Record<'companies' | 'ties' | 'notes', string[]> = {
  companies: ['id', 'name'],
  ties: ['company', 'counterparty', 'kind', 'status', 'sources'],
  notes: ['company', 'text', 'updatedAt'],
};
/** For each field, values of a wrong type or shape (a value the check must refuse). */
const WRONG: Record<'companies' | 'ties' | 'notes', Record<string, unknown[]>> = {
  companies: {
    id: [null, 0, '', 'Has Caps', 'a b', '-lead', 'trail-', 'a--b', 'focus', 'background', 'first', '__proto__', 'x'.repeat(101), ['zentrova'], {}],
    name: [null, 0, '', '   ', 'two\nlines', 'nul\0', 'x'.repeat(201), ['Name'], {}],
    aliases: ['Zentrova', [1], [''], ['a\nb'], [null], {}, 0, ['x'.repeat(201)], Array.from({ length: 51 }, (_, i) => `A${i}`)],
    tickers: ['NASDAQ:ZTRV', ['ZTRV'], ['nasdaq:ztrv'], [1], ['NASDAQ:' + 'Z'.repeat(50)], Array.from({ length: 21 }, (_, i) => `NYSE:Z${i}`)],
    domains: ['zentrova.example', ['http://zentrova.example'], ['no-dot'], ['-bad.example'], [0], Array.from({ length: 21 }, (_, i) => `d${i}.example`)],
    parent: [0, '', 'Not A Slug', 'unknown-parent', 'zentrova-labs-x', ['zentrova'], {}],
    description: [0, ['d'], {}, 'x'.repeat(2001)],
    category: [0, [], {}, 'x'.repeat(101)],
    origin: ['mine', 0, 'BUNDLED'],
    ambiguous: ['Zentrova', ['Not a name'], [0], Array.from({ length: 52 }, () => 'Zentrova')],
  },
  ties: {
    company: [null, 0, '', 'Not A Slug', 'nobody-inc', 'x'.repeat(101)],
    counterparty: [null, 0, 'nobody-inc', 'zentrova'],
    kind: [null, 0, 'friend', 'CLOUD', ['cloud']],
    status: [null, 0, 'maybe', 'ended'],
    since: [0, 2024, '24', '2024-13', '2024-02-30x', 'yesterday', '2030-01-01T00:00'],
    until: [0, '2001', 'soon'],
    detail: [0, [], 'x'.repeat(2001)],
    exclusive: ['yes', 1, null],
    origin: ['mine', 0],
    sources: [null, 'https://a.example', {}, [0], [null], [{}], [{ url: 0 }], Array.from({ length: 51 }, () => ({ url: 'https://a.example' })), [{ url: 'https://a.example', date: 'May' }], [{ url: 'https://a.example', tier: 'blog' }], [{ url: 'https://a.example', title: 0 }]],
    asOf: [0, 'now', '2024-1'],
  },
  notes: {
    company: [null, 0, 'nobody-inc', 'constructor', '__proto__', 'toString', 'x'.repeat(5000)],
    text: [null, 0, ['t'], {}, 'x'.repeat(100_001)],
    updatedAt: [null, 'not a date', {}, [], Number.NaN, ''],
  },
};
const BAD_URLS = [
  'javascript:alert(1)', 'JAVASCRIPT:alert(document.cookie)', ' javascript:alert(1)', 'java\tscript:alert(1)', 'javascript://%0aalert(1)',
  'data:text/html,<script>alert(1)</script>', 'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==', 'DATA:image/svg+xml,<svg onload=alert(1)>',
  'vbscript:msgbox(1)', 'file:///etc/passwd', 'ftp://a.example/x', 'chrome://settings', 'about:blank', 'blob:https://a.example/uuid',
  '//evil.example/x', 'evil.example', '', 'http://', 'https://' + 'a'.repeat(2100) + '.example', 'moz-extension://x/popup.html', 'mailto:a@b.example',
];

function mutated(kind: string, rand: Rand, change: (f: Json) => void): Input {
  const f = validFile();
  change(f);
  void rand;
  return json(kind, f);
}

const generators: ((rand: Rand) => Input)[] = [
  // Wrong types and shapes, one field of one record.
  (rand) => {
    const key = pick(rand, ['companies', 'ties', 'notes'] as const);
    const field = pick(rand, Object.keys(WRONG[key]));
    const value = pick(rand, WRONG[key][field]);
    return mutated(`wrong type or value: ${key}.${field}`, rand, (f) => {
      const list = records(f, key);
      list[int(rand, 0, list.length - 1)][field] = value;
    });
  },
  // Missing required fields.
  (rand) => {
    const key = pick(rand, ['companies', 'ties', 'notes'] as const);
    const field = pick(rand, REQUIRED[key]);
    return mutated(`missing field: ${key}.${field}`, rand, (f) => {
      const list = records(f, key);
      delete list[int(rand, 0, list.length - 1)][field];
    });
  },
  // Huge strings where a short text is expected.
  (rand) => {
    const where = pick(rand, ['companies.name', 'companies.description', 'companies.aliases', 'companies.id', 'ties.detail', 'ties.sources.title', 'ties.sources.url', 'notes.text', 'notes.company', 'companies.tickers']);
    // Each over its field's limit (a note may be 100,000 characters, a URL 2,048).
    const size = Math.max(pick(rand, [2049, 10_000, 100_001, 1_000_000, 5_000_000]), where === 'notes.text' ? 100_001 : 0);
    const big = pick(rand, ['x', 'é', '😀', 'a b ', '\u202e']).repeat(size);
    return mutated(`huge string: ${where}`, rand, (f) => {
      const [key, field, sub] = where.split('.') as ['companies' | 'ties' | 'notes', string, string?];
      const r = records(f, key)[0];
      if (field === 'aliases' || field === 'tickers') r[field] = [big];
      else if (sub) (r.sources as Json[])[0][sub] = sub === 'url' ? `https://a.example/${big}` : big;
      else r[field] = big;
    });
  },
  // __proto__ and constructor keys: must be refused (each file is also broken elsewhere) and pollute nothing.
  (rand) => {
    const variant = int(rand, 0, 5);
    const valid = JSON.stringify(validFile());
    const texts = [
      `{"__proto__":${valid}}`,
      valid.replace('"companies":', '"companies":{"__proto__":') .replace('],"ties"', ']},"ties"'),
      valid.replace('{"id":"zentrova",', '{"__proto__":{"id":"zentrova","polluted":true},'),
      valid.replace('"notes":[', '"notes":[{"company":"constructor","text":"x","updatedAt":1,"constructor":{"prototype":{"polluted":true}}},'),
      `{"constructor":{"prototype":{"polluted":true}},"__proto__":{"polluted":true},"companies":{"length":1,"0":{"id":"a","name":"A"}}}`,
      valid.replace('"sources":[{"url":"https://zentrova.example/news",', '"sources":[{"__proto__":{"url":"https://a.example"},"constructor":1,'),
    ];
    return { kind: '__proto__ / constructor keys', fileName: 'backup.json', text: texts[variant] };
  },
  // javascript:, data: and other non-web URLs as sources.
  (rand) => mutated('non-http source URL', rand, (f) => {
    const sources = (records(f, 'ties')[0].sources as Json[]);
    sources.splice(int(rand, 0, sources.length), 0, { url: pick(rand, BAD_URLS), title: 'Read more' });
  }),
  // Unknown formats and versions.
  (rand) => mutated('unknown format or version', rand, (f) => {
    if (rand() < 0.3) f.format = pick(rand, ['Tieline', 'tieline2', '', 0, null, 'csv']);
    else f.version = pick(rand, [2, 3, 99, 1e9, 0, -1, 1.5, '1', '2', null, [1], {}, Number.MAX_VALUE]);
  }),
  // Duplicate ids.
  (rand) => mutated('duplicate ids', rand, (f) => {
    const which = int(rand, 0, 3);
    if (which === 0) records(f, 'companies').push({ id: 'zentrova', name: `Other ${int(rand, 0, 999)}` });
    else if (which === 1) records(f, 'ties').push({ ...records(f, 'ties')[0], detail: 'twin' });
    else if (which === 2) records(f, 'notes').push({ company: 'zentrova', text: 'second note', updatedAt: 3 });
    else records(f, 'companies').push({ id: 'zentrova-two', name: 'Zentrova' });
  }),
  // CSV with broken quoting, or otherwise broken.
  (rand) => {
    const broken = [
      `${VALID_CSV}"Unclosed Co,,,\n`,
      VALID_CSV.replace('Zentrova Labs', '"Zentrova Labs'),
      `name\n"${'x'.repeat(int(rand, 1, 5000))}`,
      `name,aliases\n"A""B,C\n`,
      `"name\nAcme\n`,
      `${VALID_CSV}Zentrova Analytics,,,,zentrova,,\n`,
      `${VALID_CSV}Orphan,,,,orphan,nobody-inc,\n`,
      `name,aliases\nAcme,"${Array.from({ length: 51 }, (_, i) => `A${i}`).join(';')}"\n`,
      `name,tickers\nAcme,"${Array.from({ length: 21 }, (_, i) => `NYSE:A${i}`).join(';')}"\n`,
      `name,colour\nAcme,red\n`,
      `nom,alias\nAcme,A\n`,
      'name\n',
      '   \n\n',
      `name\n${'x'.repeat(201)}\n`,
      `name,id\nAcme,Not A Slug\n`,
      `name,id\nAcme,focus\n`,
      `name,tickers\nAcme,NOT A TICKER\n`,
      `name,domains\nAcme,"not a domain"\n`,
      `name,parent\nAcme,acme\n`,
    ];
    const i = int(rand, 0, broken.length - 1);
    return { kind: 'broken CSV', fileName: rand() < 0.8 ? 'companies.csv' : 'companies.txt', text: broken[i] };
  },
  // Invalid UTF-8 and other encodings, as bytes from a file.
  (rand) => {
    const valid = new TextEncoder().encode(rand() < 0.5 ? JSON.stringify(validFile()) : VALID_CSV);
    const variant = int(rand, 0, 7);
    let bytes: Uint8Array;
    if (variant === 0) bytes = Uint8Array.from(Array.from({ length: int(rand, 1, 4000) }, () => int(rand, 0, 255)).concat([0xff]));
    else if (variant === 1) {
      // Latin-1: "Zentrova Analytics" becomes "Zéntrova", é as one byte.
      bytes = new Uint8Array([...valid]);
      bytes[int(rand, 10, bytes.length - 10)] = pick(rand, [0xe9, 0xfc, 0xa3, 0x80, 0xbf]);
    } else if (variant === 2) {
      const utf16 = new Uint8Array(valid.length * 2 + 2);
      utf16.set([0xff, 0xfe]);
      valid.forEach((b, i) => (utf16[2 + i * 2] = b));
      bytes = rand() < 0.5 ? utf16 : utf16.subarray(2);
    } else if (variant === 3) {
      const be = new Uint8Array(valid.length * 2 + 2);
      be.set([0xfe, 0xff]);
      valid.forEach((b, i) => (be[3 + i * 2] = b));
      bytes = be;
    } else if (variant === 4) bytes = new Uint8Array([...valid.subarray(0, -1), 0xe2, 0x82]); // cut inside a character
    else if (variant === 5) bytes = new Uint8Array([...valid.subarray(0, 20), 0xc0, 0xaf, ...valid.subarray(20)]); // overlong
    else if (variant === 6) bytes = new Uint8Array([...valid.subarray(0, 30), 0xed, 0xa0, 0x80, ...valid.subarray(30)]); // a surrogate
    else bytes = new Uint8Array([...valid.subarray(0, 40), 0, ...valid.subarray(40)]);
    return { kind: 'not UTF-8', fileName: pick(rand, ['backup.json', 'companies.csv']), bytes };
  },
  // A valid file with one bad record at the end.
  (rand) => mutated('one bad record at the end', rand, (f) => {
    const key = pick(rand, ['companies', 'ties', 'notes'] as const);
    const good = key === 'companies' ? { id: `good-${int(rand, 0, 1e6)}`, name: `Good ${int(rand, 0, 1e6)}` } : key === 'ties' ? { ...records(f, 'ties')[0], counterparty: 'oracle' } : { company: 'openai', text: 'fine', updatedAt: 5 };
    const field = pick(rand, Object.keys(WRONG[key]));
    records(f, key).push({ ...good, [field]: pick(rand, WRONG[key][field]) });
  }),
  // Truncated files: cut anywhere before the end.
  (rand) => {
    const text = JSON.stringify(validFile(), null, rand() < 0.5 ? 1 : undefined);
    return { kind: 'truncated JSON', fileName: 'backup.json', text: text.slice(0, int(rand, 0, text.length - 2)) };
  },
  // Not a file of ours at all.
  (rand) => ({
    kind: 'wrong top level',
    fileName: 'backup.json',
    text: pick(rand, ['null', '42', '"companies"', 'true', '[]', '{}', '{"companies":[]}', '{"companies":[],"ties":[],"notes":[]}', '{"companies":null}', '{"ties":{}}', '{"notes":"x"}', '[1,2,3]', '[null]', '[[]]', '['.repeat(200_000) + ']'.repeat(200_000), '{"a":' .repeat(50_000) + '1' + '}'.repeat(50_000), '{"companies":[' + '{},'.repeat(10) + ']}', 'NaN', '{"companies":[],}', "{'companies':[]}"]),
  }),
];

/** Very large inputs: a few, as they are slow to build. */
function largeInputs(): Input[] {
  const manyNotes = `{"notes":[${'{"company":"openai","text":"x","updatedAt":1},'.repeat(MAX_IMPORT_RECORDS)}{"company":"openai","text":"x","updatedAt":1}]}`;
  const manyCompanies = `{"companies":[${'{},'.repeat(MAX_IMPORT_RECORDS)}{}]}`;
  return [
    { kind: 'too many records', fileName: 'backup.json', text: manyNotes },
    { kind: 'too many records', fileName: 'backup.json', text: manyCompanies },
    { kind: 'too many records', fileName: 'companies.csv', text: 'name\n' + 'Acme\n'.repeat(MAX_IMPORT_RECORDS + 1) },
    // 50 MB: refused by its length before it is parsed.
    { kind: 'over 50 MB', fileName: 'backup.json', text: JSON.stringify(validFile()).replace('"Watch them"', `"${'x'.repeat(50_000_001)}"`) },
    { kind: 'over 50 MB', fileName: 'companies.csv', text: VALID_CSV + 'Acme\n'.repeat(10_000_001) },
    { kind: 'over 50 MB', fileName: 'backup.json', bytes: new Uint8Array(50_000_001) },
  ];
}

async function snapshot(db: Db): Promise<string> {
  const { exportedAt: _date, ...rest } = await exportAll(db);
  return JSON.stringify(rest);
}

describe('import fuzzing', () => {
  let db: Db;
  beforeAll(async () => {
    db = await openDb(DB_VERSION, 'tieline-fuzz');
    await syncBundledDataset(db, {
      version: 'fuzz',
      companies: [company('openai', 'OpenAI'), company('microsoft', 'Microsoft'), company('microsoft-azure', 'Microsoft Azure'), company('oracle', 'Oracle')],
      ties: [tie('openai', 'microsoft-azure'), tie('openai', 'oracle')],
    });
    await saveNote(db, 'openai', 'Line one\nLine “two”', 10);
    await saveTie(db, tie('microsoft', 'openai', { kind: 'investor', origin: 'user' }));
  });

  it('the files the fuzzer breaks are good before it breaks them', async () => {
    for (const [fileName, text] of [['backup.json', JSON.stringify(validFile())], ['companies.csv', VALID_CSV]]) {
      const other = await openDb(DB_VERSION, `tieline-fuzz-valid-${fileName}`);
      await syncBundledDataset(other, { version: 'fuzz', companies: [company('openai', 'OpenAI'), company('microsoft-azure', 'Microsoft Azure'), company('oracle', 'Oracle')], ties: [] });
      const res = await importFile(other, fileName, text);
      expect(res, fileName).toMatchObject({ ok: true });
      other.close();
    }
  });

  it(`refuses ${ROUNDS}+ generated bad files with a clear message, changing nothing`, { timeout: 300_000 }, async () => {
    const rand = seededRandom(SEED);
    const inputs: Input[] = [];
    for (let i = 0; i < ROUNDS; i++) inputs.push(generators[i % generators.length](rand));
    inputs.push(...largeInputs());

    const before = await snapshot(db);
    const byKind = new Map<string, number>();
    const failures: string[] = [];
    for (const [i, input] of inputs.entries()) {
      const kind = input.kind.replace(/:.*/, '');
      byKind.set(kind, (byKind.get(kind) ?? 0) + 1);
      let problems: { at: string; message: string }[];
      if (input.bytes) {
        const decoded = decodeImportBytes(input.bytes);
        if (decoded.ok) {
          const res = await importFile(db, input.fileName, decoded.text);
          problems = res.ok ? [] : res.problems;
        } else problems = [decoded.problem];
      } else {
        const res = await importFile(db, input.fileName, input.text);
        problems = res.ok ? [] : res.problems;
      }
      const describe = `#${i} ${input.kind} (${input.fileName}): ${(input.text ?? '').slice(0, 200)}`;
      if (problems.length === 0) failures.push(`accepted: ${describe}`);
      // Clear: every problem says where and what, in words of a sane length.
      for (const p of problems.slice(0, 8)) {
        if (typeof p.at !== 'string' || p.at === '' || p.at.length > 200 || typeof p.message !== 'string' || p.message.length < 5 || p.message.length > 300) {
          failures.push(`unclear message ${JSON.stringify(p).slice(0, 400)}: ${describe}`);
        }
      }
      if (({} as Record<string, unknown>).polluted !== undefined) failures.push(`Object.prototype polluted: ${describe}`);
      // The database after each refusal, compared in full.
      {
        const after = await snapshot(db);
        if (after !== before) {
          failures.push(`database changed: ${describe}`);
          break;
        }
      }
    }
    expect(await snapshot(db)).toBe(before);
    console.log(`import fuzzing: ${inputs.length} bad inputs fuzzed (seed ${SEED}): ${[...byKind].map(([k, n]) => `${k} ${n}`).join(', ')}`);
    expect(failures.slice(0, 20)).toEqual([]);
  });
});
