import { sql } from "kysely";
import type { Database } from "../../store/schema";
import type { Store } from "../../store/store";
import type { IssueLog } from "../issues";
import type { KeyedBatch } from "../kinds/keyed-rows";
import type { WriteCounts } from "./write-counts";

type TableName = keyof Database;

/** How rows of one table are identified and compared. */
export interface KeyedTable {
  table: TableName;
  /** Identity within the tenant, e.g. `["platform", "handle"]`. */
  key: readonly string[];
  /** Everything else that is written (and compared for "unchanged"). */
  values: readonly string[];
}

export const KEYED_TABLES: Readonly<Record<string, KeyedTable>> = {
  app_users: {
    table: "app_users",
    key: ["id"],
    values: ["signup_date", "gender", "age_group", "segment"],
  },
  user_events: {
    table: "user_events",
    key: ["user_id", "occurred_at", "event_type"],
    values: ["points_earned", "points_redeemed"],
  },
  influencers: {
    table: "influencers",
    key: ["platform", "handle"],
    values: ["name", "followers", "tier", "cost_per_post", "fake_follower_share", "brand_fit"],
  },
  posts: {
    table: "posts",
    key: ["id"],
    values: [
      "platform",
      "author_handle",
      "posted_at",
      "content_type",
      "category",
      "hashtags",
      "impressions",
      "reach",
      "likes",
      "comments",
      "shares",
      "saves",
      "clicks",
      "conversions",
      "revenue",
      "cost",
    ],
  },
  journey_touchpoints: {
    table: "journey_touchpoints",
    key: ["journey_id", "touched_at", "channel"],
    values: ["campaign_id", "is_conversion", "conversion_value"],
  },
  journey_paths: {
    table: "journey_paths",
    key: ["day", "path"],
    values: ["conversions", "conversion_value", "nulls"],
  },
};

/** PostgreSQL allows 65,535 parameters per statement. */
const MAX_PARAMETERS = 30_000;

/**
 * Upserts rows of the smaller kinds by their key, counting inserted / updated / unchanged by
 * reading the batch's keys back first; unchanged rows are not written. Kind-specific checks that
 * need the store (events of unknown users) report issues and stop writing.
 */
export class KeyedWriter {
  private readonly counts: WriteCounts = { inserted: 0, updated: 0, unchanged: 0 };
  private halted = false;
  private campaignIds?: Map<string, string>;

  constructor(
    private readonly store: Store,
    private readonly options: { tenantId: string; dryRun: boolean },
    private readonly issues: IssueLog,
  ) {}

  halt(): void {
    this.halted = true;
  }

  private get writing(): boolean {
    return !this.options.dryRun && !this.halted;
  }

  async write(batch: KeyedBatch<Record<string, unknown>>): Promise<void> {
    const spec = KEYED_TABLES[batch.table];
    if (!spec) throw new Error(`no keyed table ${batch.table}`);
    let rows = batch.rows;
    if (batch.table === "user_events") rows = await this.knownUsersOnly(rows, batch.lines);
    if (batch.table === "journey_touchpoints") rows = await this.withCampaignIds(rows);

    const existing = await this.readExisting(spec, rows);
    const changed: Record<string, unknown>[] = [];
    for (const row of rows) {
      const old = existing.get(keyOf(spec, row));
      if (!old) {
        this.counts.inserted += 1;
        changed.push(row);
      } else if (spec.values.some((column) => !same(old[column], row[column]))) {
        this.counts.updated += 1;
        changed.push(row);
      } else {
        this.counts.unchanged += 1;
      }
    }
    if (!this.writing || changed.length === 0) return;
    const columns = 1 + spec.key.length + spec.values.length;
    const chunk = Math.max(1, Math.floor(MAX_PARAMETERS / columns));
    for (let i = 0; i < changed.length; i += chunk) {
      const values = changed
        .slice(i, i + chunk)
        .map((row) => ({ tenant_id: this.options.tenantId, ...row }));
      const set = Object.fromEntries(
        spec.values.map((column) => [column, sql.ref(`excluded.${column}`)]),
      );
      await this.store.db
        .insertInto(spec.table)
        // biome-ignore lint/suspicious/noExplicitAny: rows are checked by the kind's reader; the table varies
        .values(values as any)
        // biome-ignore lint/suspicious/noExplicitAny: conflict columns vary by table
        .onConflict((oc) => oc.columns(["tenant_id", ...spec.key] as any).doUpdateSet(set as any))
        .execute();
    }
  }

  finish(): WriteCounts {
    return { ...this.counts };
  }

  private async readExisting(spec: KeyedTable, rows: readonly Record<string, unknown>[]) {
    const out = new Map<string, Record<string, unknown>>();
    const first = spec.key[0] as string;
    const values = [...new Set(rows.map((r) => r[first] as string))];
    for (let i = 0; i < values.length; i += 5_000) {
      const found = await this.store.db
        .selectFrom(spec.table)
        .selectAll()
        // biome-ignore lint/suspicious/noExplicitAny: every keyed table has tenant_id and the key columns
        .where("tenant_id" as any, "=", this.options.tenantId)
        // biome-ignore lint/suspicious/noExplicitAny: as above
        .where(first as any, "in", values.slice(i, i + 5_000))
        .execute();
      for (const row of found as Record<string, unknown>[]) out.set(keyOf(spec, row), row);
    }
    return out;
  }

  /** Events need their user: events of unknown users are reported (import users first). */
  private async knownUsersOnly(rows: Record<string, unknown>[], lines: readonly number[]) {
    const ids = [...new Set(rows.map((r) => r.user_id as string))];
    const known = await this.store.appUsers.existingUserIds(this.options.tenantId, ids);
    const kept: Record<string, unknown>[] = [];
    rows.forEach((row, i) => {
      if (known.has(row.user_id as string)) {
        kept.push(row);
        return;
      }
      this.issues.add({
        line: lines[i] as number,
        message: `user "${row.user_id}" is not known: import users first (adpulse import users <file>)`,
      });
      this.halted = true;
    });
    return kept;
  }

  /** A touch's campaign given by name becomes the campaign's id when the tenant has it. */
  private async withCampaignIds(rows: Record<string, unknown>[]) {
    if (!this.campaignIds) {
      this.campaignIds = new Map();
      for (const c of await this.store.campaigns.list(this.options.tenantId)) {
        this.campaignIds.set(c.id, c.id);
        if (!this.campaignIds.has(c.name.toLowerCase()))
          this.campaignIds.set(c.name.toLowerCase(), c.id);
      }
    }
    const ids = this.campaignIds;
    return rows.map((row) => {
      const text = row.campaign_id as string | null;
      if (text === null) return row;
      return { ...row, campaign_id: ids.get(text) ?? ids.get(text.toLowerCase()) ?? text };
    });
  }
}

function keyOf(spec: KeyedTable, row: Record<string, unknown>): string {
  return spec.key.map((k) => String(row[k])).join("\u0000");
}

/** Values equal as stored: numbers from either driver, text, null. */
function same(a: unknown, b: unknown): boolean {
  if (a === null || a === undefined || b === null || b === undefined)
    return (a ?? null) === (b ?? null);
  if (typeof a === "number" || typeof b === "number") return Number(a) === Number(b);
  return String(a) === String(b);
}
