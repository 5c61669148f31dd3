/**
 * Settings of the gates around the scores: timing and data confidence (seeds/001 timing engine,
 * seeds/004 rules). The health light's settings are in `health.ts`.
 */
import { z } from 'zod';

const days = z.number().int().positive();

export const TimingSchema = z
  .object({
    /** Months after a renewal during which the customer is still settling. @default 2 */
    justRenewedMonths: z.number().int().nonnegative().default(2),
    /** Months after a renewal up to which expansion talks land best. @default 4 */
    settledUntilMonths: z.number().int().positive().default(4),
    /** Days before the renewal that the non-renewal notice is due. @default 90 */
    noticeDays: z.number().int().nonnegative().default(90),
    /** Days before the notice date from which plans fold into the renewal. @default 60 */
    renewalLeadDays: z.number().int().nonnegative().default(60),
    /** Term assumed when a contract has a renewal date but no term. @default 12 */
    defaultTermMonths: z.number().int().positive().default(12),
    /** Days to act (or revisit, for hold) per timing. @default now 7, 30d 30, 90d 90, hold 90 */
    deadlineDays: z
      .object({
        now: days.default(7),
        '30d': days.default(30),
        '90d': days.default(90),
        hold: days.default(90),
      })
      .strict()
      .prefault({}),
  })
  .strict();

export const ConfidenceSchema = z
  .object({
    /** Accounts below this confidence are flagged low_confidence. @default 0.5 */
    lowBelow: z.number().min(0).max(1).default(0.5),
    /** Usage points an account needs for its usage history to count. @default 4 */
    minUsagePoints: z.number().int().nonnegative().default(4),
    /** Weight of each field in data completeness (normalized). @default seats 0.15, usage 0.2, plan 0.1, renewal 0.1, health 0.1, employees 0.1, contacts 0.15, features 0.05, industry 0.05 */
    fieldWeights: z
      .object({
        seats: z.number().nonnegative().default(0.15),
        usage: z.number().nonnegative().default(0.2),
        plan: z.number().nonnegative().default(0.1),
        renewal: z.number().nonnegative().default(0.1),
        health: z.number().nonnegative().default(0.1),
        employees: z.number().nonnegative().default(0.1),
        contacts: z.number().nonnegative().default(0.15),
        features: z.number().nonnegative().default(0.05),
        industry: z.number().nonnegative().default(0.05),
      })
      .strict()
      .prefault({}),
  })
  .strict();
