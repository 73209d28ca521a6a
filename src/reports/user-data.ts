import type { Context } from "../bot/context";
import { todayIn } from "../core/period";
import { inferredOpeningBalances } from "../core/users/loyalty-points";
import { activeDaysByUser, type LocalEvent, localizeEvents } from "../core/users/user-rows";
import type { AppUser } from "../store/schema";
import { periodInstants } from "./period-instants";

export interface UserData {
  /** The last day read: the period's end, or today when the period reaches into the future. */
  asOf: string;
  /** Every app user of the tenant, for looking one up by id whenever they signed up. */
  users: AppUser[];
  /** The users who had signed up by `asOf` (or whose signup day is unknown): who counts. */
  known: AppUser[];
  /** Every event up to `asOf` (included), on the tenant's calendar. */
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
 * The tenant's app users and all their events up to the end of `periodEnd` in the tenant's
 * timezone, or of today when that is later: there is nothing to read in the future. Loyalty
 * balances and retention need the whole history, not just the period shown.
 */
export async function loadUserData(ctx: Context, periodEnd: string): Promise<UserData> {
  const today = todayIn(ctx.clock.now(), ctx.tenant.timezone);
  // ISO days compare as text: the earlier of the two.
  const asOf = [periodEnd, today].sort()[0] as string;
  const range = periodInstants({ from: EPOCH, to: asOf }, ctx.tenant.timezone);
  const [users, events] = await Promise.all([
    ctx.store.appUsers.listUsers(ctx.tenant.id),
    ctx.store.appUsers.eventsBetween(ctx.tenant.id, range),
  ]);
  const local = localizeEvents(events, ctx.tenant.timezone);
  return {
    asOf,
    users,
    known: users.filter((u) => !u.signup_date || u.signup_date <= asOf),
    events: local,
    activeDays: activeDaysByUser(local),
    pointsBeforeRecords: inferredOpeningBalances(local),
  };
}
