/**
 * The fake portal's properties and pipelines: the standard properties HubSpot has, the custom
 * ones the rendered data uses, and what `headroom setup hubspot` installs (its own spec, so the
 * write-back is validated against exactly what setup creates, enumeration options included).
 */
import { PIPELINE, PROPERTIES } from '../../connectors/hubspot/setup-spec.js';
import type { HsData } from './render-hubspot.js';

export interface PortalProperty {
  name: string;
  label: string;
  type: string;
  fieldType: string;
  options: { label: string; value: string }[];
  hasUniqueValue?: boolean;
}

const STANDARD: Record<string, string[]> = {
  companies: ['hs_object_id', 'hs_lastmodifieddate', 'createdate', 'name', 'hubspot_owner_id'],
  contacts: ['hs_object_id', 'lastmodifieddate', 'createdate', 'firstname', 'lastname', 'email'],
  deals: [
    'hs_object_id',
    'hs_lastmodifieddate',
    'dealname',
    'amount',
    'pipeline',
    'dealstage',
    'closedate',
    'hubspot_owner_id',
    'hs_is_closed',
    'hs_is_closed_won',
  ],
  tasks: [
    'hs_object_id',
    'hs_lastmodifieddate',
    'hs_task_subject',
    'hs_task_body',
    'hs_timestamp',
    'hubspot_owner_id',
    'hs_task_status',
    'hs_task_priority',
  ],
};

const plain = (name: string): PortalProperty => ({
  name,
  label: name.replace(/_/g, ' '),
  type: 'string',
  fieldType: 'text',
  options: [],
});

/** Object type -> property name -> definition. */
export function portalProperties(data: HsData): Map<string, Map<string, PortalProperty>> {
  const out = new Map<string, Map<string, PortalProperty>>();
  for (const [type, objects] of data) {
    const props = new Map<string, PortalProperty>();
    for (const name of STANDARD[type] ?? ['hs_object_id', 'hs_lastmodifieddate'])
      props.set(name, plain(name));
    for (const o of objects)
      for (const name of Object.keys(o.properties))
        if (!props.has(name)) props.set(name, plain(name));
    for (const p of PROPERTIES[type as keyof typeof PROPERTIES] ?? [])
      props.set(p.name, {
        ...p,
        options: (p.options ?? []).map(({ label, value }) => ({ label, value })),
      });
    out.set(type, props);
  }
  return out;
}

export interface Stage {
  id: string;
  label: string;
  metadata: { probability: string; isClosed: string };
}

/** The default sales pipeline and the "Expansion" pipeline setup creates (ids are per portal). */
export function pipelines(): { id: string; label: string; stages: Stage[] }[] {
  const stage = (id: string, label: string, probability: string): Stage => ({
    id,
    label,
    metadata: { probability, isClosed: String(probability === '1.0' || probability === '0.0') },
  });
  return [
    {
      id: 'default',
      label: 'Sales Pipeline',
      stages: [
        stage('appointmentscheduled', 'Appointment Scheduled', '0.2'),
        stage('closedwon', 'Closed Won', '1.0'),
        stage('closedlost', 'Closed Lost', '0.0'),
      ],
    },
    {
      id: '705109876',
      label: PIPELINE.label,
      stages: PIPELINE.stages.map((s, i) =>
        stage(String(1_040_000 + i), s.label, s.metadata.probability),
      ),
    },
  ];
}
