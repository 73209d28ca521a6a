import { parsePath } from "./path-text";

/** Sums over every folded path. `journeys` = conversions + nulls (each is one ending). */
export interface PathTotals {
  conversions: number;
  value: number;
  nulls: number;
  journeys: number;
}

/**
 * Distinct paths with their summed outcomes, in flat typed arrays: every model walks these once,
 * so its cost depends on the number of distinct paths (and their touches), not on raw journeys.
 *
 * Path `p` has the channel ids `touches[offsets[p] .. offsets[p + 1])`, names in `channels`.
 */
export interface FoldedPaths {
  /** Channel names in first-seen order; touches hold indexes into this list. */
  readonly channels: readonly string[];
  readonly pathCount: number;
  /** `pathCount + 1` entries. */
  readonly offsets: Uint32Array;
  readonly touches: Uint16Array;
  readonly conversions: Float64Array;
  readonly value: Float64Array;
  readonly nulls: Float64Array;
  /**
   * Days from each touch to its conversion, averaged over the converting journeys folded into the
   * path (weighted by conversions); aligned with `touches`, NaN where no converting journey had
   * timestamps. Undefined when no input carried timing (path-level exports).
   */
  readonly daysBefore?: Float64Array;
  readonly totals: PathTotals;
  /** How many journeys or aggregate rows were folded. */
  readonly inputs: number;
}

/** Up to this many touches, and channel ids below NUMERIC_BASE - 1, a path's key is a number. */
const NUMERIC_MAX_TOUCHES = 10;
const NUMERIC_BASE = 32;
/** Touches are stored as 16-bit channel ids. */
export const MAX_CHANNELS = 65_536;

/**
 * Folds journeys (or already aggregated rows) into distinct paths in one pass: identical channel
 * sequences are summed. Channel names are taken as given: normalise them first
 * ({@link normalizeChannel}) or use {@link PathFolder.addText}.
 *
 * @example
 * const folder = new PathFolder();
 * folder.add(["facebook", "email"], 1, 80, 0);
 * folder.add(["facebook", "email"], 0, 0, 1);
 * folder.addText("Google", 1, 50, 3);
 * const folded = folder.finish(); // 2 paths, totals { conversions: 2, value: 130, nulls: 4, journeys: 6 }
 */
export class PathFolder {
  private readonly channelIds = new Map<string, number>();
  private readonly names: string[] = [];
  // Short paths over few channels are keyed by a number (much cheaper to hash than a string).
  private readonly byNumber = new Map<number, number>();
  private readonly byText = new Map<string, number>();
  private readonly offsets: number[] = [0];
  private readonly touches: number[] = [];
  private readonly conversions: number[] = [];
  private readonly value: number[] = [];
  private readonly nulls: number[] = [];
  private daysSum: number[] | undefined;
  private daysWeight: number[] | undefined;
  private readonly scratch: number[] = [];
  private inputs = 0;

  /** The id of a channel name, registering it on first use. */
  channelId(name: string): number {
    let id = this.channelIds.get(name);
    if (id === undefined) {
      id = this.names.length;
      if (id >= MAX_CHANNELS) throw new RangeError(`more than ${MAX_CHANNELS} channels`);
      this.channelIds.set(name, id);
      this.names.push(name);
    }
    return id;
  }

  /**
   * Adds one journey or aggregate row by channel names. `daysBefore[i]` (optional) is how many
   * days touch `i` came before the conversion; it only matters for converting rows.
   */
  add(
    channels: readonly string[],
    conversions = 0,
    value = 0,
    nulls = 0,
    daysBefore?: ArrayLike<number>,
  ): void {
    const ids = this.scratch;
    ids.length = channels.length;
    for (let i = 0; i < channels.length; i++) ids[i] = this.channelId(channels[i] as string);
    this.addIds(ids, 0, ids.length, conversions, value, nulls, daysBefore);
  }

  /** Adds a row given as path text (`Facebook > Email`), normalised with {@link parsePath}. */
  addText(path: string, conversions = 0, value = 0, nulls = 0): void {
    this.add(parsePath(path), conversions, value, nulls);
  }

  /**
   * Adds a journey whose channel ids (from {@link channelId}) are `ids[start .. end)`: the fast
   * path for large inputs, with no per-journey allocation. `daysBefore` is indexed from 0.
   */
  addIds(
    ids: ArrayLike<number>,
    start: number,
    end: number,
    conversions: number,
    value: number,
    nulls: number,
    daysBefore?: ArrayLike<number>,
  ): void {
    const length = end - start;
    if (length <= 0) throw new RangeError("a path needs at least one channel");
    if (!(conversions >= 0) || !(nulls >= 0) || !Number.isFinite(value)) {
      throw new RangeError(
        `conversions and nulls must be ≥ 0 and value finite (got ${conversions}, ${nulls}, ${value})`,
      );
    }
    this.inputs++;
    const path = this.pathIndex(ids, start, end);
    this.conversions[path] = (this.conversions[path] as number) + conversions;
    this.value[path] = (this.value[path] as number) + value;
    this.nulls[path] = (this.nulls[path] as number) + nulls;
    if (daysBefore && conversions > 0) this.addTiming(path, length, conversions, daysBefore);
  }

  private pathIndex(ids: ArrayLike<number>, start: number, end: number): number {
    let numeric = end - start <= NUMERIC_MAX_TOUCHES;
    let key = 0;
    let scale = 1;
    for (let i = start; i < end && numeric; i++) {
      const id = ids[i] as number;
      if (id >= NUMERIC_BASE - 1) numeric = false;
      key += (id + 1) * scale;
      scale *= NUMERIC_BASE;
    }
    if (numeric) {
      const found = this.byNumber.get(key);
      if (found !== undefined) return found;
      const index = this.newPath(ids, start, end);
      this.byNumber.set(key, index);
      return index;
    }
    let text = "";
    for (let i = start; i < end; i++) text += String.fromCharCode(ids[i] as number);
    const found = this.byText.get(text);
    if (found !== undefined) return found;
    const index = this.newPath(ids, start, end);
    this.byText.set(text, index);
    return index;
  }

  private newPath(ids: ArrayLike<number>, start: number, end: number): number {
    for (let i = start; i < end; i++) {
      const id = ids[i] as number;
      if (!(id >= 0 && id < this.names.length)) throw new RangeError(`unknown channel id ${id}`);
      this.touches.push(id);
    }
    this.offsets.push(this.touches.length);
    this.conversions.push(0);
    this.value.push(0);
    this.nulls.push(0);
    this.daysWeight?.push(0);
    return this.conversions.length - 1;
  }

  private addTiming(path: number, length: number, weight: number, daysBefore: ArrayLike<number>) {
    if (!this.daysSum || !this.daysWeight) {
      // First timed input: earlier paths get zero weight (no timing).
      this.daysSum = new Array<number>(this.touches.length).fill(0);
      this.daysWeight = new Array<number>(this.conversions.length).fill(0);
    }
    const sums = this.daysSum;
    while (sums.length < this.touches.length) sums.push(0);
    const first = this.offsets[path] as number;
    for (let i = 0; i < length; i++) {
      const days = Number(daysBefore[i]);
      if (!Number.isFinite(days) || days < 0) {
        throw new RangeError(`daysBefore must be finite and ≥ 0 (touch ${i}: ${daysBefore[i]})`);
      }
      sums[first + i] = (sums[first + i] as number) + days * weight;
    }
    this.daysWeight[path] = (this.daysWeight[path] as number) + weight;
  }

  /** The folded paths; the folder can keep accepting rows and be finished again. */
  finish(): FoldedPaths {
    const pathCount = this.conversions.length;
    const totals: PathTotals = { conversions: 0, value: 0, nulls: 0, journeys: 0 };
    for (let p = 0; p < pathCount; p++) {
      totals.conversions += this.conversions[p] as number;
      totals.value += this.value[p] as number;
      totals.nulls += this.nulls[p] as number;
    }
    totals.journeys = totals.conversions + totals.nulls;
    const offsets = Uint32Array.from(this.offsets);
    let daysBefore: Float64Array | undefined;
    if (this.daysSum && this.daysWeight) {
      daysBefore = new Float64Array(this.touches.length).fill(Number.NaN);
      for (let p = 0; p < pathCount; p++) {
        const weight = this.daysWeight[p] as number;
        if (weight <= 0) continue;
        for (let t = offsets[p] as number; t < (offsets[p + 1] as number); t++) {
          daysBefore[t] = (this.daysSum[t] ?? 0) / weight;
        }
      }
    }
    return {
      channels: [...this.names],
      pathCount,
      offsets,
      touches: Uint16Array.from(this.touches),
      conversions: Float64Array.from(this.conversions),
      value: Float64Array.from(this.value),
      nulls: Float64Array.from(this.nulls),
      ...(daysBefore ? { daysBefore } : {}),
      totals,
      inputs: this.inputs,
    };
  }
}

/** One journey or aggregate row for {@link foldPaths}. */
export interface PathRow {
  /** Channel names, or path text such as `Facebook > Email`. */
  path: string | readonly string[];
  conversions?: number;
  value?: number;
  nulls?: number;
  daysBefore?: readonly number[];
}

/**
 * Folds rows into distinct paths (see {@link PathFolder}). Text paths are normalised; channel
 * arrays are taken as given.
 *
 * @example
 * foldPaths([
 *   { path: "A > B", conversions: 1, value: 10 },
 *   { path: ["a", "b"], nulls: 2 },
 * ]).pathCount // 1
 */
export function foldPaths(rows: Iterable<PathRow>): FoldedPaths {
  const folder = new PathFolder();
  for (const row of rows) {
    const channels = typeof row.path === "string" ? parsePath(row.path) : row.path;
    folder.add(channels, row.conversions ?? 0, row.value ?? 0, row.nulls ?? 0, row.daysBefore);
  }
  return folder.finish();
}

/**
 * The channel names of path `p`.
 *
 * @example pathChannels(foldPaths([{ path: "a > b", conversions: 1 }]), 0) // ["a", "b"]
 */
export function pathChannels(folded: FoldedPaths, p: number): string[] {
  const out: string[] = [];
  for (let t = folded.offsets[p] as number; t < (folded.offsets[p + 1] as number); t++) {
    out.push(folded.channels[folded.touches[t] as number] as string);
  }
  return out;
}
