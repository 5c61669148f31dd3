/**
 * What the card reads through Lightning Data Service, and how UI API records become what it
 * shows. The words (labels, tier priorities, which statuses are live) come from labels.js,
 * generated from Headroom's shared account card view model, so an account reads the same here
 * as in HubSpot, the console and the embedded view.
 */
import { getFieldDisplayValue, getFieldValue } from 'lightning/uiRecordApi';
import NAME_FIELD from '@salesforce/schema/Account.Name';
import SCORE_FIELD from '@salesforce/schema/Account.Expansion_Score__c';
import TIER_FIELD from '@salesforce/schema/Account.Expansion_Tier__c';
import HEALTH_FIELD from '@salesforce/schema/Account.Expansion_Health__c';
import HEALTH_REASONS_FIELD from '@salesforce/schema/Account.Expansion_Health_Reasons__c';
import READINESS_FIELD from '@salesforce/schema/Account.Expansion_Readiness__c';
import NEXT_ACTION_FIELD from '@salesforce/schema/Account.Expansion_Next_Action__c';
import POTENTIAL_ARR_FIELD from '@salesforce/schema/Account.Expansion_Potential_ARR__c';
import { CARD_LIMIT, HEALTH, READINESS, STATUS, TIER_LABELS, TIMING, TYPE } from './labels';

export const OPPORTUNITY_OBJECT = 'Expansion_Opportunity__c';
/** The child relationship of Expansion_Opportunity__c.Account__c. */
export const RELATED_LIST_ID = 'Expansion_Opportunities__r';

export const ACCOUNT_FIELDS = [NAME_FIELD, SCORE_FIELD, TIER_FIELD, HEALTH_FIELD];
// Optional: an org that deployed an earlier Headroom package still shows the rest of the card.
export const ACCOUNT_OPTIONAL_FIELDS = [
  HEALTH_REASONS_FIELD,
  READINESS_FIELD,
  NEXT_ACTION_FIELD,
  POTENTIAL_ARR_FIELD,
];

const qualify = (names) => names.map((name) => `${OPPORTUNITY_OBJECT}.${name}`);
export const OPPORTUNITY_FIELDS = qualify([
  'Name',
  'Headroom_Key__c',
  'Type__c',
  'Tier__c',
  'Score__c',
  'Estimated_ARR__c',
  'Timing__c',
  'Deadline__c',
  'Evidence__c',
  'Status__c',
]);
export const OPPORTUNITY_OPTIONAL_FIELDS = qualify(['Status_Reason__c']);

/** A health light as base components draw it: an icon shape per light, not colour alone. */
const LIGHTS = {
  green: { icon: 'utility:success', variant: 'success' },
  yellow: { icon: 'utility:warning', variant: 'warning' },
  red: { icon: 'utility:error', variant: 'error' },
};

const lines = (text) =>
  (text ?? '')
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);

/** Salesforce formats currency in the record's currency and the user's locale. */
const money = (record, field) => ({
  value: getFieldValue(record, field) ?? null,
  text: getFieldDisplayValue(record, field) ?? null,
});

const tierLabel = (tier) => TIER_LABELS[tier] ?? `Tier ${tier}`;

/** The account's part of the card; `scored` is false until a sync wrote its health light. */
export function readAccount(record) {
  const light = HEALTH[String(getFieldValue(record, HEALTH_FIELD) ?? '').toLowerCase()];
  const tier = getFieldValue(record, TIER_FIELD) ?? 0;
  const score = getFieldValue(record, SCORE_FIELD);
  const readiness = READINESS[getFieldValue(record, READINESS_FIELD) ?? ''];
  return {
    id: record.id,
    name: getFieldValue(record, NAME_FIELD),
    scored: light !== undefined,
    score: tier > 0 && typeof score === 'number' ? score.toFixed(1) : null,
    tierLabel: tier > 0 ? tierLabel(tier) : null,
    health: light ? { ...light, ...LIGHTS[light.light] } : null,
    healthReasons: [...new Set(lines(getFieldValue(record, HEALTH_REASONS_FIELD)))],
    readiness: readiness ?? null,
    nextAction: getFieldValue(record, NEXT_ACTION_FIELD) ?? null,
    potentialArr: money(record, POTENTIAL_ARR_FIELD),
  };
}

/** The evidence line that names a figure (the rubric's "Key Signal"), else the first. */
const leadEvidence = (evidence) => evidence.find((line) => /\d/.test(line)) ?? evidence[0] ?? '';

function readOpportunity(record) {
  const field = (name) => `${OPPORTUNITY_OBJECT}.${name}`;
  const value = (name) => getFieldValue(record, field(name)) ?? null;
  // A record written before anyone set a status is open, as the picklist's default says.
  const status = STATUS[String(value('Status__c') ?? 'open').toLowerCase()] ?? STATUS.open;
  const type = value('Type__c');
  const tier = value('Tier__c') ?? 0;
  const score = value('Score__c') ?? 0;
  return {
    id: record.id,
    key: value('Headroom_Key__c') ?? record.id,
    title: value('Name'),
    typeLabel: TYPE[type] ?? getFieldDisplayValue(record, field('Type__c')) ?? type,
    tier,
    tierLabel: tierLabel(tier),
    composite: score,
    score: score.toFixed(1),
    estimatedArr: money(record, field('Estimated_ARR__c')),
    timingLabel: TIMING[value('Timing__c')] ?? value('Timing__c'),
    deadline: value('Deadline__c'),
    topEvidence: leadEvidence(lines(value('Evidence__c'))),
    status: status.status,
    statusLabel: status.label,
    statusReason: value('Status_Reason__c'),
    live: status.live,
    canAccept: status.actions.includes('accept'),
    canDismiss: status.actions.includes('dismiss'),
  };
}

/** Best first, as every Headroom surface orders them: tier, then score, then key. */
const byPriority = (a, b) =>
  a.tier - b.tier || b.composite - a.composite || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);

/** The live (open or accepted) opportunities, best first: the first `limit`, and how many more. */
export function readOpportunities(records, limit = CARD_LIMIT) {
  const live = records
    .map(readOpportunity)
    .filter((o) => o.live)
    .sort(byPriority);
  return { shown: live.slice(0, limit), more: Math.max(0, live.length - limit) };
}
