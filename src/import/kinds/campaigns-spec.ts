import { TOTAL_NAMES } from "../../core/kpis";
import type { Platform } from "../../store/schema";
import type { FieldSpec, KindSpec } from "../fields";
import { normalizeHeader } from "../headers";
import { requireOneOf } from "../mapping";

/**
 * Header names of ad-platform exports for campaign metrics: Meta Ads Manager, Google Ads, TikTok
 * Ads Manager, LinkedIn Campaign Manager and common public sample data sets. Tier 1 names are
 * the figure itself; tier 2 a close stand-in used only when no tier-1 column exists (Meta's
 * "Clicks (all)" next to "Link clicks").
 */
const FIELDS: readonly FieldSpec[] = [
  {
    key: "campaign_id",
    label: "campaign id",
    type: "text",
    names: [["Campaign ID", "CampaignId", "Campaign identifier", "Ad campaign ID", "campaign_id"]],
  },
  {
    key: "campaign_name",
    label: "campaign name",
    type: "text",
    names: [
      ["Campaign name", "Campaign", "Campaign title", "Ad campaign", "Ad campaign name"],
      ["Name"],
    ],
  },
  {
    key: "platform",
    label: "platform",
    type: "enum",
    names: [
      ["Platform", "Publisher platform", "Ad platform", "Platform name", "Media platform"],
      ["Channel", "Source", "Publisher"],
    ],
  },
  {
    key: "campaign_type",
    label: "campaign type",
    type: "enum",
    names: [
      [
        "Campaign type",
        "Objective",
        "Campaign objective",
        "Advertising objective",
        "Campaign goal",
        "Advertising channel type",
        "Type",
        "Goal",
      ],
    ],
  },
  {
    key: "status",
    label: "status",
    type: "enum",
    names: [
      ["Campaign status", "Campaign delivery", "Status", "Delivery", "Campaign state", "State"],
    ],
  },
  {
    key: "day",
    label: "date",
    type: "day",
    names: [
      [
        "Day",
        "Date",
        "By Day",
        "Stat time day",
        "Reporting date",
        "Report date",
        "Segment date",
        "Date of activity",
      ],
    ],
  },
  {
    key: "period_start",
    label: "reporting start",
    type: "day",
    names: [
      [
        "Reporting starts",
        "Reporting start",
        "Start date",
        "Date start",
        "Period start",
        "Report start",
        "From date",
      ],
    ],
  },
  {
    key: "period_end",
    label: "reporting end",
    type: "day",
    names: [
      [
        "Reporting ends",
        "Reporting end",
        "End date",
        "Date stop",
        "Date end",
        "Period end",
        "Report end",
        "To date",
      ],
    ],
  },
  {
    key: "spend",
    label: "spend",
    type: "money",
    names: [
      [
        "Spend",
        "Spent",
        "Amount spent",
        "Amount spend",
        "Cost",
        "Total cost",
        "Total spent",
        "Total spend",
        "Ad spend",
        "Media cost",
        "Spend amount",
      ],
    ],
  },
  {
    key: "impressions",
    label: "impressions",
    type: "count",
    names: [["Impressions", "Impr", "Imps", "Impression", "Total impressions"]],
  },
  {
    key: "reach",
    label: "reach",
    type: "count",
    names: [["Reach", "Unique reach", "People reached", "Accounts reached", "Unique impressions"]],
  },
  {
    key: "clicks",
    label: "clicks",
    type: "count",
    names: [
      [
        "Clicks",
        "Link clicks",
        "Clicks (Destination)",
        "Total clicks",
        "Link clicks (Destination)",
      ],
      ["Clicks (all)", "All clicks", "Outbound clicks"],
    ],
  },
  {
    key: "engagements",
    label: "engagements",
    type: "count",
    names: [
      [
        "Engagements",
        "Engagement",
        "Post engagement",
        "Post engagements",
        "Total engagements",
        "Total engagement",
        "Interactions",
        "Social engagements",
      ],
    ],
  },
  {
    key: "conversions",
    label: "conversions",
    type: "decimal",
    names: [
      ["Conversions", "Conv", "Total conversions", "Results", "Conversion"],
      ["Purchases", "Website purchases", "Leads", "Orders", "Conversions (all)"],
    ],
  },
  {
    key: "revenue",
    label: "revenue",
    type: "money",
    names: [
      [
        "Revenue",
        "Conversion value",
        "Conv value",
        "Total conversion value",
        "Purchase conversion value",
        "Purchases conversion value",
        "Website purchase conversion value",
        "Results value",
        "Purchase value",
        "Total revenue",
        "Sales",
      ],
      ["Value", "Total complete payment value", "Conversion value (all)", "All conv value"],
    ],
  },
  {
    key: "age",
    label: "age group",
    type: "enum",
    names: [["Age", "Age group", "Age range", "Age bracket"]],
  },
  {
    key: "gender",
    label: "gender",
    type: "enum",
    names: [["Gender", "Sex"]],
  },
  {
    key: "breakdown",
    label: "breakdown",
    type: "marker",
    multiple: true,
    names: [
      [
        "Ad set name",
        "Ad set",
        "Adset",
        "Ad set ID",
        "Ad group",
        "Ad group name",
        "Ad group ID",
        "Adgroup",
        "Ad name",
        "Ad",
        "Ad ID",
        "Creative",
        "Creative name",
        "Device",
        "Impression device",
        "Placement",
        "Platform position",
        "Country",
        "Region",
        "DMA region",
        "Keyword",
        "Search keyword",
      ],
    ],
  },
];

/** The figures a campaign row carries, in store order: the seven totals of the KPI contract. */
export const METRIC_FIELDS = TOTAL_NAMES;

export const campaignsSpec: KindSpec = {
  kind: "campaigns",
  fields: FIELDS,
  requirements: [
    requireOneOf(() => campaignsSpec, ["campaign_id", "campaign_name"], "the campaign"),
    (mapped, options) => {
      if (mapped.has("day") || options.date) return undefined;
      if (mapped.has("period_start") && mapped.has("period_end")) return undefined;
      if (mapped.has("period_start") || mapped.has("period_end")) {
        return 'a reporting period needs both its start and its end column (e.g. "Reporting starts" and "Reporting ends"), or pass --date YYYY-MM-DD';
      }
      return 'no date column: looked for "Day", "Date", "Reporting starts"/"Reporting ends"; add one, or pass --date YYYY-MM-DD when the whole file is one day';
    },
    (mapped) =>
      METRIC_FIELDS.some((m) => mapped.has(m))
        ? undefined
        : 'no figures to import: looked for "Spend"/"Cost"/"Amount spent", "Impressions", "Clicks", "Conversions"/"Results", "Revenue"/"Conversion value"',
  ],
};

/**
 * Which ad platform an export comes from, by headers only that platform writes. Used as the
 * platform of new campaigns when the file has no platform column and none was given.
 *
 * @example platformFromHeaders(["Day", "Campaign", "Impr.", "Cost", "Conv."]) // "google"
 */
export function platformFromHeaders(
  header: readonly string[],
): { platform: Platform; export: string } | undefined {
  const keys = new Set(header.map((h) => normalizeHeader(h).key));
  const raw = header.join("\n");
  if (keys.has("impr") || keys.has("conv") || keys.has("conv value") || keys.has("avg cpc")) {
    return { platform: "google", export: "Google Ads" };
  }
  if (
    keys.has("amount spent") ||
    keys.has("reporting starts") ||
    keys.has("results") ||
    keys.has("ad set name")
  ) {
    return { platform: "facebook", export: "Meta Ads Manager" };
  }
  if (
    keys.has("total cost") ||
    keys.has("by day") ||
    keys.has("stat time day") ||
    keys.has("clicks destination")
  ) {
    return { platform: "tiktok", export: "TikTok Ads Manager" };
  }
  if (keys.has("total spent") || keys.has("campaign group") || /\(in UTC\)/i.test(raw)) {
    return { platform: "linkedin", export: "LinkedIn Campaign Manager" };
  }
  return undefined;
}
