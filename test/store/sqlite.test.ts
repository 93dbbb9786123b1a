import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteStore } from '../../src/store/sqlite.js';
import { storeContract } from './contract.js';

const dir = mkdtempSync(join(tmpdir(), 'tri-store-'));
storeContract(
  'sqlite',
  async () => {
    const s = new SqliteStore(join(dir, 'test.db'));
    await s.migrate();
    return s;
  },
  async () => rmSync(dir, { recursive: true, force: true }),
);
