/**
 * PGlite in its own thread behaves as PGlite in-process: Postgres error fields survive the trip
 * (callers retry on a unique violation by its code), a transaction that throws leaves nothing,
 * a statement outside a transaction waits for it, and the folder it writes is the folder an
 * in-process PGlite reads back.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CopyRows } from '../../src/store/bulk/copy-text.js';
import { openStore } from '../../src/store/open.js';

describe('the embedded database in its own thread', () => {
  it('keeps error codes, rolls back a throwing transaction and orders around it', async () => {
    const store = await openStore({ dataDir: 'memory://', thread: true });
    try {
      await store.exec('CREATE TABLE t (k text PRIMARY KEY, v int)');
      await store.query("INSERT INTO t VALUES ('a', 1)");
      const dup = await store.query("INSERT INTO t VALUES ('a', 2)").catch((e: unknown) => e);
      expect(dup).toBeInstanceOf(Error);
      expect((dup as { code?: string }).code).toBe('23505');
      expect((dup as Error).message).toMatch(/duplicate key/);

      await expect(
        store.transaction(async (tx) => {
          await tx.query("INSERT INTO t VALUES ('b', 1)");
          await tx.copyIn(
            't',
            ['k', 'v'],
            new CopyRows([
              ['c', 2],
              ['d', 3],
            ]),
          );
          throw new Error('changed my mind');
        }),
      ).rejects.toThrow('changed my mind');
      expect((await store.query('SELECT k FROM t ORDER BY k')).rows).toEqual([{ k: 'a' }]);

      // A statement sent while a transaction is open runs after it, seeing what it committed.
      let release!: () => void;
      const gate = new Promise<void>((r) => (release = r));
      const tx = store.transaction(async (t) => {
        await t.query("UPDATE t SET v = 10 WHERE k = 'a'");
        await gate;
        await t.query("UPDATE t SET v = 20 WHERE k = 'a'");
      });
      await new Promise((r) => setTimeout(r, 20));
      const outside = store.query<{ v: number }>("SELECT v FROM t WHERE k = 'a'");
      release();
      await tx;
      expect((await outside).rows).toEqual([{ v: 20 }]);
      expect(await store.copyOut('SELECT k, v FROM t')).toBe('a\t20\n');
    } finally {
      await store.close();
    }
    await expect(store.query('SELECT 1')).rejects.toThrow(/closed|stopped/);
  });

  it('loads COPY text of any script as it was sent, in the thread and in-process', async () => {
    // COPY's text goes to the thread as UTF-8 bytes (moved, not copied): a byte count taken
    // for a character count would cut a row, a wrong encoding would change its text.
    const values = ['Zoë Åström', '東京支社', 'team 🚀 growth', 'back\\slash\ttab', 'plain'];
    for (const thread of [true, false]) {
      const store = await openStore({ dataDir: 'memory://', thread });
      try {
        await store.exec('CREATE TABLE t (k int PRIMARY KEY, v text)');
        const sent = new CopyRows(values.map((v, i) => [i, v]));
        expect(await store.copyIn('t', ['k', 'v'], sent)).toBe(values.length);
        expect(await store.copyIn('t', ['k', 'v'], new CopyRows())).toBe(0);
        const { rows } = await store.query<{ v: string }>('SELECT v FROM t ORDER BY k');
        expect(rows.map((r) => r.v)).toEqual(values);
        // The rows stay the caller's: their bytes were copied out before being moved.
        expect(sent.view().toString()).toContain('1\t東京支社\n');
      } finally {
        await store.close();
      }
    }
  });

  it('writes a folder an in-process PGlite reads back', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'headroom-thread-'));
    try {
      const threaded = await openStore({ dataDir: dir });
      await threaded.exec('CREATE TABLE kept (v text)');
      await threaded.query('INSERT INTO kept VALUES ($1)', ['tab\there']);
      await threaded.close();
      const inProcess = await openStore({ dataDir: dir, thread: false });
      expect((await inProcess.query('SELECT v FROM kept')).rows).toEqual([{ v: 'tab\there' }]);
      await inProcess.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('says which folder it could not open', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'headroom-thread-'));
    try {
      // A file where the folder's parent should be.
      writeFileSync(join(dir, 'not-a-folder'), '');
      await expect(
        openStore({ dataDir: join(dir, 'not-a-folder', 'db'), thread: true }),
      ).rejects.toThrow(/not-a-folder/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
