/** Where "now" comes from; tests pass a fixed or steppable clock. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** ISO 8601 UTC text of a time, the one form timestamps are stored and sent in. */
export function iso(d: Date): string {
  return d.toISOString();
}

/** `d` moved by `ms` milliseconds. */
export function addMs(d: Date, ms: number): Date {
  return new Date(d.getTime() + ms);
}

export const DAY_MS = 24 * 60 * 60 * 1000;
