import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { SqliteStore } from '../../src/store/sqlite.js';
import { fakeArticle } from '../helpers/article.js';

const dir = mkdtempSync(join(tmpdir(), 'tri-ckpt-'));
after(() => rmSync(dir, { recursive: true, force: true }));

test('the write-ahead log is checkpointed beside the writer, and close leaves no log behind', async () => {
  const file = join(dir, 'ckpt.db');
  // A threshold of one byte: every commit asks for a checkpoint.
  const store = new SqliteStore(file, { checkpointWalBytes: 1 });
  await store.migrate();
  const ids: string[] = [];
  for (let i = 0; i < 12; i++) {
    const a = fakeArticle({ id: `c${String(i).padStart(15, '0')}`, text: `A fictional harbour report, number ${i}.` });
    ids.push(a.id);
    await store.unitOfWork(async () => {
      await store.putArticle(a, {});
      await store.addBands(a.id, [`k${i}`, 'shared']);
    });
    await store.checkpointer!.idle();
  }
  assert.ok(store.checkpointer!.completed > 0, 'checkpoints ran');
  assert.equal(store.checkpointer!.lastError, null);
  await store.close();
  assert.equal(existsSync(file + '-wal'), false);

  const again = new SqliteStore(file);
  await again.migrate();
  for (const id of ids) assert.ok(await again.getArticle(id), `article ${id} is still there`);
  assert.equal((await again.bandPostings(['shared'], '')).get('shared')?.length, 12);
  await again.close();
});

test('a store that never writes starts no checkpointer thread', async () => {
  const file = join(dir, 'ro.db');
  const store = new SqliteStore(file, { checkpointWalBytes: 1 });
  await store.migrate();
  await store.getArticle('nothing');
  assert.equal(store.checkpointer!.completed, 0);
  await store.close();
});

test('a checkpointer whose thread cannot run says so once and hands checkpoints back', async () => {
  const { Checkpointer } = await import('../../src/store/checkpointer.js');
  const { mkdirSync, writeFileSync } = await import('node:fs');
  // A "database" that is a directory: the thread's connection fails to open.
  const file = join(dir, 'not-a-db');
  mkdirSync(file);
  writeFileSync(file + '-wal', 'x');
  const failures: string[] = [];
  const c = new Checkpointer(file, 1, (e) => failures.push(e));
  c.afterCommit();
  await c.idle();
  assert.equal(c.failed, true);
  assert.equal(failures.length, 1);
  c.afterCommit();
  await c.idle();
  assert.equal(failures.length, 1, 'not retried on every commit');
  await c.close();
});
