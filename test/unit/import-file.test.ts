import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { exportAll } from '../../src/storage/backup';
import { importFile } from '../../src/storage/import-file';
import { DB_VERSION, openDb } from '../../src/storage/open-db';
import { syncBundledDataset } from '../../src/storage/sync-bundled-dataset';
import { company } from './helpers';

describe('importFile', () => {
  it('refuses a CSV whose aliases, added to a company we have, pass the cap; nothing changes', async () => {
    const db = await openDb(DB_VERSION, 'tieline-import-file-1');
    await syncBundledDataset(db, { version: 'x', companies: [company('acme', 'Acme', { aliases: Array.from({ length: 30 }, (_, i) => `Old ${i}`) })], ties: [] });
    const before = JSON.stringify({ ...(await exportAll(db)), exportedAt: '' });
    const aliases = Array.from({ length: 30 }, (_, i) => `New ${i}`).join(';');
    const res = await importFile(db, 'more.csv', `name,id,aliases\nAcme,acme,"${aliases}"\n`);
    expect(res).toEqual({ ok: false, problems: [{ at: 'company "acme" (aliases)', message: "with this file's additions, has 60 entries; at most 50" }] });
    expect(JSON.stringify({ ...(await exportAll(db)), exportedAt: '' })).toBe(before);
    // Within the cap, the aliases are added.
    expect(await importFile(db, 'more.csv', `name,id,aliases\nAcme,acme,"${aliases.split(';').slice(0, 20).join(';')}"\n`)).toMatchObject({ ok: true, companies: 1 });
  });
});
