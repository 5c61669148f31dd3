/**
 * What `headroom setup hubspot` installs: the `headroom` property group on companies and deals,
 * the properties write-back fills, and the "Expansion" deal pipeline. Names are the contract the
 * default mapping (`mappings/hubspot.yaml`) writes to.
 * https://developers.hubspot.com/docs/api/crm/properties#create-a-property
 */
import { HEALTH, OPPORTUNITY_TYPES, TIMING } from '../../src/model/output.js';

export const GROUP = { name: 'headroom', label: 'Headroom', displayOrder: -1 };

export interface PropertySpec {
  name: string;
  label: string;
  type: 'string' | 'number' | 'date' | 'enumeration';
  fieldType: 'text' | 'textarea' | 'number' | 'date' | 'select';
  description: string;
  options?: { label: string; value: string; displayOrder: number }[];
  hasUniqueValue?: boolean;
}

const options = (values: readonly string[]) =>
  values.map((value, displayOrder) => ({ label: value.replace(/_/g, ' '), value, displayOrder }));
const text = (name: string, label: string, description: string): PropertySpec => ({
  name,
  label,
  type: 'string',
  fieldType: 'textarea',
  description,
});
const num = (name: string, label: string, description: string): PropertySpec => ({
  name,
  label,
  type: 'number',
  fieldType: 'number',
  description,
});
const pick = (
  name: string,
  label: string,
  values: readonly string[],
  description: string,
): PropertySpec => ({
  name,
  label,
  type: 'enumeration',
  fieldType: 'select',
  options: options(values),
  description,
});

export const PROPERTIES: Record<'companies' | 'deals' | 'tasks', PropertySpec[]> = {
  companies: [
    num(
      'headroom_score',
      'Expansion score',
      'Best composite score (1-10) of the account’s opportunities',
    ),
    num('headroom_tier', 'Expansion tier', 'Best tier (1 = act now … 5); 0 = no opportunity'),
    pick('headroom_health', 'Expansion health', HEALTH, 'Account health light used by the scoring'),
    num(
      'headroom_potential_arr',
      'Expansion potential ARR',
      'Sum of the estimated ARR of open opportunities',
    ),
    text('headroom_next_action', 'Expansion next action', 'The next step on the best opportunity'),
  ],
  deals: [
    {
      name: 'headroom_key',
      label: 'Headroom key',
      type: 'string',
      fieldType: 'text',
      hasUniqueValue: true,
      description: 'Headroom opportunity id: the unique key write-back upserts on. Do not edit.',
    },
    pick('headroom_type', 'Expansion type', OPPORTUNITY_TYPES, 'Kind of expansion opportunity'),
    num('headroom_score', 'Expansion score', 'Composite score (1-10)'),
    num('headroom_tier', 'Expansion tier', 'Tier 1 (act now) to 5'),
    text(
      'headroom_evidence',
      'Expansion evidence',
      'The signals behind the opportunity, with their values',
    ),
    text('headroom_pitch', 'Expansion pitch', 'Suggested pitch'),
    pick('headroom_timing', 'Expansion timing', TIMING, 'When to act'),
    text('headroom_timing_reason', 'Expansion timing reason', 'Why now (or why wait)'),
    {
      name: 'headroom_deadline',
      label: 'Expansion deadline',
      type: 'date',
      fieldType: 'date',
      description: 'Act by this date',
    },
    num('headroom_confidence', 'Expansion confidence', 'Completeness of the data behind it (0-1)'),
  ],
  tasks: [
    {
      name: 'headroom_key',
      label: 'Headroom key',
      type: 'string',
      fieldType: 'text',
      description:
        'Headroom opportunity id the task was created for: a create whose answer was lost is looked up by it. Do not edit.',
    },
  ],
};

/** The deal pipeline. Probability 1.0 is closed won, 0.0 closed lost: "Dismissed" is a closed
 * stage, so a deal a person dismissed is closed and read back as dismissed. */
export const PIPELINE = {
  label: 'Expansion',
  displayOrder: 99,
  stages: [
    ['Identified', '0.1'],
    ['Qualified', '0.3'],
    ['Proposal', '0.6'],
    ['Won', '1.0'],
    ['Lost', '0.0'],
    ['Dismissed', '0.0'],
  ].map(([label, probability], displayOrder) => ({
    label: label!,
    displayOrder,
    metadata: { probability: probability! },
  })),
};
