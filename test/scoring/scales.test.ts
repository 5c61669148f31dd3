/**
 * Scales (issue 14): NPS as a 0–10 survey response or as the NPS index, CSAT on 1–5, 0–100 or as
 * a fraction, health scores on 0–10 or 0–100: declared, or detected per portfolio, stated in the
 * health reasons, and every threshold applied on the value's own scale.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Account } from '../../src/model/records.js';
import { ScalesSchema } from '../../src/model/scales.js';
import { portfolioScales } from '../../src/scoring/scales.js';
import { account, score, settings } from './builders.js';

type Health = NonNullable<Parameters<typeof account>[0]>['health'];
const AUTO = ScalesSchema.parse({});
const withHealth = (values: readonly Health[]): Account[] =>
  values.map((health) => account({ health }));
const nps = (...v: number[]) => withHealth(v.map((n) => ({ nps: n })));

describe('scale detection per portfolio', () => {
  it.each([
    { name: 'survey responses', accounts: nps(9, 7, 3, 10, 8, 0), nps: 'response' },
    { name: 'an NPS index', accounts: nps(30, -10, 55, 0, 72), nps: 'index' },
    { name: 'an index that is all positive', accounts: nps(12, 35, 48, 20), nps: 'index' },
    // One dirty value in ten does not flip a portfolio of responses.
    {
      name: 'responses with one stray 45',
      accounts: nps(9, 8, 7, 45, 10, 9, 8, 7, 6, 9),
      nps: 'response',
    },
    { name: 'two of three outside 0–10', accounts: nps(5, 40, -30), nps: 'index' },
    { name: 'averaged responses', accounts: nps(8.4, 7.9, 9.1), nps: 'response' },
  ])('NPS from $name → $nps', ({ accounts, nps: expected }) => {
    expect(portfolioScales(accounts, AUTO).nps).toEqual({ scale: expected, source: 'detected' });
  });

  it.each([
    { values: [7.5, 8, 6, 9.2], scale: '0-10' },
    { values: [75, 80, 9, 64], scale: '0-100' },
    { values: [], scale: '0-100' },
  ])('health scores $values → $scale', ({ values, scale }) => {
    const accounts = withHealth(values.map((v) => ({ score: v })));
    expect(portfolioScales(accounts, AUTO).healthScore.scale).toBe(scale);
  });

  it.each([
    { values: [0.8, 0.95, 0.6], scale: 'fraction' },
    { values: [4, 4.5, 3, 5, 1], scale: '1-5' },
    { values: [88, 92, 4, 71], scale: '0-100' },
  ])('CSAT $values → $scale', ({ values, scale }) => {
    const accounts = withHealth(values.map((v) => ({ csat: v })));
    expect(portfolioScales(accounts, AUTO).csat.scale).toBe(scale);
  });

  it('a declared scale wins over what the values suggest', () => {
    const declared = ScalesSchema.parse({ nps: 'index', healthScore: '0-100' });
    const s = portfolioScales(
      withHealth([
        { nps: 9, score: 8 },
        { nps: 8, score: 7 },
      ]),
      declared,
    );
    expect(s.nps).toEqual({ scale: 'index', source: 'declared' });
    expect(s.healthScore).toEqual({ scale: '0-100', source: 'declared' });
  });
});

/** The light of the first account, scored in a portfolio whose other accounts set the scale. */
function judged(target: Health, others: readonly Health[], over: Record<string, unknown> = {}) {
  const a = account({ health: target });
  const r = score({ accounts: [a, ...withHealth(others)] }, { settings: settings(over) });
  return r.accounts[0]!;
}

const RESPONSES: Health[] = [9, 7, 5, 10, 8, 6, 9].map((n) => ({ score: 80, nps: n }));
const INDEX: Health[] = [30, -40, 5, 60, 22, -5].map((n) => ({ score: 80, nps: n }));

describe('thresholds on the right scale', () => {
  it.each([
    {
      nps: 9,
      others: RESPONSES,
      light: 'green',
      reason: 'NPS 9 (survey response, 0–10 scale detected): promoter',
    },
    {
      nps: 10,
      others: RESPONSES,
      light: 'green',
      reason: 'NPS 10 (survey response, 0–10 scale detected): promoter',
    },
    {
      nps: 8,
      others: RESPONSES,
      light: 'yellow',
      reason: 'NPS 8 (survey response, 0–10 scale detected): passive',
    },
    {
      nps: 7,
      others: RESPONSES,
      light: 'yellow',
      reason: 'NPS 7 (survey response, 0–10 scale detected): passive',
    },
    {
      nps: 6,
      others: RESPONSES,
      light: 'red',
      reason: 'NPS 6 (survey response, 0–10 scale detected): detractor',
    },
    {
      nps: 0,
      others: RESPONSES,
      light: 'red',
      reason: 'NPS 0 (survey response, 0–10 scale detected): detractor',
    },
    {
      nps: 9,
      others: INDEX,
      light: 'yellow',
      reason: 'NPS 9 (NPS index, −100…100 scale detected) is below 10',
    },
    {
      nps: 10,
      others: INDEX,
      light: 'green',
      reason: 'NPS 10 (NPS index, −100…100 scale detected)',
    },
    {
      nps: -21,
      others: INDEX,
      light: 'red',
      reason: 'NPS -21 (NPS index, −100…100 scale detected) is below -20',
    },
  ])('NPS $nps among $others.length others → $light', ({ nps: value, others, light, reason }) => {
    const s = judged({ score: 80, nps: value }, others);
    expect(s.health).toBe(light);
    expect(s.healthReasons).toContain(reason);
  });

  it.each([
    { value: 8, light: 'green', reason: 'health score 8 (0–10 scale detected)' },
    { value: 6, light: 'yellow', reason: 'health score 6 (0–10 scale detected) is below 7' },
    { value: 4.5, light: 'red', reason: 'health score 4.5 (0–10 scale detected) is below 5' },
  ])('health score $value on 0–10 → $light', ({ value, light, reason }) => {
    const s = judged({ score: value }, [{ score: 9 }, { score: 7.5 }, { score: 8.2 }]);
    expect(s.health).toBe(light);
    expect(s.healthReasons).toContain(reason);
  });

  // Low satisfaction is a warning, never red on its own.
  it.each([
    { value: 4.5, others: [4, 5, 3.5], light: 'green', reason: 'CSAT 4.5 (1–5 scale detected)' },
    {
      value: 3,
      others: [4, 5, 3.5],
      light: 'yellow',
      reason: 'CSAT 3 (1–5 scale detected) is below 3.4',
    },
    {
      value: 1,
      others: [4, 5, 3.5],
      light: 'yellow',
      reason: 'CSAT 1 (1–5 scale detected) is below 3.4',
    },
    {
      value: 55,
      others: [90, 82, 70],
      light: 'yellow',
      reason: 'CSAT 55 (0–100 scale detected) is below 60',
    },
    {
      value: 0.5,
      others: [0.9, 0.8],
      light: 'yellow',
      reason: 'CSAT 0.5 (0–1 fraction scale detected) is below 0.6',
    },
    {
      value: 0.75,
      others: [0.9, 0.8],
      light: 'green',
      reason: 'CSAT 0.75 (0–1 fraction scale detected)',
    },
  ])('CSAT $value → $light', ({ value, others, light, reason }) => {
    const s = judged(
      { score: 80, csat: value },
      others.map((v) => ({ score: 80, csat: v })),
    );
    expect(s.health).toBe(light);
    expect(s.healthReasons).toContain(reason);
  });

  it('a declared scale is said to be declared', () => {
    const s = judged({ score: 80, nps: 9 }, [], { scales: { nps: 'response' } });
    expect(s.healthReasons).toContain('NPS 9 (survey response, 0–10 scale declared): promoter');
  });

  it('a value off the detected scale is reported, not judged', () => {
    const others: Health[] = [9, 8, 7, 10, 9, 8, 7, 6, 9].map((n) => ({ score: 80, nps: n }));
    const s = judged({ score: 80, nps: 45 }, others);
    expect(s.health).toBe('green');
    expect(s.healthReasons).toContain(
      'NPS 45 is outside the survey response, 0–10 scale detected: not judged',
    );
  });

  it('stabilization states the way back on the same scale', () => {
    const a = account({ health: { score: 3 } });
    const r = score({ accounts: [a, ...withHealth([{ score: 8 }, { score: 9 }])] });
    const o = r.opportunities.find((x) => x.accountId === a.id && x.type === 'stabilization')!;
    expect(o.description).toContain('health score back to 7+');
    expect(o.evidence.find((e) => e.signal === 'health_reason')).toMatchObject({
      value: 3,
      threshold: 5,
      field: 'health.score',
    });
  });
});

describe('metamorphic: the NPS index rescaled to 0–10 responses', () => {
  // An index band and a response band mean the same: under −20 ~ detractor, −20…9 ~ passive,
  // 10+ ~ promoter (the default thresholds). Rescaling every account must change no light.
  const toResponse = (index: number, pick: number): number =>
    index < -20 ? pick % 7 : index < 10 ? 7 + (pick % 2) : 9 + (pick % 2);
  const row = fc.record({
    index: fc.integer({ min: -100, max: 100 }),
    pick: fc.nat({ max: 100 }),
    score: fc.option(fc.integer({ min: 20, max: 100 }), { nil: undefined }),
    tickets90d: fc.option(fc.integer({ min: 0, max: 40 }), { nil: undefined }),
  });

  it('changes no health light, detected or declared', () => {
    fc.assert(
      fc.property(fc.array(row, { minLength: 12, maxLength: 30 }), (rows) => {
        const build = (nps: (r: (typeof rows)[number]) => number) =>
          rows.map((r, i) =>
            account({
              id: `files:M${i}`,
              health: {
                nps: nps(r),
                ...(r.score !== undefined && { score: r.score }),
                ...(r.tickets90d !== undefined && { tickets90d: r.tickets90d }),
              },
            }),
          );
        const asIndex = build((r) => r.index);
        fc.pre(portfolioScales(asIndex, AUTO).nps.scale === 'index');
        const lights = (accounts: Account[], over: Record<string, unknown> = {}) =>
          score({ accounts }, { settings: settings(over) }).accounts.map((s) => s.health);
        const before = lights(asIndex);
        const asResponse = build((r) => toResponse(r.index, r.pick));
        expect(lights(asResponse)).toEqual(before);
        expect(lights(asResponse, { scales: { nps: 'response' } })).toEqual(before);
      }),
      { numRuns: 40, seed: 14 },
    );
  });
});
