/**
 * The playbook's orders kept with the output files' cache (`output/results-cache/order.ts`) read
 * back as written, and are not read at all when they cannot be the orders of the cache's
 * accounts: another layout or collation, other counts, a position out of range, given twice, or
 * naming an opportunity outside expansion. A patch then sorts, as without them.
 */
import { describe, expect, it } from 'vitest';
import { decodeOrder, encodeOrder } from '../../src/output/results-cache/order.js';

/** Accounts `a0`… with opportunities of the given categories. */
const entries = (shape: string[][]) =>
  shape.map((cats, i) => ({
    id: `a${i}`,
    opportunities: cats.map((category, k) => ({ category, id: `a${i}-${k}`, accountId: `a${i}` })),
  }));

describe('the playbook orders kept with the cache', () => {
  const es = entries([['expansion', 'activation'], [], ['expansion', 'expansion']]);
  const [a0, , a2] = es;
  // Expansion: a2's second, a0's first, a2's first; accounts: a2, a0, a1.
  const order = {
    expansion: [a2!.opportunities[1]!, a0!.opportunities[0]!, a2!.opportunities[0]!],
    accounts: [{ s: { accountId: 'a2' } }, { s: { accountId: 'a0' } }, { s: { accountId: 'a1' } }],
  };

  it('reads back the positions written', () => {
    const back = decodeOrder(encodeOrder(es, order), es)!;
    expect([...back.expansion]).toEqual([3, 0, 2]);
    expect([...back.accounts]).toEqual([2, 0, 1]);
  });

  it('stores the positions as little-endian 32-bit numbers, on any platform', () => {
    const bytes = encodeOrder(es, order);
    const tail = bytes.subarray(bytes.length - 24);
    const read = Array.from({ length: 6 }, (_, i) => tail.readUInt32LE(4 * i));
    expect(read).toEqual([3, 0, 2, 2, 0, 1]);
  });

  it('reads them wherever the bytes sit in the buffer they were read into', () => {
    const bytes = encodeOrder(es, order);
    const shifted = Buffer.concat([Buffer.from([1]), bytes]).subarray(1);
    expect([...decodeOrder(shifted, es)!.expansion]).toEqual([3, 0, 2]);
  });

  it('refuses to encode an order of what the entries do not hold', () => {
    expect(() => encodeOrder(es, { ...order, expansion: [{ accountId: 'a0' }] })).toThrow(
      /not among the entries/,
    );
    expect(() => encodeOrder(es, { ...order, accounts: [{ s: { accountId: 'zz' } }] })).toThrow(
      /zz has no entry/,
    );
  });

  it('is not read for other accounts, another collation or positions that cannot be', () => {
    const bytes = encodeOrder(es, order);
    const tagAt = 16;
    const edit = (f: (b: Buffer) => void): Buffer => {
      const b = Buffer.from(bytes);
      f(b);
      return b;
    };
    const at = bytes.length - 4 * 6; // the six positions
    expect(
      decodeOrder(bytes, entries([['expansion'], [], ['expansion', 'expansion']])),
    ).toBeUndefined();
    expect(decodeOrder(bytes, es.slice(0, 2))).toBeUndefined();
    expect(
      decodeOrder(
        edit((b) => b.writeUInt32LE(9, 0)),
        es,
      ),
    ).toBeUndefined();
    expect(
      decodeOrder(
        edit((b) => (b[tagAt] = b[tagAt]! ^ 1)),
        es,
      ),
    ).toBeUndefined();
    expect(
      decodeOrder(
        edit((b) => b.writeUInt32LE(7, at)),
        es,
      ),
    ).toBeUndefined();
    expect(
      decodeOrder(
        edit((b) => b.writeUInt32LE(0, at)),
        es,
      ),
    ).toBeUndefined(); // 0 twice
    expect(
      decodeOrder(
        edit((b) => b.writeUInt32LE(1, at)),
        es,
      ),
    ).toBeUndefined(); // activation
    expect(
      decodeOrder(
        edit((b) => b.writeUInt32LE(0, at + 12)),
        es,
      ),
    ).toBeUndefined(); // a0 twice
    expect(decodeOrder(bytes.subarray(0, bytes.length - 4), es)).toBeUndefined();
    expect(decodeOrder(Buffer.alloc(3), es)).toBeUndefined();
  });
});
