/**
 * Thresholds of the detectors: usage ceilings, graduation, power users, module gaps, whitespace,
 * services, segment benchmarks, activation and champion movement (seeds/000, 001, 004).
 */
import { z } from 'zod';
import { CONTACT_ROLES } from '../../model/records.js';

const share = z.number().min(0).max(1);
const days = z.number().int().positive();

export const UsageSchema = z
  .object({
    /** Usage metric holding active seats (`limit` = licensed seats). @default 'active_seats' */
    seatMetric: z.string().min(1).default('active_seats'),
    /** Seat utilization at or above which seats are a ceiling. @default 0.8 */
    seatThreshold: share.default(0.8),
    /** Days the seat ceiling must be sustained, over at least two readings. @default 14 */
    sustainedDays: days.default(14),
    /** Share of a plan limit at or above which a metric is a ceiling. @default 0.85 */
    metricThreshold: share.default(0.85),
    /** Trend (% over the window) a plan-limited metric must exceed to count as rising. @default 0 */
    minRisePct: z.number().default(0),
    /** Window for trends and "users added last quarter". @default 90 */
    windowDays: days.default(90),
    /** Extra capacity priced as this share of ARR when no higher tier exists. @default 0.2 */
    capacityPctOfArr: share.default(0.2),
  })
  .strict();

export const GraduationSchema = z
  .object({
    /** Share of the current tier's features in use that signals graduation. @default 0.8 */
    featureShare: share.default(0.8),
  })
  .strict();

export const PowerUsersSchema = z
  .object({
    /** Usage metric: % (0–100, or a 0–1 fraction) of activity from the top fifth of users. @default 'power_user_share' */
    metric: z.string().min(1).default('power_user_share'),
    /** Share of activity at or above which usage counts as concentrated. @default 0.7 */
    threshold: share.default(0.7),
  })
  .strict();

export const ModulesSchema = z
  .object({
    /** Signals older than this are ignored by text matching. @default 180 */
    lookbackDays: days.default(180),
  })
  .strict();

export const WhitespaceSchema = z
  .object({
    /** Share of a department's headcount expected to take seats, at most: the account's own
     * seats-per-employee is used when it is lower. @default 0.5 */
    deptAdoptionShare: share.default(0.5),
    /** A new department lands at most at this multiple of the account's current licensed seats
     * (first teams, not whole departments at once), all new departments together. @default 1.5 */
    maxShareOfLicensed: z.number().positive().max(10).default(1.5),
    /** Seats proposed for a department of unknown headcount. @default 5 */
    minDeptSeats: z.number().int().positive().default(5),
    /** A contact created this recently that engages counts as a new contact engaging. @default 90 */
    newContactDays: days.default(90),
    /** Employee growth (vs the prior count) at or above which growth is a trigger. @default 0.1 */
    minGrowth: share.default(0.1),
    /** Growth signals (funding, hiring, office, acquisition) within this many days count. @default 180 */
    signalLookbackDays: days.default(180),
  })
  .strict();

export const ServicesSchema = z
  .object({
    /** Tickets in 90 days at or above which support is a trigger. @default 20 */
    ticketVolume90d: z.number().int().nonnegative().default(20),
    /** Seat utilization below which a recent purchase counts as low adoption. @default 0.5 */
    lowAdoptionUtil: share.default(0.5),
    /** A won deal within this many days counts as a recent purchase. @default 180 */
    purchaseLookbackDays: days.default(180),
    /** Seats of new departments from which a rollout package is proposed. @default 25 */
    minRolloutSeats: z.number().int().nonnegative().default(25),
  })
  .strict();

export const BenchmarksSchema = z
  .object({
    /** Accounts a cohort needs; smaller cohorts fall back to segment, then portfolio. @default 8 */
    minCohort: z.number().int().min(2).default(8),
    /** An account below this share of its cohort's top quartile is under-penetrated. @default 0.6 */
    gapShare: share.default(0.6),
    /** Share of the seat gap to the top quartile proposed as seats. @default 0.25 */
    captureShare: share.default(0.25),
    /** Segment from ARR when absent: enterprise from this ARR. @default 100000 */
    enterpriseArr: z.number().nonnegative().default(100000),
    /** Segment from ARR when absent: mid-market from this ARR. @default 25000 */
    midMarketArr: z.number().nonnegative().default(25000),
  })
  .strict();

export const ActivationSchema = z
  .object({
    /** Seat utilization below which paid seats are unused (activation). @default 0.6 */
    seatUtilBelow: share.default(0.6),
    /** Share of the tier's features in use below which features are unused. @default 0.5 */
    featureShareBelow: share.default(0.5),
  })
  .strict();

export const ChampionSchema = z
  .object({
    /** Contact roles whose departure is champion loss. @default [champion, exec_sponsor] */
    roles: z.array(z.enum(CONTACT_ROLES)).min(1).default(['champion', 'exec_sponsor']),
    /** Departures older than this are no longer followed up. @default 365 */
    lookbackDays: days.default(365),
    /** Mail domains that say nothing about employment (a champion's email on one is not a move). @default common free-mail domains */
    freeMailDomains: z
      .array(z.string())
      .default([
        'gmail.com',
        'googlemail.com',
        'outlook.com',
        'hotmail.com',
        'live.com',
        'msn.com',
        'yahoo.com',
        'aol.com',
        'icloud.com',
        'me.com',
        'proton.me',
        'protonmail.com',
        'gmx.de',
        'gmx.net',
        'web.de',
        'mail.ru',
        'yandex.ru',
        'qq.com',
        '163.com',
      ]),
  })
  .strict();
