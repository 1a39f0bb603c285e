import type { Db } from './open-db';

export async function getMeta<T>(db: Db, key: string): Promise<T | undefined> {
  return (await db.get('settings', key))?.value as T | undefined;
}

export async function setMeta(db: Db, key: string, value: unknown): Promise<void> {
  await db.put('settings', { key, value });
}
