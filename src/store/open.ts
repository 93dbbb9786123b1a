// Choose the backend from the --db value: a postgres:// URL or a SQLite file path.
import { PostgresStore } from './postgres.js';
import { SqliteStore } from './sqlite.js';
import type { Store } from './store.js';

export function isPostgresUrl(db: string): boolean {
  return /^postgres(ql)?:\/\//i.test(db);
}

/** Open and migrate a store. */
export async function openStore(db: string): Promise<Store> {
  let store: Store;
  try {
    store = isPostgresUrl(db) ? new PostgresStore(db) : new SqliteStore(db);
    await store.migrate();
  } catch (e) {
    throw new Error(`cannot open database ${redact(db)}: ${(e as Error).message}`);
  }
  return store;
}

/** A connection string without its password, for messages. */
export function redact(db: string): string {
  return db.replace(/(postgres(?:ql)?:\/\/[^:/@]+:)[^@]*@/i, '$1***@');
}
