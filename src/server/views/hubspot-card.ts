/**
 * The HubSpot CRM card's data-fetch answer (legacy CRM cards): one result for the account
 * (health, readiness, best score, potential ARR) and one per open opportunity, each with an
 * IFRAME action opening the embedded account view through a signed short-lived link.
 * https://developers.hubspot.com/docs/api/crm/extensions/custom-cards (data fetch response)
 */
import { TYPE_LABELS } from '../../narrative/context.js';
import type { AccountView } from '../account-view.js';
import { signEmbedLink } from '../signatures.js';

export interface CardProperty {
  label: string;
  dataType: 'STRING' | 'NUMBER' | 'CURRENCY' | 'DATE' | 'STATUS' | 'LINK';
  value: string;
  currencyCode?: string;
  optionType?: 'DEFAULT' | 'SUCCESS' | 'WARNING' | 'DANGER' | 'INFO';
}

export interface CardAction {
  type: 'IFRAME';
  width: number;
  height: number;
  uri: string;
  label: string;
}

export interface CardResult {
  objectId: number;
  title: string;
  link?: string;
  properties: CardProperty[];
  actions?: CardAction[];
}

export interface CardResponse {
  results: CardResult[];
  primaryAction?: CardAction;
}

const HEALTH_OPTION = { green: 'SUCCESS', yellow: 'WARNING', red: 'DANGER' } as const;

/** A stable positive 31-bit number for an opportunity id (HubSpot wants numeric object ids). */
function numericId(id: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193);
  return h >>> 1 || 1;
}

/** Shown at most: HubSpot cards list a handful of items before "see more". */
const MAX_OPPORTUNITIES = 5;

export function hubspotCard(
  view: AccountView,
  companyId: string,
  absolute: (path: string) => string,
  embedSecret: string | undefined,
): CardResponse {
  const iframe: CardAction | undefined = embedSecret
    ? {
        type: 'IFRAME',
        width: 890,
        height: 748,
        uri: absolute(signEmbedLink(embedSecret, view.accountId)),
        label: 'Open expansion view',
      }
    : undefined;
  const s = view.summary;
  const account: CardResult = {
    objectId: Number(companyId) || numericId(view.accountId),
    title: `${view.name}: expansion`,
    link: absolute(`/accounts/${encodeURIComponent(view.accountId)}`),
    properties: s
      ? [
          {
            label: 'Health',
            dataType: 'STATUS',
            value: s.health,
            optionType: HEALTH_OPTION[s.health],
          },
          { label: 'Readiness', dataType: 'STRING', value: s.readiness.replace(/_/g, ' ') },
          { label: 'Best score', dataType: 'NUMBER', value: s.bestScore.toFixed(1) },
          {
            label: 'Best tier',
            dataType: 'STRING',
            value: s.bestTier ? `Tier ${s.bestTier}` : 'none',
          },
          {
            label: 'Potential ARR',
            dataType: 'CURRENCY',
            value: String(Math.round(s.potentialArr)),
            currencyCode: view.currency,
          },
        ]
      : [],
    ...(iframe ? { actions: [iframe] } : {}),
  };
  const opportunities = view.opportunities
    .filter((o) => o.row.status === 'open' || o.row.status === 'accepted')
    .slice(0, MAX_OPPORTUNITIES)
    .map(({ row: { data: o, status } }): CardResult => ({
      objectId: numericId(o.id),
      title: o.title,
      properties: [
        { label: 'Type', dataType: 'STRING', value: TYPE_LABELS[o.type] ?? o.type },
        { label: 'Tier', dataType: 'STRING', value: `Tier ${o.tier}` },
        { label: 'Score', dataType: 'NUMBER', value: o.scores.composite.toFixed(1) },
        {
          label: 'Estimated ARR',
          dataType: 'CURRENCY',
          value: String(Math.round(o.estimatedArr)),
          currencyCode: view.currency,
        },
        { label: 'Timing', dataType: 'STRING', value: o.timing },
        { label: 'Deadline', dataType: 'DATE', value: o.deadline },
        { label: 'Status', dataType: 'STRING', value: status },
      ],
      ...(iframe ? { actions: [iframe] } : {}),
    }));
  return { results: [account, ...opportunities], ...(iframe ? { primaryAction: iframe } : {}) };
}
