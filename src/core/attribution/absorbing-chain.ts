import { solveDense } from "./linear-solver";

/**
 * The transient part of an absorbing Markov chain, ready to solve: transient → transient
 * transition probabilities (CSR, self-loops already folded out) and, per quantity of interest, the
 * reward collected when leaving a state into an absorbing one (e.g. the probability of going
 * straight to "conversion", or that probability times the mean conversion value).
 *
 * For each reward `r`, the expected total from state `s` is the solution of `x = r + Q·x`,
 * i.e. `(I − Q)·x = r`: with `r` = P(s → conversion), `x_s` is the probability of ending in
 * conversion from `s`.
 */
export interface TransientChain {
  stateCount: number;
  /** Transitions of state `s` are `next/prob[rowStart[s] .. rowStart[s + 1])`. */
  rowStart: Uint32Array;
  next: Uint32Array;
  prob: Float64Array;
  rewards: readonly Float64Array[];
}

export type SolveMethod = "auto" | "direct" | "iterative";

export interface SolveOptions {
  /** `auto` (default): direct elimination for cycles of up to `denseLimit` states, iteration beyond. */
  method?: SolveMethod;
  /** Largest strongly connected block solved by dense elimination (default 600). */
  denseLimit?: number;
}

/** Per reward, the expected total from `from`, with how it was obtained. */
export interface Absorption {
  values: number[];
  /** Largest block of states that reach each other (a cycle) the solve met. */
  largestBlock: number;
  /** Gauss–Seidel sweeps, over all iteratively solved blocks (0 when all were direct). */
  sweeps: number;
  /** Largest residual |x − r − Q·x| over the solved states, relative to the largest |x|. */
  residual: number;
}

const DEFAULT_DENSE_LIMIT = 600;
/** Gauss–Seidel stops when the estimated remaining error is below this, relative to |x|. */
const ITERATION_TOLERANCE = 1e-15;
const MAX_SWEEPS = 1_000_000;

/**
 * Solves `x = r + Q·x` for the states reachable from `from`, treating `removed` states as
 * absorbing with nothing collected (x = 0): that is how a removal effect removes a channel.
 *
 * The states are split into strongly connected blocks (Tarjan), which come out successors
 * first; each block is then solved knowing everything downstream of it. Blocks without a cycle
 * are one substitution; a cycle of up to `denseLimit` states is solved exactly by Gaussian
 * elimination; larger cycles (order-3/4 chains over many channels) by Gauss–Seidel, which
 * converges because every state can reach absorption (`I − Q` is a non-singular M-matrix),
 * iterated until the estimated error is at machine precision. No sampling anywhere.
 *
 * @example
 * // start (0) → a (1) always; a converts half the time, otherwise drops out.
 * const chain = {
 *   stateCount: 2, rowStart: Uint32Array.from([0, 1, 1]), next: Uint32Array.from([1]),
 *   prob: Float64Array.from([1]), rewards: [Float64Array.from([0, 0.5])],
 * };
 * absorb(chain, 0).values; // [0.5]
 * absorb(chain, 0, Uint8Array.from([0, 1])).values; // [0]: a removed
 */
export function absorb(
  chain: TransientChain,
  from: number,
  removed?: Uint8Array,
  options: SolveOptions = {},
): Absorption {
  const method = options.method ?? "auto";
  const denseLimit =
    method === "direct"
      ? Number.POSITIVE_INFINITY
      : method === "iterative"
        ? 1
        : (options.denseLimit ?? DEFAULT_DENSE_LIMIT);
  const { stateCount, rowStart, next, prob, rewards } = chain;
  const x = rewards.map(() => new Float64Array(stateCount));
  const out: Absorption = { values: [], largestBlock: 0, sweeps: 0, residual: 0 };
  if (removed?.[from]) return { ...out, values: rewards.map(() => 0) };

  // Iterative Tarjan (chains can be deep: no recursion).
  const index = new Int32Array(stateCount).fill(-1);
  const low = new Int32Array(stateCount);
  const onStack = new Uint8Array(stateCount);
  const block = new Int32Array(stateCount).fill(-1);
  const stack: number[] = [];
  const calls: number[] = [];
  const cursor = new Uint32Array(stateCount);
  let counter = 0;
  let blockId = 0;
  let maxX = 0;

  const visit = (v: number) => {
    index[v] = counter;
    low[v] = counter;
    counter++;
    stack.push(v);
    onStack[v] = 1;
    cursor[v] = rowStart[v] as number;
    calls.push(v);
  };
  visit(from);
  while (calls.length > 0) {
    const v = calls[calls.length - 1] as number;
    const end = rowStart[v + 1] as number;
    let descended = false;
    while ((cursor[v] as number) < end) {
      const w = next[cursor[v] as number] as number;
      cursor[v] = (cursor[v] as number) + 1;
      if (removed?.[w]) continue;
      if (index[w] === -1) {
        visit(w);
        descended = true;
        break;
      }
      if (onStack[w]) low[v] = Math.min(low[v] as number, index[w] as number);
    }
    if (descended) continue;
    calls.pop();
    const parent = calls[calls.length - 1];
    if (parent !== undefined) low[parent] = Math.min(low[parent] as number, low[v] as number);
    if (low[v] === index[v]) {
      const members: number[] = [];
      let w: number;
      do {
        w = stack.pop() as number;
        onStack[w] = 0;
        block[w] = blockId;
        members.push(w);
      } while (w !== v);
      solveBlock(members, blockId);
      blockId++;
    }
  }
  out.values = x.map((values) => values[from] as number);
  return out;

  function solveBlock(members: number[], id: number): void {
    const n = members.length;
    out.largestBlock = Math.max(out.largestBlock, n);
    // b = reward + what flows to already solved (downstream) blocks.
    const b = rewards.map((reward) => {
      const values = new Float64Array(n);
      members.forEach((s, i) => {
        values[i] = reward[s] as number;
      });
      return values;
    });
    members.forEach((s, i) => {
      for (let e = rowStart[s] as number; e < (rowStart[s + 1] as number); e++) {
        const t = next[e] as number;
        if (removed?.[t] || block[t] === id) continue;
        const p = prob[e] as number;
        x.forEach((values, r) => {
          const target = b[r] as Float64Array;
          target[i] = (target[i] as number) + p * (values[t] as number);
        });
      }
    });
    if (n === 1) {
      const s = members[0] as number;
      x.forEach((values, r) => {
        values[s] = (b[r] as Float64Array)[0] as number;
      });
    } else if (n <= denseLimit) {
      solveDirect(members, id, b);
    } else {
      solveIteratively(members, id, b);
    }
    for (const values of x) {
      for (const s of members) maxX = Math.max(maxX, Math.abs(values[s] as number));
    }
    if (n > 1) out.residual = Math.max(out.residual, residual(members, id, b));
  }

  function localIndex(members: number[]): Map<number, number> {
    return new Map(members.map((s, i) => [s, i]));
  }

  function solveDirect(members: number[], id: number, b: Float64Array[]): void {
    const n = members.length;
    const local = localIndex(members);
    const a = new Float64Array(n * n);
    members.forEach((s, i) => {
      a[i * n + i] = 1;
      for (let e = rowStart[s] as number; e < (rowStart[s + 1] as number); e++) {
        const t = next[e] as number;
        if (removed?.[t] || block[t] !== id) continue;
        const j = local.get(t) as number;
        a[i * n + j] = (a[i * n + j] as number) - (prob[e] as number);
      }
    });
    const solutions = b.map((values) => Float64Array.from(values));
    solveDense(a, n, solutions);
    x.forEach((values, r) => {
      const solution = solutions[r] as Float64Array;
      members.forEach((s, i) => {
        values[s] = solution[i] as number;
      });
    });
  }

  function solveIteratively(members: number[], id: number, b: Float64Array[]): void {
    // Starting from 0 with Q ≥ 0 and r ≥ 0 the iterates grow monotonically to the solution; the
    // error after a sweep is about delta · ρ / (1 − ρ), with ρ estimated from successive deltas.
    let previous = Number.POSITIVE_INFINITY;
    for (let sweep = 1; sweep <= MAX_SWEEPS; sweep++) {
      let delta = 0;
      let size = 0;
      members.forEach((s, i) => {
        x.forEach((values, r) => {
          let sum = (b[r] as Float64Array)[i] as number;
          for (let e = rowStart[s] as number; e < (rowStart[s + 1] as number); e++) {
            const t = next[e] as number;
            if (block[t] !== id || removed?.[t]) continue;
            sum += (prob[e] as number) * (values[t] as number);
          }
          delta = Math.max(delta, Math.abs(sum - (values[s] as number)));
          size = Math.max(size, Math.abs(sum));
          values[s] = sum;
        });
      });
      out.sweeps++;
      const rho =
        previous > 0 && Number.isFinite(previous) ? Math.min(delta / previous, 0.999999) : 0.5;
      previous = delta;
      if (delta === 0 || (delta * rho) / (1 - rho) <= ITERATION_TOLERANCE * size) return;
    }
  }

  function residual(members: number[], id: number, b: Float64Array[]): number {
    let worst = 0;
    members.forEach((s, i) => {
      x.forEach((values, r) => {
        let sum = (b[r] as Float64Array)[i] as number;
        for (let e = rowStart[s] as number; e < (rowStart[s + 1] as number); e++) {
          const t = next[e] as number;
          if (block[t] !== id || removed?.[t]) continue;
          sum += (prob[e] as number) * (values[t] as number);
        }
        worst = Math.max(worst, Math.abs(sum - (values[s] as number)));
      });
    });
    return maxX > 0 ? worst / maxX : worst;
  }
}
