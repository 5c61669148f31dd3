/**
 * Champion movement (seeds/000): a departed champion is a risk at the account (secure a successor)
 * and, where they went is known, a new-logo lead at their new company.
 */
import type { AccountContext } from '../context.js';
import { activeChampions } from '../champions.js';
import { ev, type Candidate } from './candidate.js';

export function detectChampionMoves(ctx: AccountContext): Candidate[] {
  if (ctx.departures.length === 0) return [];
  const roles = ctx.settings.champion.roles;
  const remaining = activeChampions(ctx.records.contacts, ctx.departures, roles);
  return ctx.departures.map(({ contact, field, text }) => {
    const moved = contact.movedTo;
    const evidence = [
      ev('champion_left', text, contact.leftAt ?? contact.status, undefined, field),
    ];
    if (moved) {
      evidence.push(
        ev(
          'champion_moved',
          `Now ${moved.title ? `${moved.title} at ` : 'at '}${moved.company}: a new-logo lead`,
          moved.company,
          undefined,
          'contacts.movedTo.company',
        ),
      );
    }
    evidence.push(
      ev(
        'champions_remaining',
        `${remaining.length} active champion(s) remain at the account`,
        remaining.length,
        1,
        'contacts.roles',
      ),
    );
    const risks =
      remaining.length === 0
        ? ['No champion remains: renewal at risk until a successor is found']
        : [];
    return {
      type: 'champion_followup' as const,
      category: 'champion' as const,
      subject: contact.id,
      title: `${contact.name} left: secure a successor${moved ? `; new-logo lead at ${moved.company}` : ''}`,
      description: `Re-anchor the account with a new champion${moved ? ` and reach out to ${contact.name} at ${moved.company}` : ''}.`,
      evidence,
      currentState: `${contact.name} (${contact.roles.join(', ')}) gone; ${remaining.length} champion(s) remain`,
      proposedState: moved
        ? `New champion at the account; ${moved.company} in the new-logo pipeline`
        : 'New champion at the account',
      estimatedArr: 0,
      valueAtStake: remaining.length === 0 ? ctx.account.arr : ctx.account.arr / 2,
      strength: field === 'contacts.email' ? 0.5 : 0.9,
      strongTrigger: true,
      risks,
    };
  });
}
