/**
 * The foreign portfolio's own product catalog: a field-service platform sold in versioned SKUs,
 * nothing like `config/catalog.yaml`. Tier keys are not their names lowercased (`team-2024` is
 * "Team"), module keys are not slugs of their names, limits are on other metrics, and the
 * `addresses` vocabulary is the trade's own. Written next to the data as the folder's
 * `catalog.yaml`, and given to the CRM runs through `HEADROOM_CATALOG`.
 */
import { CatalogSchema, type Catalog } from '../../src/model/catalog.js';

const CORE = ['dispatch_board', 'mobile_forms', 'job_history', 'customer_sms', 'photo_capture'];
const TEAM = [
  ...CORE,
  'route_optimizer',
  'recurring_jobs',
  'checklist_builder',
  'crew_scheduling',
  'offline_sync',
];
const BUSINESS = [
  ...TEAM,
  'multi_region',
  'sla_clock',
  'signature_capture',
  'custom_roles',
  'webhook_events',
];
const UNLIMITED = [
  ...BUSINESS,
  'sandbox_tenant',
  'data_export_api',
  'single_sign_on',
  'audit_history',
  'private_cloud',
];

/** Usage metrics the tiers limit (besides seats, which the licence limits). */
export const LIMITED_METRICS = ['work_orders', 'api_requests'] as const;

export const FOREIGN_CATALOG: Catalog = CatalogSchema.parse({
  currency: 'USD',
  tiers: [
    {
      key: 'core-2024',
      name: 'Core',
      seatPrice: 240,
      limits: { work_orders: 2000, api_requests: 50000 },
      features: CORE,
    },
    {
      key: 'team-2024',
      name: 'Team',
      seatPrice: 420,
      limits: { work_orders: 15000, api_requests: 500000 },
      features: TEAM,
    },
    {
      key: 'business-2024',
      name: 'Business',
      seatPrice: 660,
      limits: { work_orders: 80000, api_requests: 5000000 },
      features: BUSINESS,
    },
    {
      key: 'unlimited-2024',
      name: 'Unlimited',
      seatPrice: 950,
      limits: { work_orders: 500000, api_requests: 50000000 },
      features: UNLIMITED,
    },
  ],
  modules: [
    {
      key: 'fleet-gps',
      name: 'Fleet Tracker',
      price: { perSeat: 60 },
      addresses: ['vehicle tracking', 'gps tracker', 'fuel log', 'fuel logs', 'mileage sheets'],
    },
    {
      key: 'stockroom',
      name: 'Van Stock Manager',
      price: { flat: 16000 },
      addresses: ['stock count', 'stock counts', 'spare parts', 'van stock', 'parts shortages'],
    },
    {
      key: 'ledger-link',
      name: 'Ledger Link',
      price: { pctOfArr: 0.08 },
      addresses: ['quickbooks', 'xero', 'invoice re-keying', 'double entry', 'billing export'],
    },
    {
      key: 'permit-pack',
      name: 'Permit Pack',
      price: { flat: 12500 },
      addresses: ['permit to work', 'hot work permit', 'osha log', 'incident reports'],
      requiresTier: 'team-2024',
    },
    {
      key: 'client-hub',
      name: 'Client Hub',
      price: { perSeat: 35 },
      addresses: ['booking requests', 'appointment reminders', 'calls for updates'],
    },
  ],
  services: [
    {
      key: 'svc-go-live',
      name: 'Go-Live Squad',
      price: { flat: 8500 },
      triggers: ['new_department', 'acquisition'],
    },
    {
      key: 'svc-branch-launch',
      name: 'Branch Launch',
      price: { flat: 13000 },
      triggers: ['new_office'],
    },
    {
      key: 'svc-crew-academy',
      name: 'Crew Academy',
      price: { flat: 5200 },
      triggers: ['low_adoption'],
    },
    {
      key: 'svc-care-plus',
      name: 'Care Plus',
      price: { pctOfArr: 0.1 },
      triggers: ['ticket_volume'],
    },
  ],
});

export const tierByKey = (key: string) => FOREIGN_CATALOG.tiers.find((t) => t.key === key)!;
export const moduleByKey = (key: string) => FOREIGN_CATALOG.modules.find((m) => m.key === key)!;
