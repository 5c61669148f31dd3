import { createServer, request, Agent } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { BatchLoader } from '../../src/server/batch-loader.js';

describe('BatchLoader', () => {
  it('sends keys asked for together in one fetch, each key once', async () => {
    const calls: string[][] = [];
    const loader = new BatchLoader(async (keys: string[]) => {
      calls.push(keys);
      return new Map(keys.filter((k) => k !== 'missing').map((k) => [k, k.toUpperCase()]));
    });
    const got = await Promise.all(['a', 'b', 'c', 'b', 'missing'].map((k) => loader.load(k)));
    expect(got).toEqual(['A', 'B', 'C', 'B', undefined]);
    expect(calls).toEqual([['a', 'b', 'c', 'missing']]);
  });

  it('sends keys that arrive while a fetch runs together in the next fetch', async () => {
    const calls: string[][] = [];
    // The first fetch starts, then holds until the test lets it finish: no timing involved.
    let started!: () => void;
    const firstStarted = new Promise<void>((r) => (started = r));
    let release!: () => void;
    const firstHeld = new Promise<void>((r) => (release = r));
    const loader = new BatchLoader(async (keys: string[]) => {
      calls.push(keys);
      if (calls.length === 1) {
        started();
        await firstHeld;
      }
      return new Map(keys.map((k) => [k, k]));
    });
    const first = loader.load('a');
    await firstStarted;
    const later = ['b', 'c'].map((k) => loader.load(k));
    release();
    expect(await Promise.all([first, ...later])).toEqual(['a', 'b', 'c']);
    expect(calls).toEqual([['a'], ['b', 'c']]);
  });

  it('batches HTTP requests that arrive together, though Node handles each in its own callback', async () => {
    // An immediate fetch (like PGlite's) answered the first request before the others were even
    // parsed: 50 concurrent record-page loads made 50 queries of one key.
    const calls: string[][] = [];
    const loader = new BatchLoader(async (keys: string[]) => {
      calls.push(keys);
      return new Map(keys.map((k) => [k, k]));
    });
    const server = createServer((req, res) => {
      void loader.load(req.url!.slice(1)).then((v) => res.end(v));
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const { port } = server.address() as AddressInfo;
    const agent = new Agent({ keepAlive: true, maxSockets: 50 });
    const get = (key: string) =>
      new Promise<string>((resolve, reject) => {
        request({ host: '127.0.0.1', port, path: `/${key}`, agent }, (res) => {
          let body = '';
          res.on('data', (c: Buffer) => (body += c.toString()));
          res.on('end', () => resolve(body));
        })
          .on('error', reject)
          .end();
      });
    try {
      // Open the 50 keep-alive sockets first, as a browser's connections to the server are.
      await Promise.all(Array.from({ length: 50 }, () => get('warm')));
      calls.length = 0;
      const keys = Array.from({ length: 50 }, (_, i) => `k${i}`);
      expect(await Promise.all(keys.map(get))).toEqual(keys);
      expect(calls.flat().sort()).toEqual([...keys].sort());
      expect(calls.length).toBeLessThan(10);
    } finally {
      agent.destroy();
      await new Promise((r) => server.close(r));
    }
  });

  it('rejects every waiter of a failed batch, and recovers for the next one', async () => {
    let fail = true;
    const loader = new BatchLoader(async (keys: string[]) => {
      if (fail) throw new Error('store down');
      return new Map(keys.map((k) => [k, 1]));
    });
    await expect(loader.load('x')).rejects.toThrow('store down');
    fail = false;
    await expect(loader.load('x')).resolves.toBe(1);
  });
});
