/**
 * Reading a sync's output folder through the output contract's zod schemas, and reducing it to
 * what must not depend on the connector: ids differ by connection prefix and CRM id, so
 * opportunities are matched by account name + type + title, and the playbook by its headline
 * figures and its Tier 1 headings with the ids taken out.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { AccountSummarySchema, IssueSchema, OpportunitySchema } from '../../src/model/output.js';
import type { AccountSummary, Opportunity } from '../../src/model/output.js';

export interface Outputs {
  opportunities: Opportunity[];
  accounts: AccountSummary[];
  issues: z.infer<typeof IssueSchema>[];
  playbook: string;
}

const read = (dir: string, file: string) => readFileSync(join(dir, file), 'utf8');

/** Parse every output file; a file that breaks the contract throws with the zod path. */
export function readOutputs(dir: string): Outputs {
  return {
    opportunities: z.array(OpportunitySchema).parse(JSON.parse(read(dir, 'opportunities.json'))),
    accounts: z.array(AccountSummarySchema).parse(JSON.parse(read(dir, 'accounts.json'))),
    issues: z.array(IssueSchema).parse(JSON.parse(read(dir, 'issues.json'))),
    playbook: read(dir, 'expansion-playbook.md'),
  };
}

/** Rewrites person names before comparing (see `lastNamesOnly`); identity by default. */
export type NameRule = (s: string) => string;

/**
 * Every connector-independent field of the opportunities, sorted by account, type and title.
 * Narrative prose (pitch, approach, description) is left out: its phrasing is picked by a hash
 * of the opportunity id, which carries the connection prefix.
 */
export function opportunityFacts(o: Outputs, names: NameRule = (s) => s) {
  return o.opportunities
    .map((x) => ({
      key: `${x.accountName} | ${x.type} | ${names(x.title)}`,
      category: x.category,
      tier: x.tier,
      estimatedArr: x.estimatedArr,
      scores: x.scores,
      health: x.health,
      timing: x.timing,
      deadline: x.deadline,
      renewalAligned: x.renewalAligned,
      confidence: x.confidence,
      evidence: x.evidence.map((e) => e.signal),
      stakeholders: JSON.parse(names(JSON.stringify(x.stakeholders))) as unknown,
    }))
    .sort((a, b) => a.key.localeCompare(b.key));
}

export function accountFacts(o: Outputs) {
  return o.accounts
    .map(({ accountId: _id, ...rest }) => rest)
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** The playbook's headline figures (accounts, ARR, totals per tier). */
export function playbookHeadline(md: string): string[] {
  return md
    .split('\n')
    .filter((l) =>
      /^(Accounts Analyzed|Current Portfolio ARR|Total Expansion Revenue Identified|Tier \d Opportunities):/.test(
        l,
      ),
    )
    .map((l) => l.trim());
}

/** `Account -- Title` of each opportunity heading in the Tier 1 section, ids removed. */
export function tier1Headings(md: string, names: NameRule = (s) => s): string[] {
  const start = md.indexOf('## Tier 1 Opportunities');
  const end = md.indexOf('\n## ', start + 1);
  if (start < 0) return [];
  return md
    .slice(start, end < 0 ? undefined : end)
    .split('\n')
    .filter((l) => l.startsWith('### '))
    .map((l) => names(l.replace(/^### .*?: /, '').replace(/\\_/g, '_')));
}
