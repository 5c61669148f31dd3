/**
 * Sync test fixtures: a folder of account exports read by the real files connector, the files
 * mapping with a Salesforce-style write-back section, and a small deterministic analyzer (one
 * seat-expansion opportunity per account at 80%+ seat utilization) standing in for scoring.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createFilesConnector } from '../../connectors/files/index.js';
import type { Connector } from '../../connectors/types.js';
import { parseMappingText } from '../../src/mapping/load.js';
import type { AccountSummary, Opportunity } from '../../src/model/output.js';
import type { Analyze, SyncConnection, SyncLogger } from '../../src/sync/types.js';
import type { MemoryCrm } from './memory-crm.js';

export interface AccountRow {
  id: string;
  licensed: number;
  active: number;
  arr?: number;
}

const HEADER = 'account_id,name,owner_email,arr,licensed_seats,active_seats,renewal_date';

export function exportFolder(rows: AccountRow[]): {
  dir: string;
  write(rows: AccountRow[]): void;
  cleanup(): void;
} {
  const dir = mkdtempSync(join(tmpdir(), 'headroom-sync-'));
  const write = (rs: AccountRow[]) =>
    writeFileSync(
      join(dir, 'accounts.csv'),
      [
        HEADER,
        ...rs.map(
          (r) =>
            `${r.id},Acme ${r.id},owner-${r.id}@example.com,"$${r.arr ?? 12000}",${r.licensed},${r.active},2026-09-30`,
        ),
      ].join('\n'),
    );
  write(rows);
  return { dir, write, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

const WRITE_BACK = `
writeBack:
  account:
    to: Account
    fields:
      Expansion_Score__c: bestScore
      Expansion_Tier__c: bestTier
      Expansion_Health__c: { field: health, map: { green: Green, yellow: Yellow, red: Red } }
  opportunity:
    to: Expansion_Opportunity__c
    key: Headroom_Key__c
    status: { field: Status__c, reason: Status_Reason__c, map: { Open: open, Accepted: accepted, Dismissed: dismissed, Converted: converted } }
    fields:
      Account__c: account.crmId
      Type__c: type
      Score__c: scores.composite
      Tier__c: tier
      Estimated_ARR__c: estimatedArr
      Evidence__c: { field: evidence, format: text, maxLength: 255 }
      Deadline__c: { field: deadline, format: date }
  task:
    to: Task
    minTier: 1
    fields: { WhatId: account.crmId, OwnerId: account.owner.id, Subject: title, Status: { value: Not Started } }
`;

export function filesConnection(name: string, dir: string): SyncConnection {
  const text =
    readFileSync(new URL('../../mappings/files.yaml', import.meta.url), 'utf8') + WRITE_BACK;
  return {
    name,
    connector: 'files',
    mappingFile: 'mappings/files.yaml',
    mapping: parseMappingText(text, 'files.yaml'),
    writeBack: true,
    options: { source: dir },
  };
}

/** The files connector for pulls of the exports, the CRM for everything written back (and the
 * read-back of the write-back objects). */
export async function filesIntoCrm(name: string, dir: string, crm: MemoryCrm): Promise<Connector> {
  const files = await createFilesConnector({ connection: name, options: { source: dir } });
  return {
    name: 'files',
    pull: (req) => (crm.objects.has(req.object) ? crm.pull(req) : files.pull(req)),
    write: (batch) => crm.write!(batch),
    usage: () => crm.usage!(),
  };
}

const clamp = (n: number) => Math.max(1, Math.min(10, Math.round(n * 10) / 10));

/** Deterministic stand-in for scoring: `weight` plays a scoring setting. */
export function seatAnalyzer(
  settings: { version: string; weight: number } = { version: 's1', weight: 1 },
): Analyze {
  return (portfolio, asOf) => {
    const opportunities: Opportunity[] = [];
    const accounts: AccountSummary[] = [];
    for (const a of portfolio.accounts) {
      const util = a.seats && a.seats.licensed > 0 ? a.seats.active / a.seats.licensed : 0;
      const mine: Opportunity[] = [];
      if (util >= 0.8 && a.seats) {
        const composite = clamp(util * 10 * settings.weight);
        mine.push({
          id: `${a.id}:seat_expansion`,
          accountId: a.id,
          accountName: a.name,
          type: 'seat_expansion',
          category: 'expansion',
          title: `Add seats at ${a.name}`,
          description: 'Seat utilization is high.',
          evidence: [
            {
              signal: 'seat_utilization',
              text: `${a.seats.active} of ${a.seats.licensed} seats in use`,
              value: util,
              threshold: 0.8,
              field: 'seats.active',
            },
          ],
          currentState: `${a.seats.licensed} seats`,
          proposedState: `${Math.ceil(a.seats.licensed * 1.2)} seats`,
          estimatedArr: Math.round((a.arr / a.seats.licensed) * Math.ceil(a.seats.licensed * 0.2)),
          scores: { revenue: composite, effort: 3, likelihood: composite, composite },
          tier: composite >= 9.5 ? 1 : composite >= 8 ? 2 : 3,
          health: 'green',
          timing: 'now',
          timingReason: 'utilization',
          deadline: asOf,
          renewalAligned: false,
          stakeholders: {},
          pitch: 'More seats.',
          approach: [],
          objections: [],
          risks: [],
          confidence: 0.8,
        });
      }
      opportunities.push(...mine);
      accounts.push({
        accountId: a.id,
        name: a.name,
        arr: a.arr,
        health: 'green',
        healthReasons: [],
        readiness: mine.length ? 'ready_now' : 'not_ready',
        bestScore: mine[0]?.scores.composite ?? 0,
        bestTier: mine[0]?.tier ?? 0,
        potentialArr: mine[0]?.estimatedArr ?? 0,
        opportunityCount: mine.length,
        flags: [],
      });
    }
    return { opportunities, accounts, settingsVersion: settings.version };
  };
}

export interface LogLine {
  level: string;
  obj: object;
  msg?: string | undefined;
}

export function memoryLog(): SyncLogger & { lines: LogLine[] } {
  const lines: LogLine[] = [];
  const at = (level: string) => (obj: object, msg?: string) => void lines.push({ level, obj, msg });
  return { lines, info: at('info'), warn: at('warn'), error: at('error') };
}
