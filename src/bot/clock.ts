import { randomUUID } from "node:crypto";

/** The only way code learns the time: injected so tests and jobs can pin it. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

export function fixedClock(iso: string): Clock {
  const at = new Date(iso);
  return { now: () => new Date(at) };
}

/** Id source (error ids, delivery ids), injected for the same reason as the clock. */
export interface IdGenerator {
  next(prefix?: string): string;
}

export const randomIds: IdGenerator = {
  next: (prefix = "") => `${prefix}${randomUUID().slice(0, 8)}`,
};

export function sequentialIds(): IdGenerator {
  let n = 0;
  return { next: (prefix = "") => `${prefix}${String(++n).padStart(4, "0")}` };
}
