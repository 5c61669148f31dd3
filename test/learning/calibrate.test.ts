import { describe, expect, it } from 'vitest';
import { calibrate } from '../../src/learning/calibrate.js';
import { createLikelihoodOverride } from '../../src/learning/likelihood-override.js';
import { asRuleScored } from '../../src/learning/features.js';
import { signalPrecision } from '../../src/learning/signal-precision.js';
import { DEFAULT_SETTINGS, scorePortfolio } from '../../src/scoring/index.js';
import { catalog, generateHistory, generatePortfolio, makeOpportunity } from './gen.js';

describe('calibrate', () => {
  // 400 outcomes: 280 to train on, 120 newer ones held out.
  const informative = generateHistory({
    n: 400,
    seed: 7,
    evidenceDrivesOutcome: true,
    ruleInformative: false,
  });

  it('recovers a known evidence → outcome relation and beats an uninformative rule on the holdout', () => {
    const [seat] = calibrate(informative);
    expect(seat).toMatchObject({
      type: 'seat_expansion',
      status: 'fitted',
      trainSize: 280,
      testSize: 120,
      adopted: true,
    });
    const { model, rule } = seat!.holdout!;
    expect(model.auc!).toBeGreaterThan(0.75);
    expect(rule.auc!).toBeLessThan(0.62);
    expect(model.auc! - rule.auc!).toBeGreaterThan(0.15);
    expect(model.brier).toBeLessThan(rule.brier);
    expect(model.topDecileLift!).toBeGreaterThan(1.5);
    // The signs of the planted relation: utilization and workarounds raise P(won); funding is noise.
    const coef = (name: string) =>
      seat!.model!.coefficients[seat!.model!.standardizer.names.indexOf(name)]!;
    expect(coef('ev_seat_utilization')).toBeGreaterThan(1);
    expect(coef('ev_workaround')).toBeGreaterThan(0.3);
    expect(Math.abs(coef('ev_funding'))).toBeLessThan(0.4);
    // Trained on the older outcomes only.
    const sorted = informative.map((h) => h.raisedAt!).sort();
    expect(seat!.model!.trainingCutoff).toBe(sorted[279]);
  });

  it('keeps the rule where the model does not beat it, and fits nothing below minOutcomes', () => {
    const ruleWins = generateHistory({
      n: 300,
      seed: 11,
      type: 'add_on',
      evidenceDrivesOutcome: false,
      ruleInformative: true,
    });
    const few = generateHistory({
      n: 25,
      seed: 3,
      type: 'tier_upgrade',
      evidenceDrivesOutcome: true,
      ruleInformative: false,
    });
    const results = calibrate([...ruleWins, ...few]);
    const addOn = results.find((r) => r.type === 'add_on')!;
    expect(addOn.status).toBe('fitted');
    expect(addOn.adopted).toBe(false);
    expect(addOn.holdout!.rule.auc!).toBeGreaterThan(addOn.holdout!.model.auc!);
    expect(addOn.reason).toMatch(/does not beat the rule/);
    expect(results.find((r) => r.type === 'tier_upgrade')).toMatchObject({
      status: 'too_few_outcomes',
      adopted: false,
      reason: '25 of 30 outcomes needed',
    });
    expect(calibrate(few, { minOutcomes: 20 })[0]!.status).not.toBe('too_few_outcomes');

    const override = createLikelihoodOverride(results);
    expect(override(makeOpportunity('x', { type: 'add_on' }))).toBeUndefined();
    expect(override(makeOpportunity('y', { type: 'tier_upgrade' }))).toBeUndefined();
  });
});

describe('createLikelihoodOverride', () => {
  const history = generateHistory({
    n: 400,
    seed: 7,
    evidenceDrivesOutcome: true,
    ruleInformative: false,
  });
  const results = calibrate(history);
  const override = createLikelihoodOverride(results);
  const opp = (utilization: number) =>
    makeOpportunity('z', {
      evidence: [{ signal: 'seat_utilization', text: 'u', value: utilization }],
    });

  it('replaces the likelihood on the 1–10 scale and names the model that did it', () => {
    const low = override(opp(0.55))!;
    const high = override(opp(0.98))!;
    expect(high.likelihood).toBeGreaterThan(low.likelihood);
    for (const r of [low, high]) {
      expect(r.likelihood).toBeGreaterThanOrEqual(1);
      expect(r.likelihood).toBeLessThanOrEqual(10);
      expect(r.modelVersion).toBe(results[0]!.model!.version);
    }
    expect(low.modelVersion).toMatch(/^seat_expansion@[0-9a-f]{12}$/);
  });

  it('gives a stable version for the same data and a new one when the training data changes', () => {
    expect(calibrate(history)[0]!.model!.version).toBe(results[0]!.model!.version);
    const other = calibrate(
      generateHistory({ n: 400, seed: 8, evidenceDrivesOutcome: true, ruleInformative: false }),
    );
    expect(other[0]!.model!.version).not.toBe(results[0]!.model!.version);
  });

  it('accepts stored models as well as calibration results', () => {
    const fromStore = createLikelihoodOverride([JSON.parse(JSON.stringify(results[0]!.model))]);
    expect(fromStore(opp(0.9))).toEqual(override(opp(0.9)));
  });
});

describe('calibration in the REAL scorePortfolio (src/scoring)', () => {
  const results = calibrate(
    generateHistory({ n: 400, seed: 7, evidenceDrivesOutcome: true, ruleInformative: false }),
  );
  const override = createLikelihoodOverride(results);
  const version = results[0]!.model!.version;
  const portfolio = generatePortfolio({
    accounts: 60,
    seed: 2,
    cutoff: '2025-03-31',
    windowDays: 90,
    informative: true,
  });
  const scored = scorePortfolio({
    portfolio,
    catalog,
    settings: DEFAULT_SETTINGS,
    asOf: '2025-03-31',
    likelihoodOverride: override,
  });

  it('records the model version on every score it replaced, and only on types it was adopted for', () => {
    const seats = scored.opportunities.filter((o) => o.type === 'seat_expansion');
    expect(seats.length).toBeGreaterThan(5);
    for (const o of seats) {
      const note = o.evidence.find((e) => e.signal === 'likelihood_model');
      expect(note?.field).toBe(version);
      expect(o.scores.likelihood).toBe(override(asRuleScored(o))!.likelihood);
    }
    const others = scored.opportunities.filter((o) => o.type !== 'seat_expansion');
    expect(others.some((o) => o.evidence.some((e) => e.signal === 'likelihood_model'))).toBe(false);
  });

  it('learns from model-scored opportunities against the rule likelihood, not the model output', () => {
    const o = scored.opportunities.find((x) => x.type === 'seat_expansion')!;
    const rule = asRuleScored(o);
    expect(rule.evidence.some((e) => e.signal === 'likelihood_model')).toBe(false);
    expect(rule.scores.likelihood).toBe(
      Number(
        /\(rules: ([\d.]+)\)/.exec(
          o.evidence.find((e) => e.signal === 'likelihood_model')!.text,
        )![1],
      ),
    );
    expect(signalPrecision([{ opportunity: o }]).some((r) => r.key === 'likelihood_model')).toBe(
      false,
    );
  });
});
