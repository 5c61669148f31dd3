/**
 * Plans and products resolved against the active catalog. The catalog here is not the demo's:
 * other tier and module keys and names, so nothing can pass because it happens to be a demo key.
 */
import { describe, expect, it } from 'vitest';
import type { RawRecord } from '../../connectors/types.js';
import { mapRecord } from '../../src/mapping/apply.js';
import { catalogRefIndex, resolveCatalogRef } from '../../src/mapping/catalog-refs.js';
import { loadMapping } from '../../src/mapping/load.js';
import { CatalogSchema } from '../../src/model/catalog.js';

const FOREIGN = CatalogSchema.parse({
  currency: 'EUR',
  tiers: [
    { key: 'lite', name: 'Lite', seatPrice: 100 },
    { key: 'team_plus', name: 'Team Plus Plan', seatPrice: 300 },
    { key: 'corporate', name: 'Corporate', seatPrice: 600 },
    { key: 'corp_max', name: 'Corporate Max', seatPrice: 900 },
  ],
  modules: [
    { key: 'vault', name: 'Data Vault', price: { flat: 5000 } },
    { key: 'pulse_ai', name: 'Pulse AI', price: { perSeat: 20 } },
  ],
});
const index = catalogRefIndex(FOREIGN);

describe('resolveCatalogRef: tiers', () => {
  it.each([
    ['lite', 'lite'],
    ['LITE', 'lite'],
    [' Lite ', 'lite'],
    ['Lite Plan', 'lite'],
    ['lite-tier', 'lite'],
    ['team_plus', 'team_plus'],
    ['TEAM PLUS', 'team_plus'], // the name without its trailing "Plan"
    ['Team Plus Plan', 'team_plus'],
    ['team-plus', 'team_plus'],
    ['Corporate Max', 'corp_max'], // an exact name wins over an abbreviation of another
    ['corporate', 'corporate'],
    ['Team', 'team_plus'], // an unambiguous abbreviation
  ])('%j -> %s', (value, key) => {
    expect(resolveCatalogRef(index, 'tier', value)).toEqual({ ok: true, key });
  });

  it.each([
    [
      'enterprise',
      'is not a tier of the catalog (its tiers are lite, team_plus, corporate, corp_max)',
    ],
    ['professional', 'is not a tier of the catalog'],
    ['Li', 'is not a tier of the catalog'], // too short to be read as an abbreviation
    ['Plan', 'is not a tier of the catalog'],
    ['Corp', 'could be the catalog tier corporate or corp_max'], // ambiguous: refused
  ])('%j is refused: %s', (value, reason) => {
    const r = resolveCatalogRef(index, 'tier', value);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.reason).toContain(reason);
    expect(!r.ok && r.reason).toContain('lite, team_plus, corporate, corp_max');
  });
});

describe('resolveCatalogRef: modules', () => {
  it.each([
    ['vault', 'vault'],
    ['Data Vault', 'vault'],
    ['DATA_VAULT', 'vault'],
    ['data vault module', 'vault'],
    ['Pulse AI add-on', 'pulse_ai'],
    ['pulse_ai', 'pulse_ai'],
  ])('%j -> %s', (value, key) => {
    expect(resolveCatalogRef(index, 'module', value)).toEqual({ ok: true, key });
  });

  it('refuses a module the catalog does not sell, listing its keys', () => {
    expect(resolveCatalogRef(index, 'module', 'insight_studio')).toEqual({
      ok: false,
      reason: '"insight_studio" is not a module of the catalog (its modules are vault, pulse_ai)',
    });
  });

  it('does not take a tier for a module', () => {
    expect(resolveCatalogRef(index, 'module', 'Lite').ok).toBe(false);
  });
});

describe('the default files mapping with a foreign catalog', () => {
  const spec = loadMapping('mappings/files.yaml').objects.account!;
  const ctx = { connection: 'files', source: 'accounts.csv', catalog: index };
  const raw = (fields: Record<string, unknown>): RawRecord => ({
    id: String(fields.account_id),
    row: 7,
    fields: { name: 'Nordlicht GmbH', arr: '€48,000', ...fields },
  });

  it('normalizes plan and products to the catalog keys without an issue', () => {
    const { record, issues } = mapRecord(
      'account',
      spec,
      raw({ account_id: 'N-1', plan: 'Team Plus Plan', products: 'Data Vault; PULSE AI' }),
      ctx,
    );
    expect(issues).toEqual([]);
    expect(record).toMatchObject({ plan: 'team_plus', products: ['vault', 'pulse_ai'] });
  });

  it('keeps the record without an unknown plan or product, one issue each naming file, row and field', () => {
    const { record, issues } = mapRecord(
      'account',
      spec,
      raw({ account_id: 'N-2', plan: 'professional', products: 'vault;insight_studio' }),
      ctx,
    );
    expect(record).toMatchObject({ crmId: 'N-2', arr: 48000, products: ['vault'] });
    expect(record).not.toHaveProperty('plan');
    expect(issues).toEqual([
      {
        source: 'accounts.csv',
        object: 'account',
        recordId: 'N-2',
        row: 7,
        field: 'plan',
        value: 'professional',
        reason:
          'plan: "professional" is not a tier of the catalog (its tiers are lite, team_plus, corporate, corp_max); plan left empty',
        skipped: false,
      },
      expect.objectContaining({
        field: 'products',
        value: 'insight_studio',
        reason: expect.stringContaining('its modules are vault, pulse_ai') as string,
        skipped: false,
      }),
    ]);
  });

  it('without a catalog in the context, takes plan and products as mapped', () => {
    const { record, issues } = mapRecord(
      'account',
      spec,
      raw({ account_id: 'N-3', plan: 'Whatever', products: 'x' }),
      { connection: 'files' },
    );
    expect(issues).toEqual([]);
    expect(record).toMatchObject({ plan: 'Whatever', products: ['x'] });
  });
});
