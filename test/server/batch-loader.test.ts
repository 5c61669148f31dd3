import { describe, expect, it } from 'vitest';
import { BatchLoader } from '../../src/server/batch-loader.js';

describe('BatchLoader', () => {
  it('sends keys that arrive while a fetch runs together in the next fetch', async () => {
    const calls: string[][] = [];
    const loader = new BatchLoader(async (keys: string[]) => {
      calls.push(keys);
      await new Promise((r) => setTimeout(r, 5));
      return new Map(keys.filter((k) => k !== 'missing').map((k) => [k, k.toUpperCase()]));
    });
    const got = await Promise.all(['a', 'b', 'c', 'b', 'missing'].map((k) => loader.load(k)));
    expect(got).toEqual(['A', 'B', 'C', 'B', undefined]);
    expect(calls).toEqual([['a'], ['b', 'c', 'missing']]);
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
