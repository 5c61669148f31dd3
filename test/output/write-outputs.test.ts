import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { AccountSummary, Issue, Opportunity } from '../../src/model/output.js';
import { writeOutputs, writeTextFile } from '../../src/output/write-outputs.js';

const dir = mkdtempSync(join(tmpdir(), 'headroom-out-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('writeOutputs', () => {
  it('writes the same JSON as JSON.stringify, streamed, and leaves no temporary files', async () => {
    const opportunities = [
      { id: 'a', nested: { list: [1, 2], text: 'line\nbreak "quoted"' } },
      { id: 'b', evidence: [] },
    ] as unknown as Opportunity[];
    const accounts: AccountSummary[] = [];
    const issues = [
      { source: 'accounts.csv', object: 'account', reason: 'x', skipped: true },
    ] as Issue[];
    await writeOutputs(dir, { opportunities, accounts, issues, playbook: '# Playbook' });
    const read = (f: string) => readFileSync(join(dir, f), 'utf8');
    expect(read('opportunities.json')).toBe(`${JSON.stringify(opportunities, null, 2)}\n`);
    expect(read('accounts.json')).toBe('[]\n');
    expect(JSON.parse(read('issues.json'))).toEqual(issues);
    expect(read('expansion-playbook.md')).toBe('# Playbook\n');
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('writes the same text across its 1 MB pieces, empty values and nulls included', async () => {
    const many = Array.from({ length: 3000 }, (_, i) => ({
      id: `o-${i}`,
      text: `${'x'.repeat(400)}\n${i}`,
      empty: {},
      none: [],
      nothing: null,
      deep: { a: [{ b: [i, { c: 'd' }] }] },
    })) as unknown as Opportunity[];
    await writeOutputs(dir, { opportunities: many, accounts: [], issues: [], playbook: '' });
    const text = readFileSync(join(dir, 'opportunities.json'), 'utf8');
    expect(text.length).toBeGreaterThan(1.5 * (1 << 20));
    expect(text).toBe(`${JSON.stringify(many, null, 2)}\n`);
  });

  it('writes a playbook of pieces larger than its 1 MB writes, characters of every width across their edges', async () => {
    // Pieces whose 1-, 2-, 3- and 4-byte characters (a surrogate pair) fall on every offset.
    const pieces = [
      `# Playbook ${'a'.repeat(1 << 20)}`,
      'é🚀€x'.repeat(400_000),
      '',
      `${'🚀'.repeat(300_001)}\n`,
    ];
    const file = join(dir, 'expansion-playbook.md');
    await writeTextFile(file, pieces);
    expect(readFileSync(file).equals(Buffer.from(pieces.join('')))).toBe(true);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('writes a table of many short pieces as their joined text, across its 1 MB writes', async () => {
    // A table's lines and the newlines between them, of every width, with long pieces between
    // them: short pieces fill each 1 MB write to its last bytes before a long one goes on.
    const short = ['| Acme | 12 |', '\n', '| Café € | 🚀 |', '\n', 'x', '', '\ud800'];
    const pieces: string[] = [];
    for (let i = 0; i < 400_000; i++) {
      pieces.push(short[i % short.length]!);
      if (i % 99_991 === 0) pieces.push('é'.repeat(300_000 + i));
    }
    const file = join(dir, 'table.md');
    await writeTextFile(file, pieces);
    expect(readFileSync(file).equals(Buffer.from(`${pieces.join('')}\n`))).toBe(true);
  });
});
