/**
 * One rule's verdict on one fact about an account, the unit the health light is built from.
 * `red` is a real retention risk on its own; `yellow` a warning; `good` a reason for green;
 * `note` something read but not judged (a value outside its scale), kept so nothing is silent.
 */

export type Level = 'red' | 'yellow' | 'good' | 'note';

/** One reason behind the light, with the value, threshold and field it came from. */
export interface HealthReason {
  text: string;
  field: string;
  value?: number | string;
  threshold?: number;
}

export interface Judgment extends HealthReason {
  level: Level;
}

/** Drops the level: what stabilization evidence and the output carry. */
export function reasonOf(j: Judgment): HealthReason {
  const { level: _level, ...reason } = j;
  return reason;
}
