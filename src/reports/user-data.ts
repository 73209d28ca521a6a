import type { Context } from "../bot/context";
import { inferredOpeningBalances } from "../core/users/loyalty-points";
import { activeDaysByUser, type LocalEvent, localizeEvents } from "../core/users/user-rows";
import type { AppUser } from "../store/schema";
import { periodInstants } from "./period-instants";

export interface UserData {
  users: AppUser[];
  /** Every event up to `until` (included), on the tenant's calendar. */
  events: LocalEvent[];
  activeDays: Map<string, string[]>;
  /**
   * Points each user must have held before their first recorded event (see
   * `inferredOpeningBalances`): balances start from these, so history before the import does not
   * show as a negative balance.
   */
  pointsBeforeRecords: Map<string, number>;
}

/** The dawn of stored time: loyalty history is read from the start (balances carry over). */
const EPOCH = "1970-01-01";

/**
 * The tenant's app users and all their events up to the end of `until` in the tenant's timezone.
 * Loyalty balances and retention need the whole history, not just the period shown.
 */
export async function loadUserData(ctx: Context, until: string): Promise<UserData> {
  const range = periodInstants({ from: EPOCH, to: until }, ctx.tenant.timezone);
  const [users, events] = await Promise.all([
    ctx.store.appUsers.listUsers(ctx.tenant.id),
    ctx.store.appUsers.eventsBetween(ctx.tenant.id, range),
  ]);
  const local = localizeEvents(events, ctx.tenant.timezone);
  return {
    users,
    events: local,
    activeDays: activeDaysByUser(local),
    pointsBeforeRecords: inferredOpeningBalances(local),
  };
}
