import type { TransientChain } from "./absorbing-chain";
import type { FoldedPaths } from "./fold-paths";
import { PATH_SEPARATOR } from "./path-text";

/** Orders the Markov model supports: states are tuples of up to this many channels. */
export const MARKOV_ORDERS = [1, 2, 3, 4] as const;

export const START_STATE = "(start)";
export const CONVERSION_STATE = "(conversion)";
export const NULL_STATE = "(null)";

/** One observed transition, with the raw journey count behind it. */
export interface MarkovTransition {
  from: string;
  to: string;
  count: number;
  /** `count` over all transitions leaving `from` (self-loops included). */
  probability: number;
}

/**
 * The journey graph as an absorbing Markov chain: `(start)`, one transient state per observed
 * tuple of the last `order` channels (shorter at the start of a journey), and the absorbing
 * `(conversion)` and `(null)`. Rewards: [0] = probability of converting when leaving the state,
 * [1] = that times the mean conversion value, both per visit.
 */
export interface MarkovChain {
  order: number;
  channels: readonly string[];
  /** Channel ids of each transient state; state 0 is `(start)`, with none. */
  stateChannels: readonly Uint16Array[];
  transient: TransientChain;
  /** Journeys leaving each transient state (all transitions, absorbing ones and self-loops too). */
  outCount: Float64Array;
  /** Every observed transition, by state index; `to` −1 is conversion, −2 is null. */
  edges: { from: Int32Array; to: Int32Array; count: Float64Array };
}

/** Dense lookup tables up to this many entries; a Map beyond. */
const DENSE_TABLE_LIMIT = 1 << 22;

/**
 * Builds the chain from folded paths: each path of `n` touches, walked by `conversions + nulls`
 * journeys, contributes `start → s₁ → … → sₙ`, then `sₙ → conversion` (conversions) and
 * `sₙ → null` (nulls). With order m, sᵢ is the tuple of touches max(1, i−m+1) … i.
 *
 * Self-loops (a channel touched twice in a row at order 1) are folded out of `transient`: a state
 * that returns to itself with probability q leaves to anything else with its probability / (1 − q),
 * which leaves every absorption probability unchanged. `edges` keep them for display.
 *
 * @example buildMarkovChain(foldPaths([{ path: "a > b", conversions: 1 }]), 1).stateChannels.length // 3
 */
export function buildMarkovChain(folded: FoldedPaths, order: number): MarkovChain {
  if (!Number.isInteger(order) || order < 1 || order > 4) {
    throw new RangeError(`Markov order must be 1, 2, 3 or 4 (got ${order})`);
  }
  const k = folded.channels.length;
  const base = k + 1;
  // State codes: the last `order` channel ids as base-(k+1) digits (digit = id + 1, so tuples of
  // different lengths never collide). Numbers while base^(order+1) is exact in a double.
  const numeric = base ** (order + 1) < Number.MAX_SAFE_INTEGER;
  const modulus = base ** order;
  const denseCodes = numeric && modulus <= DENSE_TABLE_LIMIT;
  const codeTable = denseCodes ? new Int32Array(modulus).fill(-1) : undefined;
  const codeMap = new Map<number | string, number>();
  const stateChannels: Uint16Array[] = [new Uint16Array(0)];
  const { offsets, touches } = folded;
  const stateOf = new Int32Array(touches.length).fill(-1);

  // Pass 1: a state index for every touch of every path that journeys walked.
  for (let p = 0; p < folded.pathCount; p++) {
    const weight = (folded.conversions[p] as number) + (folded.nulls[p] as number);
    if (!(weight > 0)) continue;
    const first = offsets[p] as number;
    const end = offsets[p + 1] as number;
    let code = 0;
    for (let t = first; t < end; t++) {
      let state: number | undefined;
      let key: number | string;
      if (numeric) {
        code = (code * base + (touches[t] as number) + 1) % modulus;
        key = code;
        state = codeTable ? (codeTable[code] as number) : codeMap.get(code);
      } else {
        key = String.fromCharCode(...touches.subarray(Math.max(first, t - order + 1), t + 1));
        state = codeMap.get(key);
      }
      if (state === undefined || state < 0) {
        state = stateChannels.length;
        stateChannels.push(touches.slice(Math.max(first, t - order + 1), t + 1));
        if (codeTable) codeTable[key as number] = state;
        else codeMap.set(key, state);
      }
      stateOf[t] = state;
    }
  }

  // Pass 2: transition counts. The successor of a state on channel c is always the same tuple,
  // so edges are keyed by (state, c), with c = k for conversion and k + 1 for null.
  const stateCount = stateChannels.length;
  const width = k + 2;
  const edges = createEdgeTable(stateCount, width);
  const outCount = new Float64Array(stateCount);
  const valueOut = new Float64Array(stateCount);
  for (let p = 0; p < folded.pathCount; p++) {
    const conversions = folded.conversions[p] as number;
    const nulls = folded.nulls[p] as number;
    const weight = conversions + nulls;
    if (!(weight > 0)) continue;
    const first = offsets[p] as number;
    const end = offsets[p + 1] as number;
    let from = 0;
    for (let t = first; t < end; t++) {
      const to = stateOf[t] as number;
      edges.add(from, touches[t] as number, to, weight);
      outCount[from] = (outCount[from] as number) + weight;
      from = to;
    }
    if (conversions > 0) edges.add(from, k, -1, conversions);
    if (nulls > 0) edges.add(from, k + 1, -2, nulls);
    outCount[from] = (outCount[from] as number) + weight;
    valueOut[from] = (valueOut[from] as number) + (folded.value[p] as number);
  }

  const list = edges.list();
  // CSR of transient → transient edges with self-loops folded out.
  const selfCount = new Float64Array(stateCount);
  const convCount = new Float64Array(stateCount);
  const perState = new Uint32Array(stateCount + 1);
  for (let e = 0; e < list.from.length; e++) {
    const from = list.from[e] as number;
    const to = list.to[e] as number;
    if (to === from) selfCount[from] = (selfCount[from] as number) + (list.count[e] as number);
    else if (to === -1) convCount[from] = (convCount[from] as number) + (list.count[e] as number);
    else if (to >= 0) perState[from + 1] = (perState[from + 1] as number) + 1;
  }
  for (let s = 0; s < stateCount; s++) {
    perState[s + 1] = (perState[s + 1] as number) + (perState[s] as number);
  }
  const rowStart = perState;
  const fill = Uint32Array.from(rowStart.subarray(0, stateCount));
  const next = new Uint32Array(rowStart[stateCount] as number);
  const prob = new Float64Array(next.length);
  const leave = (s: number) => (outCount[s] as number) - (selfCount[s] as number);
  for (let e = 0; e < list.from.length; e++) {
    const from = list.from[e] as number;
    const to = list.to[e] as number;
    if (to < 0 || to === from) continue;
    const slot = fill[from] as number;
    fill[from] = slot + 1;
    next[slot] = to;
    prob[slot] = (list.count[e] as number) / leave(from);
  }
  const conversion = new Float64Array(stateCount);
  const value = new Float64Array(stateCount);
  for (let s = 0; s < stateCount; s++) {
    const leaving = leave(s);
    if (leaving > 0) {
      conversion[s] = (convCount[s] as number) / leaving;
      value[s] = (valueOut[s] as number) / leaving;
    }
  }
  return {
    order,
    channels: folded.channels,
    stateChannels,
    transient: { stateCount, rowStart, next, prob, rewards: [conversion, value] },
    outCount,
    edges: list,
  };
}

/** `(start)`, `facebook` or `facebook > email` for a transient state. */
export function stateLabel(chain: MarkovChain, state: number): string {
  if (state === 0) return START_STATE;
  const ids = chain.stateChannels[state] ?? new Uint16Array(0);
  return Array.from(ids, (id) => chain.channels[id] as string).join(PATH_SEPARATOR);
}

/**
 * Every observed transition with its probability, sorted by source state then target.
 *
 * @example markovTransitions(chain)[0] // { from: "(start)", to: "a", count: 3, probability: 0.75 }
 */
export function markovTransitions(chain: MarkovChain): MarkovTransition[] {
  const { from, to, count } = chain.edges;
  const label = (state: number) =>
    state === -1 ? CONVERSION_STATE : state === -2 ? NULL_STATE : stateLabel(chain, state);
  const order = Array.from(from.keys()).sort(
    (a, b) =>
      (from[a] as number) - (from[b] as number) || rank(to[a] as number) - rank(to[b] as number),
  );
  return order.map((e) => ({
    from: label(from[e] as number),
    to: label(to[e] as number),
    count: count[e] as number,
    probability: (count[e] as number) / (chain.outCount[from[e] as number] as number),
  }));
}

/** Absorbing states sort after transient ones. */
function rank(state: number): number {
  return state >= 0 ? state : Number.MAX_SAFE_INTEGER + state;
}

interface EdgeList {
  from: Int32Array;
  to: Int32Array;
  count: Float64Array;
}

function createEdgeTable(stateCount: number, width: number) {
  const size = stateCount * width;
  if (size <= DENSE_TABLE_LIMIT) {
    const counts = new Float64Array(size);
    const targets = new Int32Array(size);
    return {
      add(from: number, channel: number, to: number, weight: number) {
        const slot = from * width + channel;
        counts[slot] = (counts[slot] as number) + weight;
        targets[slot] = to;
      },
      list(): EdgeList {
        let n = 0;
        for (let i = 0; i < size; i++) if ((counts[i] as number) > 0) n++;
        const out = { from: new Int32Array(n), to: new Int32Array(n), count: new Float64Array(n) };
        let j = 0;
        for (let i = 0; i < size; i++) {
          if (!((counts[i] as number) > 0)) continue;
          out.from[j] = Math.floor(i / width);
          out.to[j] = targets[i] as number;
          out.count[j] = counts[i] as number;
          j++;
        }
        return out;
      },
    };
  }
  const table = new Map<number, { to: number; count: number }>();
  return {
    add(from: number, channel: number, to: number, weight: number) {
      const key = from * width + channel;
      const edge = table.get(key);
      if (edge) edge.count += weight;
      else table.set(key, { to, count: weight });
    },
    list(): EdgeList {
      const keys = [...table.keys()].sort((a, b) => a - b);
      const out = {
        from: new Int32Array(keys.length),
        to: new Int32Array(keys.length),
        count: new Float64Array(keys.length),
      };
      keys.forEach((key, j) => {
        const edge = table.get(key) as { to: number; count: number };
        out.from[j] = Math.floor(key / width);
        out.to[j] = edge.to;
        out.count[j] = edge.count;
      });
      return out;
    },
  };
}
