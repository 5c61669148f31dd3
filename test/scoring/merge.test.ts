import { describe, expect, it } from 'vitest';
import { mergeCandidates } from '../../src/scoring/detectors/index.js';
import type { Candidate } from '../../src/scoring/detectors/candidate.js';

const candidate = (over: Partial<Candidate>): Candidate =>
  ({
    type: 'seat_expansion',
    category: 'expansion',
    subject: 'seats',
    title: 'Add 20 seats',
    description: '',
    evidence: [],
    currentState: '',
    proposedState: '',
    estimatedArr: 0,
    strength: 0.5,
    strongTrigger: false,
    risks: [],
    ...over,
  }) as Candidate;

describe('merging what several detectors found about one subject', () => {
  const ceiling = candidate({
    title: 'Add 20 seats: 95% in use for 4 weeks',
    estimatedArr: 20 * 540,
    strength: 0.9,
    evidence: [
      { signal: 'seat_utilization', text: '95 of 100 seats active' },
      { signal: 'sizing', text: '20 seats x $540 = $10,800' },
    ],
  });
  const benchmark = candidate({
    title: 'Close the seat gap to peers: 300 seats',
    estimatedArr: 300 * 540,
    strength: 0.3,
    strongTrigger: false,
    risks: ['Benchmark-based'],
    evidence: [
      { signal: 'benchmark_seats_per_employee', text: '0.05 seats per employee vs 0.24' },
      { signal: 'sizing', text: '300 seats x $540 = $162,000' },
    ],
  });
  const [merged] = mergeCandidates([benchmark, ceiling]);

  it('keeps the strongest proposal, with its own price', () => {
    expect(merged).toMatchObject({ title: ceiling.title, estimatedArr: 20 * 540 });
  });

  it('adds the other detector’s evidence, but not its price tag', () => {
    expect(merged!.evidence.map((e) => e.signal)).toEqual([
      'seat_utilization',
      'sizing',
      'benchmark_seats_per_employee',
    ]);
    expect(merged!.evidence.filter((e) => e.signal === 'sizing')).toEqual([ceiling.evidence[1]]);
  });

  it('is stronger for the agreement', () => {
    expect(merged!.strength).toBeCloseTo(1, 5);
  });
});
