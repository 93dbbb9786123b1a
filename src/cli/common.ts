// What every command shares: the store option, JSON or human output, and error reporting.
import type { Command } from 'commander';
import { openStore } from '../store/open.js';
import type { Store } from '../store/store.js';

export interface CommonOptions {
  db?: string;
  json?: boolean;
}

export const DEFAULT_DB = process.env.TRIANGULATE_DB ?? './triangulate.db';

/** Add the options every command has. */
export function withCommon(cmd: Command): Command {
  return cmd
    .option('--db <file|url>', 'SQLite file or postgres:// URL (env TRIANGULATE_DB)', DEFAULT_DB)
    .option('--json', 'print machine-readable JSON instead of text');
}

export async function withStore<T>(opts: CommonOptions, fn: (store: Store) => Promise<T>): Promise<T> {
  const store = await openStore(opts.db ?? DEFAULT_DB);
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}

export function printJson(value: unknown): void {
  process.stdout.write(JSON.stringify(value, null, 2) + '\n');
}

/** An error the user can act on: printed as one line naming the input, no stack trace. */
export class UserError extends Error {
  constructor(message: string, readonly exitCode = 2) {
    super(message);
  }
}

/** Table printing for human output: fixed-width columns, long cells cut. */
export function printTable(rows: Record<string, unknown>[], columns: { key: string; title: string; width?: number }[]): void {
  const cell = (v: unknown, w?: number) => {
    const s = v === null || v === undefined ? '–' : String(v);
    return w ? (s.length > w ? s.slice(0, w - 1) + '…' : s.padEnd(w)) : s;
  };
  process.stdout.write(columns.map((c) => cell(c.title, c.width)).join('  ') + '\n');
  for (const r of rows) process.stdout.write(columns.map((c) => cell(r[c.key], c.width)).join('  ') + '\n');
}
