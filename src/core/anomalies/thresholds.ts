/** Comparison operators of threshold alert rules. */
export const THRESHOLD_OPS = [">", ">=", "<", "<="] as const;
export type ThresholdOp = (typeof THRESHOLD_OPS)[number];

/** Words people type for the operators (`cpa above 50`). */
export const OP_WORDS: Readonly<Record<string, ThresholdOp>> = {
  ">": ">",
  ">=": ">=",
  "=>": ">=",
  "<": "<",
  "<=": "<=",
  "=<": "<=",
  above: ">",
  over: ">",
  below: "<",
  under: "<",
};

/**
 * Whether `value` breaches the rule `op threshold`; a missing value (a ratio with a zero
 * denominator) breaches nothing.
 *
 * @example breaches(62.4, ">", 50) // true
 * @example breaches(null, "<", 0) // false
 */
export function breaches(value: number | null, op: ThresholdOp, threshold: number): boolean {
  if (value === null || !Number.isFinite(value)) return false;
  switch (op) {
    case ">":
      return value > threshold;
    case ">=":
      return value >= threshold;
    case "<":
      return value < threshold;
    case "<=":
      return value <= threshold;
  }
}

/** `above` / `at or above` / … for messages. */
export function opWords(op: ThresholdOp): string {
  switch (op) {
    case ">":
      return "above";
    case ">=":
      return "at or above";
    case "<":
      return "below";
    case "<=":
      return "at or below";
  }
}
