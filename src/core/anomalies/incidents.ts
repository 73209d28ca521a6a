/**
 * One incident: a rule (threshold or anomaly) found breached, from the first breach until it
 * clears. An incident alerts once when it opens and once when it resolves; a breach coming back
 * within the cooldown after resolving re-opens the same incident without a new alert, so a
 * metric flapping around its threshold does not flood the channel.
 */
export interface IncidentState {
  status: "open" | "resolved";
  /** When it was resolved (only for `resolved`). */
  resolvedAt?: Date;
  /** Its resolve message went out already: a later resolve (after a quiet re-open) stays quiet. */
  resolveNotified: boolean;
}

export type IncidentAction =
  /** New incident: post the alert. */
  | "open"
  /** Breached again within the cooldown: re-open the latest incident, post nothing. */
  | "reopen"
  /** Still breached: nothing to post. */
  | "keep"
  /** Cleared: post the resolve message. */
  | "resolve"
  /** Cleared again after a quiet re-open: close it, post nothing. */
  | "resolve-quietly"
  /** Not breached and nothing open. */
  | "none";

/** Default cooldown: a day, one data day for daily metrics. */
export const INCIDENT_COOLDOWN_MS = 24 * 3_600_000;

/**
 * What to do with a rule's latest incident given this evaluation's verdict.
 *
 * @example nextIncidentAction(undefined, true, now) // "open"
 * @example nextIncidentAction({ status: "open", resolveNotified: false }, true, now) // "keep"
 * @example nextIncidentAction({ status: "resolved", resolvedAt: hourAgo, resolveNotified: true }, true, now) // "reopen"
 */
export function nextIncidentAction(
  latest: IncidentState | undefined,
  breached: boolean,
  now: Date,
  cooldownMs = INCIDENT_COOLDOWN_MS,
): IncidentAction {
  if (breached) {
    if (latest?.status === "open") return "keep";
    const resolvedAt = latest?.resolvedAt?.getTime();
    if (resolvedAt !== undefined && now.getTime() - resolvedAt < cooldownMs) return "reopen";
    return "open";
  }
  if (latest?.status === "open") return latest.resolveNotified ? "resolve-quietly" : "resolve";
  return "none";
}
