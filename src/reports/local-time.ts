import { DateTime } from "luxon";

/**
 * An instant as people in `zone` read it, the zone named after it so nobody guesses whose clock
 * it is: `Wed 25 Nov 10:00 Europe/Paris`. Stored instants are ISO text and parsed as such (text
 * without an offset reads as local to `zone`); scheduler slots are Dates.
 *
 * @example localDateTime("2026-11-25T09:00:00Z", "Europe/Paris") // "Wed 25 Nov 10:00 Europe/Paris"
 */
export function localDateTime(at: Date | string, zone: string): string {
  const local =
    typeof at === "string" ? DateTime.fromISO(at, { zone }) : DateTime.fromJSDate(at, { zone });
  return `${local.toFormat("ccc d LLL HH:mm")} ${zone}`;
}
