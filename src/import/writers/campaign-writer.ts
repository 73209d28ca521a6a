import type { Statement } from "better-sqlite3";
import { dayToEpoch, epochToDay } from "../../core/days";
import {
  AGE_GROUPS,
  type AudienceRow,
  type Campaign,
  GENDERS,
  type NewCampaign,
  PLATFORMS,
} from "../../store/schema";
import type { Store } from "../../store/store";
import type { IssueLog } from "../issues";
import {
  AUDIENCE_METRICS,
  type AudienceBlock,
  type CampaignBatch,
  type CampaignRef,
  type DailyBlock,
} from "../kinds/campaigns-rows";
import { METRIC_FIELDS } from "../kinds/campaigns-spec";
import type { WriteCounts } from "./write-counts";

const METRICS = METRIC_FIELDS.length;
/** PostgreSQL allows 65,535 parameters per statement: 10 columns × 1,000 rows is well below. */
const PG_CHUNK = 1000;
/** Campaign ids per weekly recompute statement. */
const ID_CHUNK = 500;

export interface CampaignWriteResult extends WriteCounts {
  campaignsCreated: number;
  campaignsUpdated: number;
  audienceRows: number;
  /** First and last day of the rows imported. */
  period?: { from: string; to: string };
}

export interface CampaignWriterOptions {
  tenantId: string;
  /** Validate and count only. */
  dryRun: boolean;
  now: Date;
  /** Which figures the file has, METRIC_FIELDS order: the others keep their stored values. */
  mappedMetrics: readonly boolean[];
}

interface CampaignState {
  id: string;
  name: string;
  line: number;
  /** Earliest day written, as epoch days. */
  minDay: number;
  /** Weeks with inserted rows → slot of their sums in `weekSums`. */
  weeks: Map<number, number>;
  /** Weeks with updated rows (recomputed from the daily rows at the end). */
  updatedWeeks: Set<number>;
  /** Days written, kept only when two spellings in the file name this campaign. */
  days?: Set<number>;
}

/** Monday of the ISO week of a day, as epoch days (1970-01-01 was a Thursday). */
function weekOf(epoch: number): number {
  return epoch - ((((epoch + 3) % 7) + 7) % 7);
}

/**
 * Writes campaign batches into the store inside the caller's transaction, counting what each row
 * does: inserted (new campaign-day), updated (a figure changed) or unchanged (left alone).
 *
 * - Campaigns are matched by the file's campaign id, else by name (and platform, when the row
 *   has one); unknown ones are created (see README: platform, type and id rules).
 * - Existing rows are read per batch, only for the batch's campaigns and days, and only when the
 *   tenant already has data in that range: a first import reads nothing back.
 * - Only the figures the file has are written; a revenue-only file leaves spend alone.
 * - The weekly rollup is brought up to date once, at the end: weeks that had no data before get
 *   the sums computed here, weeks that had data are recomputed from the daily rows in SQL.
 * - On SQLite the rows go through prepared statements on the transaction's own connection
 *   (better-sqlite3 is synchronous and single-connection, so they join the transaction).
 */
export class CampaignWriter {
  private readonly byId = new Map<string, Campaign>();
  private readonly byName = new Map<string, Campaign[]>();
  private readonly createdIds = new Set<string>();
  private readonly metadataChanges: [string, Partial<Campaign>][] = [];
  /** Per stored campaign: what this import did to it. Shared by refs naming the same one. */
  private readonly states = new Map<string, CampaignState>();
  /** Batch campaign index → its state (undefined: unresolved). */
  private readonly stateOf: (CampaignState | undefined)[] = [];
  private weekSums = new Float64Array(1024 * METRICS);
  private weekCount = 0;
  private dataRange?: { from: number; to: number };
  private readonly counts: WriteCounts = { inserted: 0, updated: 0, unchanged: 0 };
  private created = 0;
  private metadataUpdated = 0;
  private audienceRows = 0;
  private first = Number.POSITIVE_INFINITY;
  private last = Number.NEGATIVE_INFINITY;
  private readonly dayText: string[] = [];
  private statements?: {
    existing: Statement;
    insert: Statement;
    update?: Statement;
  };
  /** Set once any problem is known: keep validating, stop writing (it will be rolled back). */
  private halted = false;

  /** The figures the file has (the others keep their stored values on update). */
  private readonly mappedFields: readonly MetricField[];

  constructor(
    private readonly store: Store,
    private readonly options: CampaignWriterOptions,
    private readonly issues: IssueLog,
  ) {
    this.mappedFields = METRIC_FIELDS.filter((_, i) => options.mappedMetrics[i]);
  }

  private get tenantId() {
    return this.options.tenantId;
  }

  private get writing(): boolean {
    return !this.options.dryRun && !this.halted;
  }

  /** Stops writing (problems were found elsewhere): the rest is only validated and counted. */
  halt(): void {
    this.halted = true;
  }

  async begin(): Promise<void> {
    for (const campaign of await this.store.campaigns.list(this.tenantId)) this.remember(campaign);
    const range = await this.store.metrics.dataRange(this.tenantId);
    if (range) {
      this.dataRange = {
        from: dayToEpoch(range.from),
        to: dayToEpoch(range.to),
      };
    }
    const raw = this.raw();
    if (raw) {
      const cols = METRIC_FIELDS.join(", ");
      const mapped = this.mappedFields;
      this.statements = {
        existing: raw.prepare(
          `select campaign_id, day, ${cols} from campaign_daily_metrics where tenant_id = ? and campaign_id in (select value from json_each(?)) and day >= ? and day <= ?`,
        ),
        insert: raw.prepare(
          `insert into campaign_daily_metrics (tenant_id, campaign_id, day, ${cols}) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        ),
        ...(mapped.length
          ? {
              update: raw.prepare(
                `update campaign_daily_metrics set ${mapped.map((m) => `${m} = ?`).join(", ")} where tenant_id = ? and campaign_id = ? and day = ?`,
              ),
            }
          : {}),
      };
    }
  }

  async write(batch: CampaignBatch): Promise<void> {
    await this.resolveCampaigns(batch.campaigns, batch.daily);
    await this.writeDaily(batch.daily);
    if (batch.audience) await this.writeAudience(batch.audience);
  }

  async finish(): Promise<CampaignWriteResult> {
    if (this.writing) {
      await this.refreshWeeks();
      await this.extendStartDates();
    }
    const result: CampaignWriteResult = {
      ...this.counts,
      campaignsCreated: this.created,
      campaignsUpdated: this.metadataUpdated,
      audienceRows: this.audienceRows,
    };
    if (this.first <= this.last)
      result.period = { from: epochToDay(this.first), to: epochToDay(this.last) };
    return result;
  }

  // ---- campaigns ------------------------------------------------------------------------------

  private remember(campaign: Campaign): void {
    this.byId.set(campaign.id, campaign);
    const key = campaign.name.trim().toLowerCase();
    const list = this.byName.get(key) ?? [];
    list.push(campaign);
    this.byName.set(key, list);
  }

  private async resolveCampaigns(refs: readonly CampaignRef[], daily: DailyBlock): Promise<void> {
    if (refs.length === 0) return;
    // New campaigns start on their first day in this batch (moved earlier at the end if needed).
    const firstDay = new Map<number, number>();
    for (let i = 0; i < daily.size; i++) {
      const c = daily.campaign[i] as number;
      const d = daily.day[i] as number;
      const seen = firstDay.get(c);
      if (seen === undefined || d < seen) firstDay.set(c, d);
    }
    const toCreate: NewCampaign[] = [];
    for (const ref of refs) {
      const id = this.resolve(ref, firstDay.get(ref.index), toCreate);
      if (!id) continue;
      let state = this.states.get(id);
      if (state) {
        // Two spellings in the file (with and without a platform) name one campaign: its days
        // must now be checked for repeats across both.
        state.days ??= new Set();
      } else {
        state = {
          id,
          name: ref.name,
          line: ref.line,
          minDay: Number.POSITIVE_INFINITY,
          weeks: new Map(),
          updatedWeeks: new Set(),
        };
        this.states.set(id, state);
      }
      this.stateOf[ref.index] = state;
    }
    const changes = this.metadataChanges.splice(0);
    if (!this.writing) return;
    if (toCreate.length) await this.store.campaigns.upsertMany(toCreate);
    for (const [id, change] of changes) {
      await this.store.db
        .updateTable("campaigns")
        .set({ ...change, updated_at: this.options.now.toISOString() })
        .where("tenant_id", "=", this.tenantId)
        .where("id", "=", id)
        .execute();
    }
  }

  private resolve(
    ref: CampaignRef,
    firstDay: number | undefined,
    toCreate: NewCampaign[],
  ): string | null {
    let existing: Campaign | undefined;
    if (ref.id !== undefined) {
      existing = this.byId.get(ref.id);
    } else {
      let candidates = this.byName.get(ref.name.trim().toLowerCase()) ?? [];
      if (ref.platformFromRow) candidates = candidates.filter((c) => c.platform === ref.platform);
      if (candidates.length > 1 && ref.platform) {
        const same = candidates.filter((c) => c.platform === ref.platform);
        if (same.length) candidates = same;
      }
      if (candidates.length > 1) {
        this.issue(
          ref.line,
          `several campaigns are named "${ref.name}" (ids ${candidates.map((c) => c.id).join(", ")}): add a "Campaign ID" column to say which`,
        );
        return null;
      }
      existing = candidates[0];
    }
    if (existing) {
      this.updateMetadata(existing, ref);
      return existing.id;
    }
    if (!ref.platform) {
      this.issue(
        ref.line,
        `campaign "${ref.name}" is new and its platform is unknown: add a "Platform" column or pass --platform (${PLATFORMS.join(", ")})`,
      );
      return null;
    }
    const stamp = this.options.now.toISOString();
    const campaign: Campaign = {
      tenant_id: this.tenantId,
      id: ref.id ?? this.newId(ref.name, ref.platform),
      name: ref.name,
      platform: ref.platform,
      // Imported rows without an objective are most often performance campaigns (see README).
      type: ref.type ?? "conversion",
      start_date: epochToDay(firstDay ?? Math.floor(this.options.now.getTime() / 86_400_000)),
      end_date: null,
      budget: 0,
      target_conversions: null,
      status: ref.status ?? "active",
      created_at: stamp,
      updated_at: stamp,
    };
    this.remember(campaign);
    this.createdIds.add(campaign.id);
    this.created += 1;
    toCreate.push(campaign);
    return campaign.id;
  }

  /** `google-spring-sale`, made unique within the tenant. */
  private newId(name: string, platform: string): string {
    const slug =
      name
        .normalize("NFKD")
        .replace(/[\u0300-\u036f]/g, "")
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, "-")
        .replace(/^-+|-+$/g, "")
        .slice(0, 60) || "campaign";
    const base = `${platform}-${slug}`;
    let id = base;
    for (let n = 2; this.byId.has(id); n++) id = `${base}-${n}`;
    return id;
  }

  private updateMetadata(existing: Campaign, ref: CampaignRef): void {
    const changes: Partial<Campaign> = {};
    if (ref.id !== undefined && ref.name !== ref.id && ref.name !== existing.name)
      changes.name = ref.name;
    if (ref.platformFromRow && ref.platform && ref.platform !== existing.platform)
      changes.platform = ref.platform;
    if (ref.type && ref.type !== existing.type) changes.type = ref.type;
    if (ref.status && ref.status !== existing.status) changes.status = ref.status;
    if (Object.keys(changes).length === 0 || this.createdIds.has(existing.id)) return;
    this.metadataUpdated += 1;
    Object.assign(existing, changes);
    this.metadataChanges.push([existing.id, changes]);
  }

  private issue(line: number, message: string): void {
    this.issues.add({ line, message });
    this.halted = true;
  }

  // ---- daily rows -----------------------------------------------------------------------------

  private day(epoch: number): string {
    let text = this.dayText[epoch];
    if (text === undefined) {
      text = epochToDay(epoch);
      this.dayText[epoch] = text;
    }
    return text;
  }

  private async writeDaily(block: DailyBlock): Promise<void> {
    const n = block.size;
    if (n === 0) return;
    // Existing rows are read back only where the tenant already has data (a first import of a
    // million rows reads nothing), for the batch's campaigns and days.
    let existing: Map<string, Map<string, number[]>> | undefined;
    if (this.dataRange) {
      let minEpoch = Number.POSITIVE_INFINITY;
      let maxEpoch = Number.NEGATIVE_INFINITY;
      const ids = new Set<string>();
      for (let i = 0; i < n; i++) {
        const state = this.stateOf[block.campaign[i] as number];
        if (!state) continue;
        ids.add(state.id);
        const e = block.day[i] as number;
        if (e < minEpoch) minEpoch = e;
        if (e > maxEpoch) maxEpoch = e;
      }
      if (ids.size > 0 && minEpoch <= this.dataRange.to && maxEpoch >= this.dataRange.from) {
        existing = await this.readExisting([...ids], this.day(minEpoch), this.day(maxEpoch));
      }
    }

    const writing = this.writing;
    const fast = writing ? this.statements : undefined;
    const inserts: unknown[][] = [];
    const updates: unknown[][] = [];
    const mapped = this.options.mappedMetrics;
    const m = block.metrics;
    const tenant = this.tenantId;
    for (let i = 0; i < n; i++) {
      const state = this.stateOf[block.campaign[i] as number];
      if (!state) continue;
      const epoch = block.day[i] as number;
      const base = i * METRICS;
      if (state.days) {
        if (state.days.has(epoch)) {
          this.issue(
            block.line[i] as number,
            `campaign "${state.name}" already has a row for ${this.day(epoch)} in this file`,
          );
          continue;
        }
        state.days.add(epoch);
      }
      if (epoch < state.minDay) state.minDay = epoch;
      if (epoch < this.first) this.first = epoch;
      if (epoch > this.last) this.last = epoch;
      const day = this.day(epoch);
      const old = existing?.get(state.id)?.get(day);
      if (old) {
        let same = true;
        for (let k = 0; k < METRICS; k++) {
          if (mapped[k] && old[k] !== m[base + k]) {
            same = false;
            break;
          }
        }
        if (same) {
          this.counts.unchanged += 1;
          continue;
        }
        this.counts.updated += 1;
        state.updatedWeeks.add(weekOf(epoch));
        if (writing) {
          const values: unknown[] = [];
          for (let k = 0; k < METRICS; k++) if (mapped[k]) values.push(m[base + k]);
          values.push(tenant, state.id, day);
          if (fast?.update) fast.update.run(values);
          else updates.push(values);
        }
        continue;
      }
      this.counts.inserted += 1;
      this.addToWeek(state, epoch, m, base);
      if (fast) {
        fast.insert.run(
          tenant,
          state.id,
          day,
          m[base],
          m[base + 1],
          m[base + 2],
          m[base + 3],
          m[base + 4],
          m[base + 5],
          m[base + 6],
        );
      } else if (writing) {
        inserts.push([
          tenant,
          state.id,
          day,
          m[base],
          m[base + 1],
          m[base + 2],
          m[base + 3],
          m[base + 4],
          m[base + 5],
          m[base + 6],
        ]);
      }
    }
    if (!writing || fast) return;
    await this.insertKysely(inserts);
    await this.updateKysely(updates);
  }

  private async readExisting(
    ids: string[],
    from: string,
    to: string,
  ): Promise<Map<string, Map<string, number[]>>> {
    const out = new Map<string, Map<string, number[]>>();
    const add = (row: Record<string, unknown>) => {
      const id = String(row.campaign_id);
      let days = out.get(id);
      if (!days) {
        days = new Map();
        out.set(id, days);
      }
      days.set(
        String(row.day),
        METRIC_FIELDS.map((f) => Number(row[f])),
      );
    };
    if (this.statements) {
      for (const row of this.statements.existing.all(
        this.tenantId,
        JSON.stringify(ids),
        from,
        to,
      )) {
        add(row as Record<string, unknown>);
      }
      return out;
    }
    for (let i = 0; i < ids.length; i += PG_CHUNK * 5) {
      const rows = await this.store.db
        .selectFrom("campaign_daily_metrics")
        .select(["campaign_id", "day", ...METRIC_FIELDS])
        .where("tenant_id", "=", this.tenantId)
        .where("campaign_id", "in", ids.slice(i, i + PG_CHUNK * 5))
        .where("day", ">=", from)
        .where("day", "<=", to)
        .execute();
      for (const row of rows) add(row);
    }
    return out;
  }

  private async insertKysely(rows: unknown[][]): Promise<void> {
    for (let i = 0; i < rows.length; i += PG_CHUNK) {
      await this.store.db
        .insertInto("campaign_daily_metrics")
        .values(
          rows
            .slice(i, i + PG_CHUNK)
            .map((r) => ({ ...rowKeys(r), day: r[2] as string, ...metrics(r) })),
        )
        .execute();
    }
  }

  private async updateKysely(rows: unknown[][]): Promise<void> {
    const mapped = this.mappedFields;
    for (const row of rows) {
      const set: Record<string, number> = {};
      mapped.forEach((field, k) => {
        set[field] = row[k] as number;
      });
      await this.store.db
        .updateTable("campaign_daily_metrics")
        .set(set)
        .where("tenant_id", "=", row[mapped.length] as string)
        .where("campaign_id", "=", row[mapped.length + 1] as string)
        .where("day", "=", row[mapped.length + 2] as string)
        .execute();
    }
  }

  // ---- audience rows --------------------------------------------------------------------------

  private async writeAudience(block: AudienceBlock): Promise<void> {
    const rows: AudienceRow[] = [];
    for (let i = 0; i < block.size; i++) {
      const id = this.stateOf[block.campaign[i] as number]?.id;
      if (!id) continue;
      const segment = block.segment[i] as number;
      const base = i * AUDIENCE_METRICS;
      rows.push({
        tenant_id: this.tenantId,
        campaign_id: id,
        day: this.day(block.day[i] as number),
        gender: GENDERS[Math.floor(segment / AGE_GROUPS.length)] as AudienceRow["gender"],
        age_group: AGE_GROUPS[segment % AGE_GROUPS.length] as AudienceRow["age_group"],
        impressions: block.metrics[base] as number,
        clicks: block.metrics[base + 1] as number,
        spend: block.metrics[base + 2] as number,
        conversions: block.metrics[base + 3] as number,
      });
    }
    this.audienceRows += rows.length;
    if (this.writing) await this.store.metrics.upsertAudience(rows);
  }

  // ---- weekly rollup --------------------------------------------------------------------------

  private addToWeek(state: CampaignState, epoch: number, m: Float64Array, base: number): void {
    const week = weekOf(epoch);
    let slot = state.weeks.get(week);
    if (slot === undefined) {
      slot = this.weekCount++;
      state.weeks.set(week, slot);
      if (this.weekSums.length < this.weekCount * METRICS) {
        const next = new Float64Array(this.weekSums.length * 2);
        next.set(this.weekSums);
        this.weekSums = next;
      }
    }
    const s = this.weekSums;
    const at = slot * METRICS;
    for (let k = 0; k < METRICS; k++) s[at + k] = (s[at + k] as number) + (m[base + k] as number);
  }

  /**
   * Weeks with rows written: those that had no data before take the sums computed while
   * writing (every row in them is new); the others are recomputed from the daily rows.
   */
  private async refreshWeeks(): Promise<void> {
    let minWeek = Number.POSITIVE_INFINITY;
    let maxWeek = Number.NEGATIVE_INFINITY;
    for (const state of this.states.values()) {
      for (const w of [...state.weeks.keys(), ...state.updatedWeeks]) {
        if (w < minWeek) minWeek = w;
        if (w > maxWeek) maxWeek = w;
      }
    }
    if (minWeek > maxWeek) return;
    const existing = new Set<string>();
    const rows = await this.store.db
      .selectFrom("campaign_weekly_metrics")
      .select(["campaign_id", "week_start"])
      .where("tenant_id", "=", this.tenantId)
      .where("week_start", ">=", epochToDay(minWeek))
      .where("week_start", "<=", epochToDay(maxWeek))
      .execute();
    for (const row of rows) existing.add(`${row.campaign_id}\u0000${row.week_start}`);

    const fresh: unknown[][] = [];
    const recompute = new Map<number, string[]>();
    for (const { id, weeks: inserted, updatedWeeks } of this.states.values()) {
      for (const week of new Set([...inserted.keys(), ...updatedWeeks])) {
        // Cached: a million-row import has some 150,000 campaign-weeks.
        const start = this.day(week);
        const slot = inserted.get(week);
        const had = existing.size > 0 && existing.has(`${id}\u0000${start}`);
        if (!had && slot !== undefined && !updatedWeeks.has(week)) {
          const s = this.weekSums;
          const b = slot * METRICS;
          fresh.push([
            this.tenantId,
            id,
            start,
            s[b],
            s[b + 1],
            s[b + 2],
            s[b + 3],
            s[b + 4],
            s[b + 5],
            s[b + 6],
          ]);
        } else {
          const list = recompute.get(week) ?? [];
          list.push(id);
          recompute.set(week, list);
        }
      }
    }
    await this.insertWeeks(fresh);
    for (const [week, ids] of recompute) {
      for (let i = 0; i < ids.length; i += ID_CHUNK)
        await this.store.metrics.refreshWeek(
          this.tenantId,
          epochToDay(week),
          ids.slice(i, i + ID_CHUNK),
        );
    }
  }

  private async insertWeeks(rows: unknown[][]): Promise<void> {
    const raw = this.raw();
    if (raw) {
      const insert = raw.prepare(
        `insert into campaign_weekly_metrics (tenant_id, campaign_id, week_start, ${METRIC_FIELDS.join(", ")}) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      );
      for (const row of rows) insert.run(row);
      return;
    }
    for (let i = 0; i < rows.length; i += PG_CHUNK) {
      await this.store.db
        .insertInto("campaign_weekly_metrics")
        .values(
          rows.slice(i, i + PG_CHUNK).map((r) => ({
            ...rowKeys(r),
            week_start: r[2] as string,
            ...metrics(r),
          })),
        )
        .execute();
    }
  }

  /** Campaigns whose data starts before their recorded start date start earlier. */
  private async extendStartDates(): Promise<void> {
    for (const { id, minDay } of this.states.values()) {
      if (!Number.isFinite(minDay)) continue;
      const campaign = this.byId.get(id);
      const day = epochToDay(minDay);
      if (!campaign || campaign.start_date <= day) continue;
      await this.store.db
        .updateTable("campaigns")
        .set({ start_date: day })
        .where("tenant_id", "=", this.tenantId)
        .where("id", "=", id)
        .execute();
    }
  }

  /** The raw SQLite connection, when this store is SQLite and inside a transaction. */
  private raw() {
    const sqlite = this.store.handle.sqlite;
    return this.store.handle.dialect === "sqlite" && sqlite?.inTransaction ? sqlite : undefined;
  }
}

/*
 * Rows travel as positional arrays — [tenant, campaign, day or week start, ...METRIC_FIELDS] —
 * because the SQLite path binds them straight to prepared statements; the Kysely path names them.
 */
function rowKeys(row: readonly unknown[]): { tenant_id: string; campaign_id: string } {
  return { tenant_id: row[0] as string, campaign_id: row[1] as string };
}

type MetricField = (typeof METRIC_FIELDS)[number];

function metrics(row: readonly unknown[]): Record<MetricField, number> {
  const out = {} as Record<MetricField, number>;
  METRIC_FIELDS.forEach((field, i) => {
    out[field] = row[3 + i] as number;
  });
  return out;
}
