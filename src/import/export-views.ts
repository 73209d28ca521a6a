import { addDays } from "../core/days";
import { computeKpis, KPI_NAMES, TOTAL_NAMES } from "../core/kpis";
import type { Period } from "../core/period";
import { rankBy } from "../core/rank";
import type { Campaign, CampaignType, Platform, Tenant } from "../store/schema";
import type { Store } from "../store/store";
import type { CsvCell, CsvColumn } from "./export-csv";

/**
 * What `adpulse export <view>` and `/campaign export <view>` write:
 * - `campaigns`: the campaign list (id, name, platform, type, status, flight, budget, target);
 * - `daily`: one row per campaign and day of the period, every total (re-importable with
 *   `adpulse import campaigns`);
 * - `kpis`: per campaign, the period's totals and every KPI of DESIGN.md;
 * - `roi`: campaigns ranked by ROI, as `/campaign roi` ranks them;
 * - `audience`: totals per gender and age group.
 * Money is in the tenant's currency with 2 decimals; KPIs with 4.
 */
export const EXPORT_VIEWS = ["roi", "kpis", "campaigns", "daily", "audience"] as const;
export type ExportView = (typeof EXPORT_VIEWS)[number];

export interface ExportRequest {
  store: Store;
  tenant: Tenant;
  view: ExportView;
  period: Period;
  platform?: Platform;
  type?: CampaignType;
}

export interface ExportTable {
  columns: CsvColumn[];
  /** Row chunks, so a year of daily rows never sits in memory at once. */
  rows: AsyncIterable<CsvCell[][]>;
  /** `roi-2026-10-24-2026-11-22.csv`. */
  filename: string;
}

const MONEY = { kind: "number", decimals: 2 } as const;
const COUNT = { kind: "number", decimals: 0 } as const;
const KPI = { kind: "number", decimals: 4 } as const;
const text = (name: string): CsvColumn => ({ name, kind: "text" });
const MONEY_TOTALS = new Set(["spend", "revenue"]);
const totalColumns = (): CsvColumn[] =>
  TOTAL_NAMES.map((t) => ({ name: t, ...(MONEY_TOTALS.has(t) ? MONEY : COUNT) }));

/** The view as columns and rows, read from the store in chunks. */
export async function exportView(request: ExportRequest): Promise<ExportTable> {
  const { store, tenant, view, period } = request;
  const campaigns = await store.campaigns.list(tenant.id, {
    platform: request.platform,
    type: request.type,
  });
  const filtered = Boolean(request.platform || request.type);
  const byId = new Map(campaigns.map((c) => [c.id, c]));
  const scope = filtered ? { campaignIds: campaigns.map((c) => c.id) } : {};
  const filename =
    view === "campaigns" ? "campaigns.csv" : `${view}-${period.from}-${period.to}.csv`;

  switch (view) {
    case "campaigns":
      return {
        filename,
        columns: [
          text("campaign_id"),
          text("name"),
          text("platform"),
          text("type"),
          text("status"),
          text("start_date"),
          text("end_date"),
          { name: "budget", ...MONEY },
          { name: "target_conversions", ...COUNT },
        ],
        rows: once(
          campaigns.map((c) => [
            c.id,
            c.name,
            c.platform,
            c.type,
            c.status,
            c.start_date,
            c.end_date,
            c.budget,
            c.target_conversions,
          ]),
        ),
      };
    case "daily":
      return {
        filename,
        columns: [
          text("day"),
          text("campaign_id"),
          text("campaign_name"),
          text("platform"),
          ...totalColumns(),
        ],
        rows: dailyRows(store, tenant.id, period, byId, filtered),
      };
    case "kpis":
    case "roi": {
      const sums = await store.metrics.totalsByCampaign(tenant.id, period, scope);
      const rows = sums.flatMap(({ campaign_id, ...totals }) => {
        const campaign = byId.get(campaign_id);
        return campaign ? [{ campaign, totals, kpis: computeKpis(totals) }] : [];
      });
      if (view === "roi") {
        const ranked = rankBy(rows, (r) => r.kpis.roi, "desc");
        return {
          filename,
          columns: [
            { name: "rank", ...COUNT },
            text("campaign_id"),
            text("campaign_name"),
            text("platform"),
            text("type"),
            { name: "spend", ...MONEY },
            { name: "revenue", ...MONEY },
            { name: "roi", ...KPI },
            { name: "roas", ...KPI },
          ],
          rows: once(
            ranked.map((r, i) => [
              i + 1,
              r.campaign.id,
              r.campaign.name,
              r.campaign.platform,
              r.campaign.type,
              r.totals.spend,
              r.totals.revenue,
              r.kpis.roi,
              r.kpis.roas,
            ]),
          ),
        };
      }
      const sorted = [...rows].sort((a, b) => a.campaign.name.localeCompare(b.campaign.name));
      return {
        filename,
        columns: [
          text("campaign_id"),
          text("campaign_name"),
          text("platform"),
          text("type"),
          ...totalColumns(),
          ...KPI_NAMES.map((k) => ({ name: k, ...KPI })),
        ],
        rows: once(
          sorted.map((r) => [
            r.campaign.id,
            r.campaign.name,
            r.campaign.platform,
            r.campaign.type,
            ...TOTAL_NAMES.map((t) => r.totals[t]),
            ...KPI_NAMES.map((k) => r.kpis[k]),
          ]),
        ),
      };
    }
    case "audience": {
      const segments = await store.metrics.audienceTotals(tenant.id, period, scope);
      return {
        filename,
        columns: [
          text("gender"),
          text("age_group"),
          { name: "impressions", ...COUNT },
          { name: "clicks", ...COUNT },
          { name: "spend", ...MONEY },
          { name: "conversions", ...COUNT },
          { name: "ctr", ...KPI },
          { name: "cpa", ...KPI },
        ],
        rows: once(
          segments.map((s) => [
            s.gender,
            s.age_group,
            s.impressions,
            s.clicks,
            s.spend,
            s.conversions,
            s.impressions ? (s.clicks / s.impressions) * 100 : null,
            s.conversions ? s.spend / s.conversions : null,
          ]),
        ),
      };
    }
  }
}

async function* once(rows: CsvCell[][]): AsyncGenerator<CsvCell[][]> {
  yield rows;
}

/** Daily rows a month at a time (read-only: the store's daily table, ordered by day). */
async function* dailyRows(
  store: Store,
  tenantId: string,
  period: Period,
  byId: Map<string, Campaign>,
  filtered: boolean,
): AsyncGenerator<CsvCell[][]> {
  for (let from = period.from; from <= period.to; from = addDays(from, 31)) {
    // Days are ISO strings: the earlier one sorts first.
    const to = [addDays(from, 30), period.to].sort()[0] as string;
    const rows = await store.db
      .selectFrom("campaign_daily_metrics")
      .select(["day", "campaign_id", ...TOTAL_NAMES])
      .where("tenant_id", "=", tenantId)
      .where("day", ">=", from)
      .where("day", "<=", to)
      .orderBy("day")
      .orderBy("campaign_id")
      .execute();
    const out: CsvCell[][] = [];
    for (const row of rows) {
      const campaign = byId.get(row.campaign_id);
      if (!campaign && filtered) continue;
      out.push([
        row.day,
        row.campaign_id,
        campaign?.name ?? "",
        campaign?.platform ?? "",
        ...TOTAL_NAMES.map((t) => Number(row[t])),
      ]);
    }
    if (out.length) yield out;
  }
}
