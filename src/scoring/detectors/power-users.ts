/**
 * Power-user concentration: a few users carry most of the activity, so wider adoption is
 * feasible. With unused seats that is enablement (activation); with a full licence and teams
 * beyond the licence, seats for the rest of the using teams.
 */
import type { AccountContext } from '../context.js';
import { money, pct } from '../format.js';
import { readings } from '../usage-series.js';
import { ev, type Candidate } from './candidate.js';

export function detectPowerUsers(ctx: AccountContext): Candidate[] {
  const p = ctx.settings.powerUsers;
  const rs = readings(ctx.records.usage.get(p.metric), ctx.asOfDay, undefined);
  const last = rs[rs.length - 1];
  if (!last) return [];
  const share = last.value > 1 ? last.value / 100 : last.value;
  if (share < p.threshold) return [];
  const concentration = ev(
    'power_user_concentration',
    `${pct(share)}% of activity comes from the top fifth of users (as of ${last.date}), at or above ${pct(p.threshold)}%`,
    pct(share),
    pct(p.threshold),
    `usage[${p.metric}]`,
  );
  const seats = ctx.seats;
  if (!seats || seats.licensed === 0) return [];
  const unused = seats.licensed - seats.active;
  if (seats.active / seats.licensed < ctx.settings.usage.seatThreshold && unused > 0) {
    return [
      {
        type: 'activation',
        category: 'activation',
        subject: 'seats',
        title: `Spread usage beyond the power users: ${unused} paid seats idle`,
        description: `Usage rests on a few people while ${unused} paid seats sit idle: enable the wider team before any seat talk.`,
        evidence: [
          concentration,
          ev(
            'unused_seats',
            `${unused} of ${seats.licensed} licensed seats unused`,
            unused,
            undefined,
            'seats.licensed - seats.active',
          ),
        ],
        currentState: `${seats.active} of ${seats.licensed} seats active; activity concentrated`,
        proposedState: 'Activity spread across the licensed team',
        estimatedArr: 0,
        valueAtStake: unused * ctx.seatPrice,
        strength: 0.7,
        strongTrigger: false,
        risks: [],
      },
    ];
  }
  const using = ctx.records.departments.filter((d) => d.usesProduct && d.headcount !== undefined);
  const headcount = using.reduce((n, d) => n + (d.headcount ?? 0), 0);
  if (headcount <= seats.licensed) return [];
  const add = Math.ceil((headcount - seats.licensed) * ctx.settings.whitespace.deptAdoptionShare);
  const arr = add * ctx.seatPrice;
  const teams = using.map((d) => d.name).join(', ');
  return [
    {
      type: 'seat_expansion',
      category: 'expansion',
      subject: 'seats',
      title: `Widen adoption: ${add} seats for the rest of ${teams}`,
      description: `A few power users carry the work of ${teams} (${headcount} people on ${seats.licensed} seats): add ${add} seats for the wider team.`,
      evidence: [
        concentration,
        ev(
          'team_coverage',
          `${teams}: ${headcount} people, ${seats.licensed} licensed seats`,
          headcount,
          seats.licensed,
          'departments.headcount',
        ),
        ev(
          'sizing',
          `${add} seats x ${money(ctx.seatPrice)}/seat = ${money(arr)}`,
          arr,
          undefined,
          'catalog.tiers.seatPrice',
        ),
      ],
      currentState: `${seats.licensed} seats for ${headcount} people in ${teams}`,
      proposedState: `${seats.licensed + add} licensed seats`,
      estimatedArr: arr,
      strength: 0.55,
      strongTrigger: false,
      benefits: teams,
      risks: [],
    },
  ];
}
