import { dayToEpoch, epochToDay } from "../../core/days";
import { distributeInteger } from "../../core/distribute";
import {
  AGE_GROUPS,
  CAMPAIGN_STATUSES,
  CAMPAIGN_TYPES,
  type CampaignStatus,
  type CampaignType,
  GENDERS,
  PLATFORMS,
  type Platform,
} from "../../store/schema";
import type { CellReader } from "../cell-reader";
import type { ColumnMapping } from "../mapping";
import {
  type ConverterReport,
  GrowableFloats,
  GrowableInts,
  isBlankRecord,
  mayBeTotal,
  type RowConverter,
  TOTAL_ROW,
} from "../row-converter";
import {
  expected,
  readAgeGroup,
  readAudienceGender,
  readCampaignType,
  readPlatform,
  readStatus,
} from "../values";
import { METRIC_FIELDS } from "./campaigns-spec";

const ROUND = { round: true } as const;

/** Rows per batch handed to the store (and posted from the parse worker). */
export const CAMPAIGN_BATCH_ROWS = 8192;
/** Longest reporting period spread over days. */
export const MAX_PERIOD_DAYS = 366;

const METRICS = METRIC_FIELDS.length;
/** Audience figures, in this order: impressions, clicks, spend, conversions. */
export const AUDIENCE_METRICS = 4;

/** A campaign as the file names it; the store resolves it to a stored campaign. */
export interface CampaignRef {
  /** Index used by the rows of batches. */
  index: number;
  /** The platform's campaign id, when the file has one. */
  id?: string;
  name: string;
  /** From a platform column, `--platform` or the recognised export. */
  platform?: Platform;
  /** True when the platform came from the row itself (a platform column). */
  platformFromRow: boolean;
  type?: CampaignType;
  status?: CampaignStatus;
  /** First line naming it. */
  line: number;
}

/** Rows per (campaign, day). Columnar so a batch moves between threads without copying. */
export interface DailyBlock {
  size: number;
  campaign: Int32Array;
  /** Days since 1970-01-01. */
  day: Int32Array;
  line: Int32Array;
  /** `size × 7` figures in METRIC_FIELDS order. */
  metrics: Float64Array;
}

/** Rows per (campaign, day, gender, age group). */
export interface AudienceBlock {
  size: number;
  campaign: Int32Array;
  day: Int32Array;
  /** gender index × AGE_GROUPS.length + age index (GENDERS, AGE_GROUPS order). */
  segment: Int32Array;
  /** `size × 4`: impressions, clicks, spend, conversions. */
  metrics: Float64Array;
}

export interface CampaignBatch {
  kind: "campaigns";
  /** Campaigns first named in this batch. */
  campaigns: CampaignRef[];
  daily: DailyBlock;
  audience?: AudienceBlock;
}

export interface CampaignRowOptions {
  /** `--platform`. */
  platform?: Platform;
  /** The platform of the recognised export (Google Ads → google). */
  exportPlatform?: Platform;
  /** `--date`: the day of every row when the file has no date column. */
  date?: string;
}

/** The buffers of a batch, to transfer rather than copy between threads. */
export function campaignBatchTransferables(batch: CampaignBatch): ArrayBuffer[] {
  const d = batch.daily;
  const out = [d.campaign.buffer, d.day.buffer, d.line.buffer, d.metrics.buffer];
  const a = batch.audience;
  if (a) out.push(a.campaign.buffer, a.day.buffer, a.segment.buffer, a.metrics.buffer);
  return out as ArrayBuffer[];
}

class Rows {
  campaign = new GrowableInts();
  day = new GrowableInts();
  line = new GrowableInts();
  metrics = new GrowableFloats(1024 * METRICS);
  get length() {
    return this.campaign.length;
  }
  block(from: number, to: number): DailyBlock {
    return {
      size: to - from,
      campaign: this.campaign.slice(from, to),
      day: this.day.slice(from, to),
      line: this.line.slice(from, to),
      metrics: this.metrics.slice(from * METRICS, to * METRICS),
    };
  }
  reset() {
    this.campaign.length = 0;
    this.day.length = 0;
    this.line.length = 0;
    this.metrics.length = 0;
  }
}

class AudienceRows {
  campaign = new GrowableInts();
  day = new GrowableInts();
  segment = new GrowableInts();
  metrics = new GrowableFloats(1024 * AUDIENCE_METRICS);
  get length() {
    return this.campaign.length;
  }
  block(from: number, to: number): AudienceBlock {
    return {
      size: to - from,
      campaign: this.campaign.slice(from, to),
      day: this.day.slice(from, to),
      segment: this.segment.slice(from, to),
      metrics: this.metrics.slice(from * AUDIENCE_METRICS, to * AUDIENCE_METRICS),
    };
  }
}

const REPORTING_KEYS = ["period_start", "period_end"] as const;

/**
 * Campaign metrics rows → batches of (campaign, day) figures, plus audience rows when the file
 * breaks delivery down by age and gender.
 *
 * - Files with a breakdown (age, gender, ad set, ad group, device, …) have several rows per
 *   campaign and day: they are added up, and the whole file is held until the end.
 * - Other files stream; a second row for the same campaign and day is an error naming both
 *   lines (an export pasted twice would otherwise double the figures).
 * - A reporting period longer than a day (Meta's "Reporting starts"/"Reporting ends") is spread
 *   evenly over its days: whole counts with the largest-remainder method, money to the cent, so
 *   the period's totals are exact.
 */
export class CampaignRowBuilder implements RowConverter<CampaignBatch> {
  private readonly refs: CampaignRef[] = [];
  /** Refs by campaign id (files with an id column) and by name + platform (the others). */
  private readonly byId = new Map<string, number>();
  private readonly byName = new Map<string, number>();
  private refsSent = 0;
  private readonly rows = new Rows();
  private readonly audience = new AudienceRows();
  /** Streaming: per campaign, day epoch → line that wrote it. */
  private readonly seen: (DayLines | undefined)[] = [];
  /** Aggregating: per campaign, day epoch → row slot; audience key → slot. */
  private readonly dailySlots: (Map<number, number> | undefined)[] = [];
  private readonly audienceSlots: (Map<number, number> | undefined)[] = [];
  private readonly aggregate: boolean;
  private readonly hasAudience: boolean;
  private emittedDaily = 0;
  private emittedAudience = 0;
  private readonly mapped: boolean[];
  private readonly epochs = new Map<string, number>();
  private readonly stats = {
    rows: 0,
    total: 0,
    empty: 0,
    merged: 0,
    rounded: 0,
    unknownAge: 0,
    spread: 0,
  };
  private readonly campaignField: string;
  private readonly values = new Float64Array(METRICS);

  constructor(
    private readonly r: CellReader,
    mapping: ColumnMapping,
    private readonly options: CampaignRowOptions,
  ) {
    this.hasAudience = r.has("age") && r.has("gender");
    this.aggregate = r.has("age") || r.has("gender") || mapping.fields.has("breakdown");
    this.mapped = METRIC_FIELDS.map((m) => r.has(m));
    this.campaignField = r.has("campaign_id") ? "campaign_id" : "campaign_name";
  }

  /** Which of METRIC_FIELDS the file has (the others keep their stored values). */
  get mappedMetrics(): readonly boolean[] {
    return this.mapped;
  }

  get aggregating(): boolean {
    return this.aggregate;
  }

  add(cells: readonly string[], line: number): void {
    const r = this.r;
    r.start(cells, line);
    if (isBlankRecord(cells)) {
      this.stats.empty += 1;
      return;
    }
    if (this.isTotalRow(cells)) {
      this.stats.total += 1;
      return;
    }
    this.stats.rows += 1;

    const id = r.text("campaign_id");
    const name = r.text("campaign_name");
    if (id === undefined && name === undefined) r.report(this.campaignField, "campaign is empty");
    const rowPlatform = r.choice("platform", "platform", readPlatform, expected(PLATFORMS));
    const type = r.choice(
      "campaign_type",
      "campaign type",
      readCampaignType,
      expected(CAMPAIGN_TYPES),
    );
    const status = r.choice("status", "status", readStatus, expected(CAMPAIGN_STATUSES));

    const days = this.readDays();
    const values = this.readMetrics();

    let segment = -1;
    let audienceSkipped = false;
    if (this.hasAudience) {
      const gender = r.choice("gender", "gender", readAudienceGender, expected(GENDERS));
      const age = r.text("age");
      let ageIndex = -1;
      if (age === undefined) {
        r.report("age", "age group is empty");
      } else {
        const group = readAgeGroup(age);
        if (group === undefined) {
          r.report("age", `unknown age group; ${expected([...AGE_GROUPS, "unknown"])}`, age);
        } else if (group === null) {
          audienceSkipped = true;
        } else {
          ageIndex = AGE_GROUPS.indexOf(group);
        }
      }
      if (gender && ageIndex >= 0) segment = GENDERS.indexOf(gender) * AGE_GROUPS.length + ageIndex;
    }
    if (r.rowIssues > 0 || !days || !values) return;
    if (audienceSkipped) this.stats.unknownAge += 1;

    const campaign = this.campaignIndex(
      id,
      name as string,
      rowPlatform ?? undefined,
      type ?? undefined,
      status ?? undefined,
      line,
    );
    if (days.length > 1) this.stats.spread += 1;
    const perDay = days.length > 1 ? spread(values, days.length, this.mapped) : [values];

    if (this.aggregate) {
      days.forEach((epoch, i) => {
        const v = perDay[i] as Float64Array;
        this.addAggregated(campaign, epoch, line, v);
        if (segment >= 0) this.addAudience(campaign, epoch, segment, v);
      });
      return;
    }
    let seen = this.seen[campaign];
    if (!seen) {
      seen = new DayLines();
      this.seen[campaign] = seen;
    }
    for (const epoch of days) {
      const first = seen.get(epoch);
      if (first !== undefined) {
        r.report(
          this.campaignField,
          `campaign "${name ?? id}" already has a row for ${epochToDay(epoch)} on line ${first}: remove the repeat, or add the column that tells them apart (ad set, age, gender)`,
        );
        return;
      }
    }
    days.forEach((epoch, i) => {
      (seen as DayLines).set(epoch, line);
      this.pushRow(campaign, epoch, line, perDay[i] as Float64Array);
    });
  }

  take(final: boolean): CampaignBatch | undefined {
    if (this.aggregate) {
      return final ? this.takeAggregated() : undefined;
    }
    const pending = this.rows.length;
    if (pending === 0 && !(final && this.refsSent < this.refs.length)) return undefined;
    if (!final && pending < CAMPAIGN_BATCH_ROWS) return undefined;
    const batch: CampaignBatch = {
      kind: "campaigns",
      campaigns: this.newRefs(),
      daily: this.rows.block(0, pending),
    };
    this.rows.reset();
    return batch;
  }

  report(): ConverterReport {
    const notes: string[] = [];
    const s = this.stats;
    if (s.rounded)
      notes.push(`conversions were rounded to whole numbers in ${plural(s.rounded, "row")}`);
    if (s.spread) {
      notes.push(
        `${plural(s.spread, "row")} covered a reporting period of several days: the figures were spread evenly over its days`,
      );
    }
    if (s.unknownAge) {
      notes.push(
        `${plural(s.unknownAge, "row")} with an undetermined age group count toward campaign totals only (not the audience breakdown)`,
      );
    }
    if (this.r.has("age") !== this.r.has("gender")) {
      notes.push(
        "audience rows need both an age and a gender column: only campaign totals were imported",
      );
    }
    return { rows: s.rows, skipped: { total: s.total, empty: s.empty }, merged: s.merged, notes };
  }

  private isTotalRow(cells: readonly string[]): boolean {
    const campaign = this.r.text(this.campaignField);
    if (campaign !== undefined && mayBeTotal(campaign) && TOTAL_ROW.test(campaign)) return true;
    if (campaign !== undefined && campaign !== "--") return false;
    for (let i = 0; i < Math.min(3, cells.length); i++) {
      const cell = (cells[i] as string).trim();
      if (mayBeTotal(cell) && TOTAL_ROW.test(cell)) return true;
    }
    return false;
  }

  private epoch(day: string): number {
    let e = this.epochs.get(day);
    if (e === undefined) {
      e = dayToEpoch(day);
      this.epochs.set(day, e);
    }
    return e;
  }

  /** The row's day(s) as epochs; undefined when a date is bad (reported). */
  private readDays(): number[] | undefined {
    const r = this.r;
    if (r.has("day")) {
      const day = r.day("day", "date");
      if (day === undefined) r.report("day", "date is empty");
      return day ? [this.epoch(day)] : undefined;
    }
    if (r.has(REPORTING_KEYS[0]) && r.has(REPORTING_KEYS[1])) {
      const start = r.day("period_start", "reporting start");
      const end = r.day("period_end", "reporting end");
      if (start === undefined) r.report("period_start", "reporting start is empty");
      if (end === undefined) r.report("period_end", "reporting end is empty");
      if (!start || !end) return undefined;
      const from = this.epoch(start);
      const to = this.epoch(end);
      if (to < from) {
        r.report("period_end", `reporting end is before its start (${start})`, end);
        return undefined;
      }
      if (to - from + 1 > MAX_PERIOD_DAYS) {
        r.report(
          "period_end",
          `reporting period is longer than ${MAX_PERIOD_DAYS} days: export by day or by month`,
          end,
        );
        return undefined;
      }
      const out: number[] = [];
      for (let e = from; e <= to; e++) out.push(e);
      return out;
    }
    return this.options.date ? [this.epoch(this.options.date)] : undefined;
  }

  /** The row's figures (0 where unmapped or empty); undefined when one is bad (reported). */
  private readMetrics(): Float64Array | undefined {
    const r = this.r;
    // One buffer for every row: a million rows would otherwise allocate a million arrays.
    const v = this.values.fill(0);
    const mapped = this.mapped;
    let bad = false;
    let value: number | null | undefined;
    if (mapped[0]) {
      value = r.nonNegative("spend", "spend");
      if (value === null) bad = true;
      else v[0] = value ?? 0;
    }
    for (let i = 1; i <= 4; i++) {
      if (!mapped[i]) continue;
      const field = METRIC_FIELDS[i] as string;
      value = r.count(field, field);
      if (value === null) bad = true;
      else v[i] = value ?? 0;
    }
    if (mapped[5]) {
      value = r.count("conversions", "conversions", ROUND);
      if (value === null) bad = true;
      else v[5] = value ?? 0;
      if (r.rounded) this.stats.rounded += 1;
    }
    if (mapped[6]) {
      value = r.nonNegative("revenue", "revenue");
      if (value === null) bad = true;
      else v[6] = value ?? 0;
    }
    if (!bad && this.mapped[1] && this.mapped[3] && (v[3] as number) > (v[1] as number)) {
      r.report("clicks", `clicks (${v[3]}) exceed impressions (${v[1]})`);
      bad = true;
    }
    return bad ? undefined : v;
  }

  private campaignIndex(
    id: string | undefined,
    name: string,
    rowPlatform: Platform | undefined,
    type: CampaignType | undefined,
    status: CampaignStatus | undefined,
    line: number,
  ): number {
    // By id, the cell itself is the key: no string is built for each of a million rows.
    const keys = id !== undefined ? this.byId : this.byName;
    const key = id ?? `${name.toLowerCase()}\u0000${rowPlatform ?? ""}`;
    let index = keys.get(key);
    if (index === undefined) {
      index = this.refs.length;
      keys.set(key, index);
      const platform = rowPlatform ?? this.options.platform ?? this.options.exportPlatform;
      const ref: CampaignRef = {
        index,
        name: name ?? id,
        platformFromRow: rowPlatform !== undefined,
        line,
      };
      if (id !== undefined) ref.id = id;
      if (name === undefined) ref.name = id as string;
      if (platform) ref.platform = platform;
      if (type) ref.type = type;
      if (status) ref.status = status;
      this.refs.push(ref);
    }
    return index;
  }

  private newRefs(): CampaignRef[] {
    const out = this.refs.slice(this.refsSent);
    this.refsSent = this.refs.length;
    return out;
  }

  private pushRow(campaign: number, epoch: number, line: number, v: Float64Array) {
    const rows = this.rows;
    rows.campaign.push(campaign);
    rows.day.push(epoch);
    rows.line.push(line);
    for (let i = 0; i < METRICS; i++) rows.metrics.push(v[i] as number);
  }

  private addAggregated(campaign: number, epoch: number, line: number, v: Float64Array) {
    let slots = this.dailySlots[campaign];
    if (!slots) {
      slots = new Map();
      this.dailySlots[campaign] = slots;
    }
    const slot = slots.get(epoch);
    if (slot === undefined) {
      slots.set(epoch, this.rows.length);
      this.pushRow(campaign, epoch, line, v);
      return;
    }
    this.stats.merged += 1;
    const m = this.rows.metrics.data;
    for (let i = 0; i < METRICS; i++)
      m[slot * METRICS + i] = (m[slot * METRICS + i] as number) + (v[i] as number);
  }

  private addAudience(campaign: number, epoch: number, segment: number, v: Float64Array) {
    let slots = this.audienceSlots[campaign];
    if (!slots) {
      slots = new Map();
      this.audienceSlots[campaign] = slots;
    }
    const key = epoch * 64 + segment;
    const figures = [v[1] as number, v[3] as number, v[0] as number, v[5] as number];
    const slot = slots.get(key);
    const a = this.audience;
    if (slot === undefined) {
      slots.set(key, a.length);
      a.campaign.push(campaign);
      a.day.push(epoch);
      a.segment.push(segment);
      for (const f of figures) a.metrics.push(f);
      return;
    }
    const m = a.metrics.data;
    figures.forEach((f, i) => {
      m[slot * AUDIENCE_METRICS + i] = (m[slot * AUDIENCE_METRICS + i] as number) + f;
    });
  }

  private takeAggregated(): CampaignBatch | undefined {
    const dailyLeft = this.rows.length - this.emittedDaily;
    const audienceLeft = this.audience.length - this.emittedAudience;
    if (dailyLeft <= 0 && audienceLeft <= 0 && this.refsSent === this.refs.length) return undefined;
    const dailyTo = this.emittedDaily + Math.min(dailyLeft, CAMPAIGN_BATCH_ROWS);
    const daily = this.rows.block(this.emittedDaily, dailyTo);
    this.emittedDaily = dailyTo;
    const batch: CampaignBatch = { kind: "campaigns", campaigns: this.newRefs(), daily };
    // Audience rows go after every daily row, so their campaigns are resolved already.
    if (dailyLeft <= CAMPAIGN_BATCH_ROWS && audienceLeft > 0 && this.hasAudience) {
      const to = this.emittedAudience + Math.min(audienceLeft, CAMPAIGN_BATCH_ROWS);
      batch.audience = this.audience.block(this.emittedAudience, to);
      this.emittedAudience = to;
    }
    return batch;
  }
}

/**
 * Which line wrote each day of one campaign: a typed array over the campaign's span of days
 * (4 bytes a day) rather than a Map entry per row, so a million rows cost a few MB.
 */
class DayLines {
  private base = 0;
  private lines = new Int32Array(0);

  get(epoch: number): number | undefined {
    const line = this.lines[epoch - this.base];
    return line ? line : undefined;
  }

  set(epoch: number, line: number): void {
    if (this.lines.length === 0) {
      this.base = epoch;
      this.lines = new Int32Array(64);
    }
    if (epoch < this.base || epoch >= this.base + this.lines.length) {
      const from = Math.min(this.base, epoch);
      const to = Math.max(this.base + this.lines.length, epoch + 1);
      const grown = new Int32Array(Math.max(to - from, this.lines.length * 2));
      // The new room goes on the side that grew: files listing the newest day first walk
      // backwards, and would otherwise double the array for every earlier day.
      const base = epoch < this.base ? to - grown.length : from;
      grown.set(this.lines, this.base - base);
      this.base = base;
      this.lines = grown;
    }
    this.lines[epoch - this.base] = line;
  }
}

function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? "" : "s"}`;
}

/**
 * A period's figures spread evenly over `days`: counts whole (largest remainder), money to the
 * cent; the parts add up to the period's figures exactly.
 */
function spread(values: Float64Array, days: number, mapped: readonly boolean[]): Float64Array[] {
  const out = Array.from({ length: days }, () => new Float64Array(METRICS));
  const ones = new Array<number>(days).fill(1);
  METRIC_FIELDS.forEach((field, m) => {
    if (!mapped[m]) return;
    const value = values[m] as number;
    const money = field === "spend" || field === "revenue";
    const whole = money ? Math.round(value * 100) : value;
    const parts = distributeInteger(whole, ones);
    parts.forEach((p, d) => {
      (out[d] as Float64Array)[m] = money ? p / 100 : p;
    });
  });
  return out;
}
