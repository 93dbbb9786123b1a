// Runs only when TRIANGULATE_TEST_PG names a database (".ci/run" sets it).
import { describe, it } from 'node:test';
import pg from 'pg';
import { PostgresStore } from '../../src/store/postgres.js';
import { storeContract } from './contract.js';

const url = process.env.TRIANGULATE_TEST_PG;
if (!url) {
  describe('Store contract: postgres', () => {
    it('is skipped: set TRIANGULATE_TEST_PG=postgres://… to run it', { skip: true }, () => {});
  });
} else {
  const schema = `tri_test_${process.pid}_${Date.now()}`;
  const sep = url.includes('?') ? '&' : '?';
  storeContract(
    'postgres',
    async () => {
      const s = new PostgresStore(`${url}${sep}schema=${schema}`);
      await s.migrate();
      return s;
    },
    async () => {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await c.end();
    },
  );
}
