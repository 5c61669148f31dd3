/**
 * The single most important thing to do on an account now (the playbook's "Next Step"): the
 * first approach step of its best live play. A not-ready account is never pitched: its next
 * action comes from a play that is not an expansion (stabilization, champion follow-up), or
 * says to stabilize first.
 */
import type { AccountSummary, Opportunity } from '../model/index.js';

export interface NextAction {
  text: string;
  /** The opportunity the action belongs to, when there is one. */
  opportunityId?: string;
  /** Its deadline to act (ISO date). */
  deadline?: string;
}

/** The playbook's own fallback when a play has no approach steps yet. */
const FIRST_CONVERSATION = 'Schedule the first conversation';

function fromPlay(o: Opportunity): NextAction {
  const step = o.approach[0]?.trim();
  return { text: step || FIRST_CONVERSATION, opportunityId: o.id, deadline: o.deadline };
}

/**
 * @param summary the account's summary; absent when no sync has scored it
 * @param live its open and accepted opportunities, best first
 */
export function nextAction(
  summary: AccountSummary | undefined,
  live: readonly Opportunity[],
): NextAction {
  if (!summary) return { text: 'Not scored yet: the next sync will score this account' };
  if (summary.readiness === 'not_ready') {
    const play = live.find((o) => o.category !== 'expansion');
    if (play) return fromPlay(play);
    const why = summary.healthReasons[0];
    return { text: `Stabilize the account before any expansion talk${why ? ` (${why})` : ''}` };
  }
  const best = live[0];
  if (best) return fromPlay(best);
  return { text: 'No open play: Headroom will flag the next signal at a sync' };
}
