/**
 * Look-alike results in words and as evidence: the sentence a rep reads ("Looks like Arbor Labs
 * and Fjord Health, which added Insight Studio in the last six months") and the Evidence items
 * the playbook and the add-on opportunities can carry.
 */
import type { Evidence } from '../model/index.js';
import { daysBetween } from '../dates.js';
import type { LookAlikeNeighbour, LookAlikeScore } from './look-alike.js';

const NUMBER_WORDS = [
  'zero',
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'eleven',
  'twelve',
];
const words = (n: number): string => NUMBER_WORDS[n] ?? String(n);

function names(list: string[]): string {
  if (list.length <= 1) return list.join('');
  return `${list.slice(0, -1).join(', ')} and ${list[list.length - 1]}`;
}

/** "in the last six months" when every named neighbour's adoption date is known and recent. */
function recency(neighbours: LookAlikeNeighbour[], asOf: string): string {
  const dates = neighbours.map((n) => n.adoptedAt);
  if (!dates.length || dates.some((d) => d === undefined)) return '';
  const oldest = Math.max(...dates.map((d) => daysBetween(d!, asOf)));
  const months = Math.max(1, Math.ceil(oldest / 30.44));
  if (months > 12) return '';
  return months === 1 ? ' in the last month' : ` in the last ${words(months)} months`;
}

/** The sentence for a k-nearest-neighbour result; names at most the two nearest adopters. */
export function describeLookAlike(input: {
  neighbours: LookAlikeNeighbour[];
  moduleName: string;
  asOf: string;
  k: number;
}): string {
  const { neighbours, moduleName, asOf, k } = input;
  if (!neighbours.length) return `None of the ${words(k)} most similar accounts own ${moduleName}.`;
  const named = neighbours.slice(0, 2);
  const share = `${words(neighbours.length)} of the ${words(k)} most similar accounts own it`;
  return `Looks like ${names(named.map((n) => n.name))}, which added ${moduleName}${recency(named, asOf)} (${share}).`;
}

export interface LookAlikeCandidate {
  accountId: string;
  module: string;
  moduleName: string;
  probability: number;
  evidence: Evidence;
}

/**
 * High look-alike probabilities as add-on candidates with an Evidence item (`signal:
 * look_alike`) the lead feeds into scoring or the playbook. Only neighbour-based results are
 * returned: a segment rate says nothing specific about the account.
 */
export function lookAlikeEvidence(
  scores: LookAlikeScore[],
  options: { minProbability?: number } = {},
): LookAlikeCandidate[] {
  const { minProbability = 0.5 } = options;
  return scores
    .filter((s) => s.basis === 'knn' && s.neighbours.length > 0 && s.probability >= minProbability)
    .sort(
      (a, b) =>
        b.probability - a.probability ||
        a.accountId.localeCompare(b.accountId) ||
        a.module.localeCompare(b.module),
    )
    .map((s) => ({
      accountId: s.accountId,
      module: s.module,
      moduleName: s.moduleName,
      probability: s.probability,
      evidence: {
        signal: 'look_alike',
        text: s.evidenceText,
        value: Math.round(s.probability * 100) / 100,
        threshold: minProbability,
        field: 'products',
      },
    }));
}
