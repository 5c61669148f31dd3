/**
 * Rows told by their cells (`connectors/files/row-tap.ts`): a row the last pull read with the
 * same cells, however quoted, is not parsed, and the read is otherwise the one without it: the
 * same rows with the same numbers, ids and fields (asked of the held-back row), the same
 * problems on the same lines.
 * Checked on seeded files with what exports carry: quoted cells over several lines, doubled
 * quotes, blank lines, a BOM, CRLF, semicolons, duplicate ids, and bad lines that stop the tap.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, describe, expect, it } from 'vitest';
import { createFilesConnector } from '../../../connectors/files/index.js';
import { readDelimited } from '../../../connectors/files/read-delimited.js';
import { splitCells } from '../../../connectors/files/row-tap.js';
import type { SheetItem } from '../../../connectors/files/rows.js';
import type { KnownRows, RawRecord } from '../../../connectors/types.js';

const dir = mkdtempSync(join(tmpdir(), 'headroom-row-tap-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let files = 0;
function file(text: string, ext: 'csv' | 'tsv' = 'csv'): string {
  const f = join(dir, `f${files++}.${ext}`);
  writeFileSync(f, text);
  return f;
}

async function read(f: string, known?: KnownRows): Promise<SheetItem[]> {
  const out: SheetItem[] = [];
  for await (const item of readDelimited(f, f.endsWith('.tsv') ? 'tsv' : 'csv', known))
    out.push(item);
  return out;
}

/** What the pull would know after reading `items`: each row with an id by its bytes. */
function knownFrom(items: SheetItem[]): KnownRows & { rows: Map<string, string> } {
  const rows = new Map<string, string>();
  for (const it of items) {
    if ('fields' in it && it.bytesHash && it.fields.id)
      rows.set(it.bytesHash, String(it.fields.id));
    if ('read' in it) rows.set(it.bytesHash, it.id);
  }
  return {
    rows,
    rowOf: (b) => {
      const id = rows.get(b);
      return id === undefined ? undefined : { id, rowHash: `digest-of-${id}` };
    },
  };
}

/** A read as the mapping sees it: held-back rows with their fields asked for. */
const asRead = (items: SheetItem[]) =>
  items.map((it) => {
    if ('problems' in it) return it;
    if ('read' in it) return { row: it.row, fields: it.read() };
    return { row: it.row, fields: it.fields };
  });
const held = (items: SheetItem[]) => items.filter((it) => 'read' in it).length;

/** A seeded generator (mulberry32): the files are the same on every run. */
function rng(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A CSV with the shapes exports take, `bad` lines of trouble among them. */
function messy(seed: number, opts: { bad?: boolean; delimiter?: string; crlf?: boolean } = {}) {
  const r = rng(seed);
  const d = opts.delimiter ?? ',';
  const nl = opts.crlf ? '\r\n' : '\n';
  const cell = (i: number): string => {
    const k = r();
    if (k < 0.1) return `"Line one${nl}line two, ""quoted"""`;
    if (k < 0.2) return `"${d} inside"`;
    if (k < 0.25) return '';
    return `v${i}-${Math.floor(r() * 1000)}`;
  };
  const lines = [`\uFEFFid${d}name${d}note${d}amount`];
  const ids: string[] = [];
  for (let i = 0; i < 120; i++) {
    const k = r();
    if (k < 0.04) lines.push('');
    else if (k < 0.08 && ids.length) lines.push(lines[lines.length - 1]!);
    else if (opts.bad && k < 0.1) lines.push(`bro"ken${d}row`);
    else if (opts.bad && k < 0.12) lines.push(`x${i}${d}a${d}b${d}c${d}one too many`);
    else {
      const id = `ID-${i}`;
      ids.push(id);
      lines.push([id, cell(i), cell(i + 1), String(Math.floor(r() * 1e5))].join(d));
    }
  }
  return lines.join(nl) + (r() < 0.5 ? nl : '');
}

describe('rows told by their cells', () => {
  it('hands on unread every row the last read saw, numbered and read as without it', async () => {
    for (const seed of [1, 2, 3, 4, 5, 6]) {
      for (const opts of [{}, { crlf: true }, { delimiter: ';' }]) {
        const f = file(messy(seed, opts));
        const plain = await read(f);
        const first = await read(f, { rowOf: () => undefined });
        // The digests change nothing of the read itself.
        expect(asRead(first), `seed ${seed}`).toEqual(asRead(plain));
        const known = knownFrom(first);
        expect(known.rows.size).toBeGreaterThan(50);
        const again = await read(f, known);
        expect(asRead(again), `seed ${seed} ${JSON.stringify(opts)}`).toEqual(asRead(plain));
        // Each id is held back once: a repeated row is read, for the duplicate rule.
        const ids = again.flatMap((it) => ('read' in it ? [it.id] : []));
        expect(new Set(ids).size).toBe(ids.length);
        expect(held(again)).toBeGreaterThan(known.rows.size * 0.9);
      }
    }
  });

  it('reads a TSV the same way', async () => {
    const f = file(messy(9, { delimiter: '\t' }), 'tsv');
    const plain = await read(f);
    const again = await read(f, knownFrom(await read(f, { rowOf: () => undefined })));
    expect(asRead(again)).toEqual(asRead(plain));
    expect(held(again)).toBeGreaterThan(50);
  });

  it('stops at the first line that is not well-formed; what follows reads as it did', async () => {
    for (const seed of [11, 12, 13, 14]) {
      const f = file(messy(seed, { bad: true }));
      const plain = await read(f);
      expect(plain.some((it) => 'problems' in it)).toBe(true);
      const known = knownFrom(await read(f, { rowOf: () => undefined }));
      const again = await read(f, known);
      // The same problems on the same lines, the same rows around them.
      expect(asRead(again), `seed ${seed}`).toEqual(asRead(plain));
      // Rows after the first bad line are read: their bytes were never digested.
      const firstBad = plain.findIndex((it) => 'problems' in it);
      const after = again.slice(firstBad + 1);
      expect(after.some((it) => 'read' in it)).toBe(false);
      // The rows before it are held back.
      expect(held(again.slice(0, firstBad))).toBeGreaterThan(0);
    }
  });

  it('reads a row whose bytes moved, and only that one', async () => {
    const text = messy(21);
    const f = file(text);
    const known = knownFrom(await read(f, { rowOf: () => undefined }));
    const edited = text.replace(/^ID-40,[^\n]*$/m, 'ID-40,renamed,,7');
    expect(edited).not.toBe(text);
    const g = file(edited);
    const again = await read(g, known);
    expect(asRead(again)).toEqual(asRead(await read(g)));
    const parsed = again.filter((it) => 'fields' in it && it.fields.id);
    expect(parsed.map((it) => 'fields' in it && it.fields.id)).toContain('ID-40');
    // Besides it, only repeats of a held-back id are parsed.
    expect(parsed.length).toBeLessThan(8);
  });

  it('holds back the rows of an export saved again with every cell quoted', async () => {
    for (const seed of [31, 32, 33]) {
      for (const opts of [{}, { crlf: true }, { delimiter: ';' }]) {
        const text = messy(seed, opts);
        const d = opts.delimiter ?? ',';
        const nl = opts.crlf ? '\r\n' : '\n';
        const known = knownFrom(await read(file(text), { rowOf: () => undefined }));
        // As a spreadsheet app writes it back: the same cells, every one quoted.
        const quoted = (
          parse(text, { bom: true, delimiter: d, relax_column_count: true }) as string[][]
        )
          // A blank line stays blank.
          .map((cells) =>
            cells.length === 1 && cells[0] === ''
              ? ''
              : cells.map((c) => `"${c.replace(/"/g, '""')}"`).join(d),
          )
          .join(nl);
        expect(quoted).not.toBe(text);
        const g = file(`\uFEFF${quoted}${nl}`);
        const again = await read(g, known);
        expect(asRead(again), `seed ${seed} ${JSON.stringify(opts)}`).toEqual(
          asRead(await read(g)),
        );
        expect(held(again)).toBeGreaterThan(known.rows.size * 0.9);
      }
    }
  });

  it('reads a row whose cells moved though its bytes could be read alike', async () => {
    const text = 'id,x,y\n1,ab,\n2,"a""b",c\n';
    const known = knownFrom(await read(file(text), { rowOf: () => undefined }));
    expect(known.rows.size).toBe(2);
    // A cell split in two, and a doubled quote read as two cells.
    const moved = file('id,x,y\n1,a,b\n2,"a""","b,c"\n');
    const again = await read(moved, known);
    expect(held(again)).toBe(0);
    expect(asRead(again)).toEqual(asRead(await read(moved)));
  });

  it('reads every row when the header moved (the same bytes mean other columns)', async () => {
    const text = 'id,name,amount\n1,a,10\n2,b,20\n';
    const known = knownFrom(await read(file(text), { rowOf: () => undefined }));
    const swapped = file('id,amount,name\n1,a,10\n2,b,20\n');
    const again = await read(swapped, known);
    expect(held(again)).toBe(0);
    expect(asRead(again)).toEqual(asRead(await read(swapped)));
  });

  it('holds back a row with a quoted cell over a chunk boundary, and the rows after it', async () => {
    // Rows of ~70 KB: every one spans the stream's 64 KiB chunks.
    const big = 'x'.repeat(70_000);
    const text = `id,text\n${[1, 2, 3, 4].map((i) => `${i},"${big}\n${i}"`).join('\n')}\n5,end\n`;
    const f = file(text);
    const known = knownFrom(await read(f, { rowOf: () => undefined }));
    expect(known.rows.size).toBe(5);
    const again = await read(f, known);
    expect(held(again)).toBe(5);
    expect(asRead(again)).toEqual(asRead(await read(f)));
  });

  it('splits a well-formed row into the cells csv-parse reads', () => {
    const r = rng(77);
    const pieces = [
      '',
      'plain',
      'a,b',
      'a;b',
      'say "hi"',
      'two\nlines',
      'tab\there',
      'é€😀',
      ' pad ',
      '"',
    ];
    for (let n = 0; n < 2000; n++) {
      const d = [',', ';', '\t'][n % 3]!;
      const cells = Array.from(
        { length: 1 + Math.floor(r() * 6) },
        () => pieces[Math.floor(r() * pieces.length)]!,
      );
      // Quoted where it must be, and now and then where it need not.
      const line = cells
        .map((c) =>
          /[",;\t\n]/.test(c) || c === '' || r() < 0.3 ? `"${c.replace(/"/g, '""')}"` : c,
        )
        .join(d);
      const expected = (parse(line, { delimiter: d, relax_column_count: true }) as string[][])[0];
      const b = Buffer.from(`${line}\n`);
      expect(splitCells(b, 0, b.length - 1, d.charCodeAt(0)), line).toEqual(expected);
    }
  });

  it('splits the rows nothing is known of, and csv-parse still reports every bad line', async () => {
    const r = rng(5);
    const lines = ['\uFEFFid,name,note'];
    for (let i = 0; i < 2600; i++) {
      const k = r();
      if (k < 0.01) lines.push(`x${i},a,b,one too many`);
      else if (k < 0.02) lines.push(`x${i},\u0001\u0002,bin`);
      else if (k < 0.03) lines.push(`x${i},a,b,,,`);
      else if (k < 0.04) lines.push(',,');
      else if (k < 0.05) lines.push('');
      else if (k < 0.06) lines.push(`x${i},"multi\nline, ""quoted""",é€`);
      else if (k < 0.07) lines.push(`x${i},short`);
      else lines.push(`x${i},name ${i},${Math.floor(r() * 1000)}`);
    }
    lines.push('bro"ken,row', 'x-last,after,the stop');
    for (const crlf of [false, true]) {
      const f = file(lines.join(crlf ? '\r\n' : '\n'));
      const plain = await read(f);
      const split = await read(f, { rowOf: () => undefined });
      expect(asRead(split)).toEqual(asRead(plain));
      const problems = JSON.stringify(plain.filter((it) => 'problems' in it));
      expect(problems).toMatch(/binary data/);
      expect(problems).toMatch(/4 fields but the header has 3/);
      expect(problems).toMatch(/line 26\d\d: Invalid Opening Quote/);
      expect(plain.filter((it) => 'fields' in it).length).toBeGreaterThan(2400);
    }
  });

  it('remembers the rows of a file with ids, not rows whose ids are their position', async () => {
    const folder = join(dir, 'folder');
    mkdirSync(folder);
    writeFileSync(join(folder, 'accounts.csv'), 'account_id,name\nA-1,Acme\nA-2,Beta\n');
    writeFileSync(join(folder, 'usage.csv'), 'account_id,date,metric,value\nA-1,2026-01-01,x,1\n');
    const conn = await createFilesConnector({ connection: 'f', options: { source: folder } });
    const pull = async (object: string, known: KnownRows) => {
      const out: RawRecord[] = [];
      for await (const page of conn.pull({ object, fields: [] }, known)) out.push(...page.records);
      return out;
    };
    const everything: KnownRows = { rowOf: () => ({ id: 'A-1', rowHash: 'd' }) };
    const accounts = await pull('accounts', { rowOf: () => undefined });
    expect(accounts.map((r) => typeof r.bytesHash)).toEqual(['string', 'string']);
    const usage = await pull('usage', everything);
    expect(usage.map((r) => [r.id, r.bytesHash, r.unread])).toEqual([
      ['usage-2', undefined, undefined],
    ]);
  });
});
