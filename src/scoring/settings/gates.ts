/**
 * Settings of the gates around the scores: the health light, timing and data confidence
 * (seeds/001 timing engine, seeds/004 rules).
 */
import { z } from 'zod';

const days = z.number().int().positive();

export const HealthSchema = z
  .object({
    /** Health score below which the light is red. @default 50 */
    scoreRed: z.number().default(50),
    /** Health score below which the light is at least yellow. @default 70 */
    scoreYellow: z.number().default(70),
    /** NPS below which the light is red. @default -20 */
    npsRed: z.number().default(-20),
    /** NPS below which the light is at least yellow. @default 10 */
    npsYellow: z.number().default(10),
    /** A negative QBR within this many days is a yellow reason. @default 180 */
    qbrWithinDays: days.default(180),
    /** Tickets in 90 days at or above which there is a ticket spike (yellow). @default 15 */
    ticketSpike90d: z.number().int().nonnegative().default(15),
    /** Usage trend (%) at or below which usage declines (yellow). @default -10 */
    declineYellowPct: z.number().default(-10),
    /** Usage trend (%) at or below which usage collapses (red). @default -25 */
    declineRedPct: z.number().default(-25),
    /** Yellow reasons that together make the light red. @default 2 */
    yellowReasonsForRed: z.number().int().positive().default(2),
  })
  .strict();

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
