/**
 * Signal and ticket texts. Module texts contain one of the module's `addresses` keywords, so the
 * scoring core can match a workaround, initiative, competitor or ticket theme to a module the
 * account does not own. Modules the demo does not know get a text built from their keywords.
 */
import type { Module } from '../../src/model/catalog.js';
import type { Rng } from './random.js';

export type ModuleSignalKind = 'workaround' | 'initiative' | 'competitor' | 'regulatory';

const TEXTS: Record<string, Partial<Record<ModuleSignalKind, string[]>> & { themes: string[] }> = {
  insight_studio: {
    workaround: [
      'Finance team rebuilds the board pack in spreadsheets every month',
      'Ops exports data to Excel for weekly manual reporting',
      'Analysts assemble a reporting export by hand every Friday',
    ],
    initiative: ['Company-wide analytics initiative announced for the next fiscal year'],
    competitor: [
      'Uses Tableau alongside for dashboards',
      'Pays for Power BI licences for the leadership team',
      'Evaluating Looker for self-serve reporting',
    ],
    themes: ['reporting export', 'dashboards export', 'excel'],
  },
  compliance_suite: {
    workaround: [
      'Security team compiles audit evidence by hand from screenshots',
      'Legal tracks GDPR requests in a shared inbox',
    ],
    initiative: ['SOC 2 audit initiative announced', 'ISO 27001 certification project kicked off'],
    regulatory: [
      'New HIPAA compliance review ordered by the board',
      'GDPR compliance audit scheduled for next quarter',
    ],
    competitor: [
      'Uses Vanta alongside for compliance evidence',
      'Trialling Drata to keep an audit trail',
    ],
    themes: ['audit trail', 'compliance'],
  },
  workflow_automation: {
    workaround: [
      'Operations copy-paste order data between tools every day',
      'Approvals run through email and a manual process',
      'IT maintains scripts to move requests between teams',
    ],
    initiative: ['Automation initiative to cut manual process time by 30%'],
    competitor: [
      'Runs 40 Zapier zaps around the product',
      'Workato contract covers their approvals flows',
    ],
    themes: ['approvals', 'workflow'],
  },
  connect_hub: {
    workaround: [
      'Engineering runs a nightly CSV import from the ERP',
      'Team hand-builds webhooks for data sync with the CRM',
    ],
    initiative: ['Systems integration program to connect the ERP and the CRM'],
    competitor: ['Uses MuleSoft for data sync with the platform'],
    themes: ['api rate limit', 'csv import', 'integrations'],
  },
  advanced_security: {
    workaround: [
      'IT removes users by hand after every Okta change',
      'Admins manage permissions one user at a time',
    ],
    initiative: ['Zero-trust access control program announced by the new CISO'],
    regulatory: ['Annual security review flagged missing SCIM provisioning'],
    competitor: ['Evaluating a standalone access control tool'],
    themes: ['sso', 'permissions', 'security questionnaire'],
  },
};

/** A text of `kind` that names one of `mod`'s keywords. */
export function moduleText(rng: Rng, mod: Module, kind: ModuleSignalKind): string {
  const texts = TEXTS[mod.key]?.[kind] ?? TEXTS[mod.key]?.workaround;
  if (texts?.length) return rng.pick(texts);
  const keyword = mod.addresses.length ? rng.pick(mod.addresses) : mod.name;
  return kind === 'competitor'
    ? `Uses another vendor for ${keyword}`
    : `Team works around missing ${keyword} by hand`;
}

/** Ticket themes pointing at `mod`. */
export function moduleThemes(mod: Module): string[] {
  return TEXTS[mod.key]?.themes ?? mod.addresses.slice(0, 2);
}

/** Kinds of module signal a module has texts for. */
export function moduleKinds(mod: Module): ModuleSignalKind[] {
  const known = TEXTS[mod.key];
  const all: ModuleSignalKind[] = ['workaround', 'initiative', 'competitor', 'regulatory'];
  return known ? all.filter((k) => known[k]?.length) : ['workaround', 'initiative', 'competitor'];
}
