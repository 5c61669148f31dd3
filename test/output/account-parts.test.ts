/**
 * Output JSON arrays written account by account (`src/output/account-parts.ts`): the same bytes
 * as `JSON.stringify(items, null, 2)`, and a file made from an older one (unchanged accounts
 * copied by byte range, changed ones written anew) the same bytes as one written whole; and the
 * same written from a worker thread (`src/output/parts-thread.ts`).
 */
import {
  existsSync,
  linkSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { mulberry32 } from '../../examples/generate/random.js';
import { offsetsOf, partOf, writeParts, type Part } from '../../src/output/account-parts.js';
import { writePartsInThread } from '../../src/output/parts-thread.js';

const dir = mkdtempSync(join(tmpdir(), 'headroom-parts-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const TEXTS = ['plain', 'Zoë Ørsted', '🚀 launch', 'two\nlines', 'tab\there', '"quoted"', '\\N'];

type Accounts = { id: string; items: object[] }[];

/** Write `after` patched from the file as it holds `before` (written with `lengths`): the
 * accounts `after` shares with it are copied, the others written anew; over `spare` if given. */
function patch(file: string, before: Accounts, lengths: number[], after: Accounts, spare?: string) {
  const offsets = offsetsOf(lengths);
  return writeParts(
    file,
    after.map((x, i): Part =>
      x === before[i] ? { from: offsets[i]!, length: lengths[i]! } : { text: partOf(x.items) },
    ),
    file,
    spare,
  );
}

/** Accounts with 0–3 items each, text as odd as a CRM's. */
function accounts(n: number, seed: number): Accounts {
  const r = mulberry32(seed);
  return Array.from({ length: n }, (_, i) => ({
    id: `A${String(i).padStart(4, '0')}`,
    items: Array.from({ length: Math.floor(r() * 4) }, (_, k) => ({
      id: `A${i}-${k}`,
      title: `${TEXTS[Math.floor(r() * TEXTS.length)]} ${i}`,
      score: Math.round(r() * 1000) / 100,
      evidence: [{ signal: 'seats', value: r() }],
    })),
  }));
}

const whole = (accs: { items: object[] }[]) =>
  `${JSON.stringify(
    accs.flatMap((a) => a.items),
    null,
    2,
  )}\n`;

describe('writeParts', () => {
  it('writes what JSON.stringify writes, empty arrays and empty accounts included', async () => {
    for (const [n, seed] of [
      [0, 1],
      [1, 2],
      [5, 3],
      [300, 4],
    ] as const) {
      const accs = accounts(n, seed);
      const file = join(dir, `whole-${n}.json`);
      const lengths = await writeParts(
        file,
        accs.map((a) => ({ text: partOf(a.items) })),
      );
      expect(readFileSync(file, 'utf8')).toBe(whole(accs));
      expect(lengths).toEqual(accs.map((a) => Buffer.byteLength(partOf(a.items))));
    }
    const none = join(dir, 'none.json');
    await writeParts(none, [{ text: '' }, { text: '' }]);
    expect(readFileSync(none, 'utf8')).toBe('[]\n');
  });

  it('writes files of many megabytes (pieces of about 1 MB) whole and patched', async () => {
    // Long multi-byte texts: parts straddle the writes' pieces, and bytes differ from characters.
    const long = (a: { id: string; items: object[] }) => ({
      ...a,
      items: a.items.map((it) => ({ ...it, note: `Zoë 🚀 ${a.id} `.repeat(200) })),
    });
    const before = accounts(3000, 11).map(long);
    const file = join(dir, 'big.json');
    const lengths = await writeParts(
      file,
      before.map((a) => ({ text: partOf(a.items) })),
    );
    expect(readFileSync(file).length).toBeGreaterThan(8 << 20);
    expect(readFileSync(file, 'utf8')).toBe(whole(before));
    const edits = accounts(3000, 12).map(long);
    const after = before.map((a, i) => (i % 97 === 5 ? edits[i]! : a));
    await patch(file, before, lengths, after);
    expect(readFileSync(file, 'utf8')).toBe(whole(after));
  });

  it('writes a part larger than its 1 MB pieces, and copies runs longer than one 16 MB read', async () => {
    const file = join(dir, 'large-parts.json');
    const big = (id: string, n: number) => ({
      id,
      items: [{ id, note: `Zoë 🚀 ${id} `.repeat(n) }],
    });
    // Parts of 3 MB and 24 MB between parts of a few bytes.
    const before = [big('A1', 10), big('A2', 250_000), big('A3', 10), big('A4', 2_000_000)];
    const lengths = await writeParts(
      file,
      before.map((a) => ({ text: partOf(a.items) })),
    );
    expect(lengths[1]).toBeGreaterThan(3 << 20);
    expect(lengths[3]).toBeGreaterThan(20 << 20);
    expect(readFileSync(file, 'utf8')).toBe(whole(before));
    const after = [big('A1', 11), ...before.slice(1, 2), big('A3', 12), before[3]!];
    await patch(file, before, lengths, after);
    expect(readFileSync(file, 'utf8')).toBe(whole(after));
  });

  it('makes a file from an older one: unchanged accounts copied, the others written anew', async () => {
    const before = accounts(400, 7);
    const file = join(dir, 'patched.json');
    const lengths = await writeParts(
      file,
      before.map((a) => ({ text: partOf(a.items) })),
    );
    const offsets = offsetsOf(lengths);
    // Some accounts changed, some gone, some new; the first and the last among them.
    const edits = accounts(400, 8);
    const after = before
      .map((a, i) =>
        i % 7 === 0 || i === 399 ? { ...a, items: edits[i]!.items, changed: true } : a,
      )
      .filter((_, i) => i % 11 !== 3);
    after.splice(50, 0, { id: 'A0049x', items: edits[1]!.items, changed: true });
    const index = new Map(before.map((a, i) => [a.id, i]));
    const parts = after.map((a): Part => {
      const i = index.get(a.id);
      return 'changed' in a || i === undefined
        ? { text: partOf(a.items) }
        : { from: offsets[i]!, length: lengths[i]! };
    });
    const again = await writeParts(file, parts, file);
    expect(readFileSync(file, 'utf8')).toBe(whole(after));
    expect(again).toEqual(after.map((a) => Buffer.byteLength(partOf(a.items))));
  });
});

describe('writeParts over a spare', () => {
  /** Write `accs` whole. */
  const write = (file: string, accs: Accounts, spare: string) =>
    writeParts(
      file,
      accs.map((a) => ({ text: partOf(a.items) })),
      undefined,
      spare,
    );
  it('keeps the file it replaces as the spare and writes the next file over it', async () => {
    const sub = mkdtempSync(join(dir, 'spare-'));
    const file = join(sub, 'out', 'opportunities.json');
    const spare = join(sub, 'cache', 'opportunities.spare');
    const [a, b, c] = [accounts(300, 21), accounts(280, 22), accounts(50, 23)];
    await write(file, a, spare);
    // Nothing replaced, nothing kept.
    expect(existsSync(spare)).toBe(false);
    await write(file, b, spare);
    expect(readFileSync(file, 'utf8')).toBe(whole(b));
    expect(readFileSync(spare, 'utf8')).toBe(whole(a));
    const inode = statSync(spare).ino;
    // A shorter file written over the longer spare: its tail goes.
    const lengths = await write(file, c, spare);
    expect(statSync(file).ino).toBe(inode);
    expect(readFileSync(file, 'utf8')).toBe(whole(c));
    expect(readFileSync(spare, 'utf8')).toBe(whole(b));
    // Patched from the file in place, over the spare.
    const d = c.map((x, i) => (i % 5 === 0 ? { ...x, items: b[i]!.items } : x));
    await patch(file, c, lengths, d, spare);
    expect(readFileSync(file, 'utf8')).toBe(whole(d));
    expect(readFileSync(spare, 'utf8')).toBe(whole(c));
    expect(readdirSync(join(sub, 'out'))).toEqual(['opportunities.json']);
    expect(readdirSync(join(sub, 'cache'))).toEqual(['opportunities.spare']);
  });

  it('does not write over a spare that is the file itself (a run stopped half-way)', async () => {
    const sub = mkdtempSync(join(dir, 'linked-'));
    const file = join(sub, 'opportunities.json');
    const spare = join(sub, 'opportunities.spare');
    const [a, b] = [accounts(120, 31), accounts(140, 32)];
    await write(file, a, spare);
    linkSync(file, spare);
    const lengths = await write(file, b, spare);
    expect(readFileSync(file, 'utf8')).toBe(whole(b));
    // Patched from the file while the spare is the same file.
    rmSync(spare);
    linkSync(file, spare);
    // Longer parts early on: written into the file being read, they would overwrite what is
    // still to be copied.
    const d = b.map((x, i) =>
      i % 3 === 0 ? { ...x, items: [...x.items, ...a[i % a.length]!.items] } : x,
    );
    await patch(file, b, lengths, d, spare);
    expect(readFileSync(file, 'utf8')).toBe(whole(d));
  });

  it('writes the file anew when the spare cannot be on its file system', async () => {
    // /dev/shm is a memory file system on Linux: a hard link to it from here fails (EXDEV).
    const shm = '/dev/shm';
    if (!existsSync(shm) || statSync(shm).dev === statSync(dir).dev) return;
    const other = mkdtempSync(join(shm, 'headroom-spare-'));
    try {
      const file = join(dir, 'elsewhere.json');
      const spare = join(other, 'opportunities.spare');
      const [a, b] = [accounts(60, 41), accounts(70, 42)];
      await write(file, a, spare);
      await write(file, b, spare);
      expect(readFileSync(file, 'utf8')).toBe(whole(b));
      expect(existsSync(spare)).toBe(false);
    } finally {
      rmSync(other, { recursive: true, force: true });
    }
  });
});

describe('writePartsInThread', () => {
  it('writes files in a worker thread as writeParts writes them, a patched one included', async () => {
    const before = accounts(500, 21);
    const [a, b] = [join(dir, 'thread-a.json'), join(dir, 'thread-b.json')];
    const [la, lb] = await writePartsInThread([
      { file: a, parts: before.map((x) => ({ text: partOf(x.items) })) },
      { file: b, parts: before.map((x) => ({ text: partOf(x.items.slice(0, 1)) })) },
    ]);
    expect(readFileSync(a, 'utf8')).toBe(whole(before));
    expect(readFileSync(b, 'utf8')).toBe(
      whole(before.map((x) => ({ items: x.items.slice(0, 1) }))),
    );
    // Patched from themselves: every third account changed.
    const edits = accounts(500, 22);
    const after = before.map((x, i) => (i % 3 === 0 ? edits[i]! : x));
    const offsets = offsetsOf(la!);
    const again = await writePartsInThread([
      {
        file: a,
        parts: after.map((x, i): Part =>
          x === before[i] ? { from: offsets[i]!, length: la![i]! } : { text: partOf(x.items) },
        ),
        old: a,
      },
    ]);
    expect(readFileSync(a, 'utf8')).toBe(whole(after));
    expect(again).toEqual([after.map((x) => Buffer.byteLength(partOf(x.items)))]);
    expect(lb).toHaveLength(500);
  });

  it('fails naming the file when a part is not in the old one, and leaves the file as it was', async () => {
    const file = join(dir, 'thread-short.json');
    await writeParts(file, [{ text: '1' }, { text: '2' }]);
    const error = await writePartsInThread([
      { file, parts: [{ text: '3' }, { from: 2, length: 1 << 20 }], old: file },
    ]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toContain(file);
    expect((error as Error).message).toMatch(/ended at byte/);
    expect(readFileSync(file, 'utf8')).toBe('[\n1,\n2\n]\n');
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});
