/**
 * Ticket themes by meaning (issue 14): how-to, configuration, permissions, onboarding and training
 * are enablement (an opportunity); outage, data loss, bugs and performance are risk. Both the
 * health light and the services / support detectors use the class.
 */
import { describe, expect, it } from 'vitest';
import { compileThemes } from '../../src/scoring/ticket-themes.js';
import { TicketThemesSchema } from '../../src/scoring/settings/themes.js';
import { account, evidence, ofType, only, score, settings } from './builders.js';

const themes = compileThemes(TicketThemesSchema.parse({}));

describe('theme classification', () => {
  it.each([
    ['How-to questions', 'enablement'],
    ['how to', 'enablement'],
    ['HOWTO', 'enablement'],
    ['how_to', 'enablement'],
    ['Permissions', 'enablement'],
    ['SSO configuration', 'enablement'],
    ['user onboarding', 'enablement'],
    ['Set-up', 'enablement'],
    ['setups', 'enablement'],
    ['Training requests', 'enablement'],
    ['Outages', 'risk'],
    ['outage', 'risk'],
    ['data loss', 'risk'],
    ['Data_Loss', 'risk'],
    ['data-loss', 'risk'],
    ['bugs', 'risk'],
    ['Performance issues', 'risk'],
    ['slow dashboards', 'risk'],
    ['Sync failures', 'risk'],
    // Risk wins when one theme says both.
    ['configuration bug', 'risk'],
    // Whole words only: "debugging" is not "bug".
    ['debugging help', undefined],
    ['billing dispute', undefined],
    ['integrations', undefined],
  ] as const)('%s → %s', (theme, expected) => {
    expect(themes.classify(theme)).toBe(expected);
  });

  it('splits an account’s themes, keeping their order', () => {
    expect(themes.split(['Outages', 'how-to', 'billing', 'bugs'])).toEqual({
      enablement: ['how-to'],
      risk: ['Outages', 'bugs'],
      other: ['billing'],
    });
  });

  it('follows the vocabulary ops edit in the settings', () => {
    const custom = compileThemes(
      TicketThemesSchema.parse({ enablement: ['billing question'], risk: ['login failure'] }),
    );
    expect(custom.classify('Billing Questions')).toBe('enablement');
    expect(custom.classify('login-failures')).toBe('risk');
    expect(custom.classify('how-to')).toBeUndefined();
  });
});

describe('tickets in the health light and the services detectors', () => {
  const scored = (
    tickets90d: number,
    ticketThemes: string[],
    over: Record<string, unknown> = {},
  ) => {
    const a = account({ arr: 60000, health: { score: 80, tickets90d, ticketThemes } });
    return score({ accounts: [a] }, { settings: settings(over) });
  };

  it.each([
    {
      tickets: 20,
      themes: ['how-to', 'onboarding'],
      light: 'green',
      support: true,
      training: true,
    },
    {
      tickets: 20,
      themes: ['Permissions', 'configuration'],
      light: 'green',
      support: true,
      training: true,
    },
    { tickets: 20, themes: ['outage'], light: 'red', support: false, training: false },
    { tickets: 20, themes: ['data loss', 'bugs'], light: 'red', support: false, training: false },
    { tickets: 20, themes: ['how-to', 'outage'], light: 'red', support: false, training: false },
    { tickets: 20, themes: [], light: 'yellow', support: true, training: false },
    { tickets: 20, themes: ['billing dispute'], light: 'yellow', support: true, training: false },
    { tickets: 5, themes: ['data loss'], light: 'yellow', support: false, training: false },
    { tickets: 5, themes: ['how-to'], light: 'green', support: false, training: false },
  ])(
    '$tickets tickets about $themes → $light; support upgrade $support; enablement $training',
    ({ tickets, themes: t, light, support, training }) => {
      const r = scored(tickets, t);
      expect(r.accounts[0]!.health).toBe(light);
      expect(ofType(r, 'support_upgrade')).toHaveLength(support ? 1 : 0);
      const workshop = ofType(r, 'professional_services').filter((o) =>
        o.evidence.some((e) => e.signal === 'enablement_tickets'),
      );
      expect(workshop).toHaveLength(training ? 1 : 0);
    },
  );

  it('says why: enablement is not risk, outage tickets are', () => {
    expect(scored(20, ['how-to']).accounts[0]!.healthReasons).toContain(
      '20 support tickets in 90 days about how-to: enablement needs, not product risk',
    );
    const risk = scored(20, ['Outages']);
    expect(risk.accounts[0]!.healthReasons).toContain(
      '20 support tickets in 90 days about Outages: product risk (red at 15)',
    );
    const o = only(risk, 'stabilization');
    expect(o.description).toContain('the product issues behind the tickets fixed (Outages)');
  });

  it('a risk theme without a ticket count is a warning, not red', () => {
    const a = account({ health: { score: 80, ticketThemes: ['Data loss'] } });
    const s = score({ accounts: [a] }).accounts[0]!;
    expect(s.health).toBe('yellow');
    expect(s.healthReasons).toContain(
      'support tickets about Data loss: product risk (ticket count unknown)',
    );
  });

  it('the enablement workshop names the themes as its evidence', () => {
    const r = scored(22, ['how-to', 'onboarding']);
    const o = ofType(r, 'professional_services').find((x) => evidence(x, 'enablement_tickets'))!;
    expect(o.title).toBe('Enablement Workshop: enablement tickets');
    expect(evidence(o, 'enablement_tickets')).toMatchObject({
      value: 'how-to, onboarding',
      field: 'health.ticketThemes',
    });
    expect(evidence(only(r, 'support_upgrade'), 'ticket_volume')?.text).toBe(
      '22 support tickets in 90 days about how-to, onboarding, at or above 20',
    );
  });

  it('an edited vocabulary changes the reading', () => {
    const r = scored(20, ['billing dispute'], { ticketThemes: { risk: ['billing dispute'] } });
    expect(r.accounts[0]!.health).toBe('red');
    expect(ofType(r, 'support_upgrade')).toHaveLength(0);
  });
});
