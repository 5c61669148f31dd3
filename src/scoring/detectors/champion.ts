/**
 * Champion movement (seeds/000): a departed champion is a risk at the account (secure a successor)
 * and, where they went is known, a new-logo lead at their new company. A champion whose email
 * alone sits at another organization gets a low-confidence check, never a departure.
 */
import type { AccountContext } from '../context.js';
import { activeChampions, type DepartureHint } from '../champions.js';
import { ev, type Candidate } from './candidate.js';

/** Weak on purpose: an email domain says little about employment (a personal or a group
 * company's address, an old record), so the play ranks low and only asks for a check. */
function hintCandidate(ctx: AccountContext, { contact, domain, text }: DepartureHint): Candidate {
  return {
    type: 'champion_followup',
    category: 'champion',
    subject: contact.id,
    title: `Check that ${contact.name} is still the champion: email at ${domain}`,
    description: `Confirm with ${contact.name} or the team whether they are still at the account; nothing on record says they left.`,
    evidence: [ev('champion_email_domain', text, domain, undefined, 'contacts.email')],
    currentState: `${contact.name} (${contact.roles.join(', ')}) active on record, email at ${domain}`,
    proposedState: 'Champion confirmed, or a successor named',
    estimatedArr: 0,
    valueAtStake: ctx.account.arr / 4,
    strength: 0.2,
    strongTrigger: false,
    risks: ['Low confidence: only the email domain differs from the account website'],
  };
}

export function detectChampionMoves(ctx: AccountContext): Candidate[] {
  const hints = ctx.departureHints.map((h) => hintCandidate(ctx, h));
  if (ctx.departures.length === 0) return hints;
  const roles = ctx.settings.champion.roles;
  const remaining = activeChampions(ctx.records.contacts, ctx.departures, roles);
  const moves = ctx.departures.map(({ contact, field, text }): Candidate => {
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
      strength: field === 'contacts.emailBouncedAt' ? 0.7 : 0.9,
      strongTrigger: true,
      risks,
    };
  });
  return [...moves, ...hints];
}
