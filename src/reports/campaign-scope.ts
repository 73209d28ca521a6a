import type { Context } from "../bot/context";
import { UserError } from "../bot/errors";
import { echo } from "../bot/option-values";
import { matchName } from "../core/fuzzy";
import { PERIOD_FORMS } from "../core/period";
import type { Campaign, CampaignType, Platform } from "../store/schema";

/** The filters most commands accept: `platform:`, `type:` and a campaign name. */
export interface CampaignFilters {
  platform?: Platform;
  type?: CampaignType;
  /** What the user typed; resolved fuzzily against the tenant's campaign names. */
  campaign?: string;
}

export interface CampaignScope {
  campaigns: Campaign[];
  /** Set when the filters named one campaign. */
  single?: Campaign;
  /** False when every campaign of the tenant is in scope (queries can skip the id list). */
  filtered: boolean;
  /** Human-readable filter summary for context lines, e.g. `facebook · conversion`. */
  label: string;
}

/**
 * The campaign ids a metrics query must be limited to, or undefined when the scope is the whole
 * tenant: then the query needs no id list at all (cheaper than naming every campaign).
 *
 * @example ctx.store.metrics.totals(ctx.tenant.id, period, { campaignIds: scopeCampaignIds(scope) })
 */
export function scopeCampaignIds(scope: CampaignScope | undefined): string[] | undefined {
  return scope?.filtered ? scope.campaigns.map((c) => c.id) : undefined;
}

/**
 * Lists the tenant's campaigns that the filters select. A campaign name that matches nothing is a
 * UserError with the closest names as suggestions.
 */
export async function resolveScope(ctx: Context, filters: CampaignFilters): Promise<CampaignScope> {
  const campaigns = await ctx.store.campaigns.list(ctx.tenant.id, {
    platform: filters.platform,
    type: filters.type,
  });
  const parts = [filters.platform, filters.type].filter(Boolean) as string[];
  if (!filters.campaign) {
    if (campaigns.length === 0) throw noCampaigns(ctx, parts);
    return { campaigns, filtered: parts.length > 0, label: parts.join(" · ") || "all campaigns" };
  }
  const single = await resolveCampaign(ctx, filters.campaign, campaigns);
  return { campaigns: [single], single, filtered: true, label: single.name };
}

/** Finds one campaign by (fuzzy) name or id among `candidates` (default: all of the tenant's). */
export async function resolveCampaign(
  ctx: Context,
  query: string,
  candidates?: Campaign[],
): Promise<Campaign> {
  const pool = candidates ?? (await ctx.store.campaigns.list(ctx.tenant.id));
  const byId = pool.find((c) => c.id === query.trim());
  if (byId) return byId;
  const { match, suggestions } = matchName(query, pool);
  if (match) return match;
  const hints = suggestions.length
    ? [`Closest campaigns: ${suggestions.map((s) => `"${s.name}"`).join(", ")}.`]
    : [];
  // "last forever" or "this decade" reach here as campaign text: say what periods look like too.
  const looksLikePeriod = /^(last|this|past|next|\d{4}-)/i.test(query.trim());
  throw new UserError(`No campaign matches "${echo(query)}".`, "unknown_campaign", [
    ...hints,
    ...(looksLikePeriod ? [`If you meant a period — Periods: ${PERIOD_FORMS.join(", ")}.`] : []),
    "Filter by platform with `platform:facebook`, by type with `type:conversion`.",
  ]);
}

function noCampaigns(ctx: Context, filters: string[]): UserError {
  return new UserError(
    filters.length
      ? `No campaigns match ${filters.join(" · ")}.`
      : `${ctx.tenant.name} has no campaigns yet.`,
    "no_campaigns",
    [
      "Import data with `adpulse import campaigns <file>` or load demo data with `adpulse seed --demo`.",
    ],
  );
}
