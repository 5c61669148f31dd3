/**
 * Whitespace: departments that do not use the product (departments data, contacts' departments,
 * new contacts engaging). Idle paid seats are used first: a team that fits on them is a rollout
 * (activation), not a sale.
 */
import type { Contact } from '../../model/records.js';
import type { Evidence } from '../../model/output.js';
import type { AccountContext } from '../context.js';
import { money, pct } from '../format.js';
import { containsWord } from '../text-match.js';
import { sortSmall } from '../small-sort.js';
import { ev, type Candidate } from './candidate.js';

interface Team {
  name: string;
  headcount: number | undefined;
  contacts: Contact[];
  fromDepartments: boolean;
}

const norm = (s: string): string => s.trim().toLowerCase();
const USER_ROLES = new Set(['champion', 'power_user']);

// Arrays, not Maps and Sets: an account has a handful of departments and contacts, and this runs
// for each of 100k accounts (the per-account collections were garbage for the GC to sweep).
function teams(ctx: AccountContext): Team[] {
  const { departments, contacts } = ctx.records;
  const known = departments.map((d) => norm(d.name));
  const out: Team[] = [];
  const outKeys: string[] = [];
  for (const d of departments) {
    if (d.usesProduct) continue;
    out.push({ name: d.name, headcount: d.headcount, contacts: [], fromDepartments: true });
    outKeys.push(norm(d.name));
  }
  const fromContacts: Team[] = [];
  const fromKeys: string[] = [];
  const usedByContacts: string[] = [];
  for (const c of contacts) {
    if (c.status !== 'active' || !c.department) continue;
    const key = norm(c.department);
    // The last department of that name wins, as a Map built from the list would have it.
    const at = outKeys.lastIndexOf(key);
    if (at >= 0) out[at]!.contacts.push(c);
    else if (!known.includes(key)) {
      // Without departments data, a team with a champion or power user already uses the product.
      if (c.roles.some((r) => USER_ROLES.has(r))) usedByContacts.push(key);
      const i = fromKeys.indexOf(key);
      if (i >= 0) fromContacts[i]!.contacts.push(c);
      else {
        fromKeys.push(key);
        fromContacts.push({
          name: c.department,
          headcount: undefined,
          contacts: [c],
          fromDepartments: false,
        });
      }
    }
  }
  for (let i = 0; i < fromContacts.length; i++) {
    const t = fromContacts[i]!;
    // Only teams whose people engage and hold no user role: an economic buyer alone is not a team.
    const engaged = t.contacts.some((c) => c.lastEngagedAt && c.roles.length === 0);
    if (!usedByContacts.includes(fromKeys[i]!) && engaged) out.push(t);
  }
  return out;
}

export function detectWhitespace(ctx: AccountContext): Candidate[] {
  const ws = ctx.settings.whitespace;
  let spare = ctx.seats ? Math.max(0, ctx.seats.licensed - ctx.seats.active) : 0;
  const newEngaged = ctx.engagement.newEngaged;
  const out: Candidate[] = [];
  // The share of a department that takes seats: how the teams already on the product adopted it
  // (seats per head in the departments that use it; else seats per employee), never above the
  // configured share. A new department is a land, not the whole department at once.
  const using = ctx.records.departments.filter((d) => d.usesProduct && d.headcount);
  const usingHeads = using.reduce((n, d) => n + (d.headcount ?? 0), 0);
  const own = !ctx.seats
    ? undefined
    : usingHeads > 0
      ? ctx.seats.licensed / usingHeads
      : ctx.account.employees
        ? ctx.seats.licensed / ctx.account.employees
        : undefined;
  const share = own !== undefined ? Math.min(ws.deptAdoptionShare, own) : ws.deptAdoptionShare;
  // One budget for every new department of the account, so five idle departments do not each
  // double the footprint; teams with people already engaging come first.
  let budget = ctx.seats
    ? Math.max(1, Math.round(ctx.seats.licensed * ws.maxShareOfLicensed))
    : undefined;
  const ordered = sortSmall(
    teams(ctx),
    (a, b) => b.contacts.length - a.contacts.length || (b.headcount ?? 0) - (a.headcount ?? 0),
  );
  for (const team of ordered) {
    if (budget === 0) break;
    const wanted =
      team.headcount !== undefined
        ? Math.max(1, Math.round(team.headcount * share))
        : Math.max(ws.minDeptSeats, team.contacts.length);
    const seats = budget !== undefined ? Math.min(wanted, budget) : wanted;
    if (budget !== undefined) budget -= seats;
    const evidence: Evidence[] = [
      team.fromDepartments
        ? ev(
            'department_whitespace',
            `${team.name}${team.headcount !== undefined ? ` (${team.headcount} people)` : ''} does not use the product`,
            team.headcount ?? team.name,
            undefined,
            'departments.usesProduct',
          )
        : ev(
            'department_whitespace',
            `${team.contacts.length} engaged contact(s) in ${team.name}, a team without users`,
            team.contacts.length,
            undefined,
            'contacts.department',
          ),
    ];
    let strong = false;
    for (const c of team.contacts) {
      if (!newEngaged.includes(c)) continue;
      strong = true;
      evidence.push(
        ev(
          'new_contact_engaging',
          `New contact ${c.name}${c.title ? ` (${c.title})` : ''} in ${team.name} engaged on ${c.lastEngagedAt}`,
          c.lastEngagedAt,
          undefined,
          'contacts.createdAt / contacts.lastEngagedAt',
        ),
      );
    }
    const name = norm(team.name);
    for (const item of ctx.texts) {
      if (!containsWord(item.text, name)) continue;
      strong = true;
      evidence.push(
        ev(
          'department_mention',
          `${item.source.replace('_', ' ')} "${item.text}" names ${team.name}`,
          item.text,
          undefined,
          item.field,
        ),
      );
    }
    const fromSpare = Math.min(spare, seats);
    spare -= fromSpare;
    const toBuy = seats - fromSpare;
    const basis =
      team.headcount !== undefined
        ? `${pct(share)}% of ${team.headcount} people${own !== undefined && share === own ? ' (as the teams already using it adopted)' : ''} = ${wanted} seats`
        : `${seats} seats (headcount unknown)`;
    const sizing =
      seats < wanted
        ? `${basis}; a first team of ${seats} (new departments together at most ${pct(ws.maxShareOfLicensed)}% of today’s ${ctx.seats!.licensed} seats)`
        : basis;
    if (toBuy === 0) {
      out.push({
        type: 'activation',
        category: 'activation',
        subject: `dept-${norm(team.name)}`,
        title: `Roll out to ${team.name} on ${seats} idle paid seats`,
        description: `${team.name} can start on seats the account already pays for: a rollout, not a purchase.`,
        evidence: [
          ...evidence,
          ev(
            'sizing',
            `${sizing}, covered by idle seats`,
            seats,
            undefined,
            'seats.licensed - seats.active',
          ),
        ],
        currentState: `${team.name} not using the product`,
        proposedState: `${team.name} on ${seats} existing seats`,
        estimatedArr: 0,
        valueAtStake: seats * ctx.seatPrice,
        strength: strong ? 0.8 : 0.5,
        strongTrigger: false,
        seats,
        benefits: team.name,
        risks: [],
      });
      continue;
    }
    const arr = toBuy * ctx.seatPrice;
    evidence.push(
      ev(
        'sizing',
        `${sizing}${fromSpare ? `, ${fromSpare} from idle seats` : ''}; ${toBuy} x ${money(ctx.seatPrice)}/seat = ${money(arr)}`,
        arr,
        undefined,
        'departments.headcount',
      ),
    );
    out.push({
      type: 'new_department',
      category: 'expansion',
      subject: norm(team.name),
      title: `Bring ${team.name} on: ${toBuy} new seats`,
      description: `Extend the product to ${team.name}, a team that does not use it yet, with ${seats} seats.`,
      evidence,
      currentState: `${team.name} not using the product`,
      proposedState: `${team.name} on ${seats} seats`,
      estimatedArr: arr,
      strength: Math.min(1, (team.fromDepartments ? 0.35 : 0.4) + (strong ? 0.35 : 0)),
      strongTrigger: strong,
      seats,
      benefits: team.name,
      risks: [],
    });
  }
  return out;
}
