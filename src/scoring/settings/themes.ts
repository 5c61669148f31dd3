/**
 * The ticket-theme vocabulary ops edit: which words make a support-ticket theme an enablement
 * need (a training, premium-support or services opportunity, seeds/004 "Services") and which make
 * it a product risk. Matched by whole words, case-insensitively, singular and plural alike, with
 * spaces, hyphens and underscores interchangeable ("How-to questions", "data_loss", "Outages").
 */
import { z } from 'zod';

const vocabulary = (defaults: string[]) => z.array(z.string().min(1)).default(defaults);

export const TicketThemesSchema = z
  .object({
    /** Themes that ask for help using the product. */
    enablement: vocabulary([
      'how to',
      'howto',
      'question',
      'configuration',
      'configure',
      'config',
      'setup',
      'set up',
      'settings',
      'permission',
      'access request',
      'user management',
      'onboarding',
      'training',
      'documentation',
      'best practice',
    ]),
    /** Themes that say the product failed the customer; they win over enablement words. */
    risk: vocabulary([
      'outage',
      'downtime',
      'incident',
      'data loss',
      'lost data',
      'data corruption',
      'corrupted',
      'bug',
      'defect',
      'crash',
      'error',
      'broken',
      'regression',
      'performance',
      'slow',
      'slowness',
      'latency',
      'timeout',
      'sync failure',
    ]),
  })
  .strict();

export type TicketThemes = z.infer<typeof TicketThemesSchema>;
