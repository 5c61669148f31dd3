/**
 * The playbook job's conversation (`src/runtime/playbook-job.ts`): its mailbox hands each message
 * to the one who asks for its kind, in order, and a failure answers every question after it; a
 * job that cannot read its cache says which file, on this thread and in its own; a job stopped
 * leaves no question unanswered.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cacheFiles, type CacheHeader } from '../../src/output/results-cache/index.js';
import { Mailbox } from '../../src/runtime/playbook-job.js';
import { PlaybookJobHandle } from '../../src/runtime/playbook-thread.js';

type Msg = { kind: 'a'; n: number } | { kind: 'b'; n: number };

describe('the mailbox', () => {
  it('hands messages to whoever asks for their kind, in the order they came', async () => {
    const box = new Mailbox<Msg>();
    box.put({ kind: 'a', n: 1 });
    box.put({ kind: 'b', n: 2 });
    box.put({ kind: 'a', n: 3 });
    const waiting = box.next('b');
    expect((await box.next('a')).n).toBe(1);
    expect((await waiting).n).toBe(2);
    expect((await box.next('a')).n).toBe(3);
    const later = box.next('b');
    box.put({ kind: 'b', n: 4 });
    expect((await later).n).toBe(4);
  });

  it('answers questions after a failure with it, after the messages that came before', async () => {
    const box = new Mailbox<Msg>();
    box.put({ kind: 'a', n: 1 });
    const pending = box.next('b');
    box.fail(new Error('gone'));
    await expect(pending).rejects.toThrow('gone');
    expect((await box.next('a')).n).toBe(1);
    await expect(box.next('a')).rejects.toThrow('gone');
  });
});

describe.each(['on', 'off'] as const)('the playbook job (thread %s)', (mode) => {
  const dir = mkdtempSync(join(tmpdir(), 'headroom-job-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const files = cacheFiles(dir, 'c', join(dir, 'out'));
  const header: CacheHeader = {
    format: 6,
    connection: 'c',
    out: join(dir, 'out'),
    resultsRun: 1,
    inputsKey: 'k',
    files: [],
    lengths: { accounts: 10, log: 0, texts: 10, order: 0 },
  };
  const data = {
    files,
    header,
    playbook: {
      asOf: '2026-12-01',
      portfolioName: 'p',
      catalog: { currency: 'USD', products: [] } as never,
    },
  };

  it('names the cache file it cannot read', async () => {
    const job = new PlaybookJobHandle(data, mode);
    try {
      expect(job.threaded).toBe(mode === 'on');
      job.go();
      await expect(job.index).rejects.toThrow(files.texts);
    } finally {
      job.stop();
    }
  });

  it('leaves no question unanswered once stopped', async () => {
    // An empty cache it can read: the job answers the index, then waits for the run.
    const empty = cacheFiles(dir, 'empty', join(dir, 'out'));
    for (const f of [empty.accounts, empty.log, empty.texts]) writeFileSync(f, '');
    const job = new PlaybookJobHandle(
      {
        ...data,
        files: empty,
        header: { ...header, lengths: { accounts: 0, log: 0, texts: 0, order: 0 } },
      },
      mode,
    );
    job.go();
    expect((await job.index).ids).toEqual([]);
    const wants = job.wants();
    wants.catch(() => undefined);
    job.stop();
    await expect(wants).rejects.toThrow();
  });
});
