import { formatCount, formatMoney } from "../format";

/** What the curves model and the moves maximise: revenue (default) or conversions. */
export const BUDGET_GOALS = ["revenue", "conversions"] as const;
export type BudgetGoal = (typeof BUDGET_GOALS)[number];

/**
 * A return in the goal's unit: money for revenue, a count for conversions.
 *
 * @example formatReturn(4400, "revenue", "USD") // "$4,400"
 * @example formatReturn(46.2, "conversions", "USD") // "46 conversions"
 */
export function formatReturn(value: number, goal: BudgetGoal, currency: string): string {
  if (goal === "revenue") return formatMoney(value, currency);
  const rounded = Math.abs(value) < 10 ? Math.round(value * 10) / 10 : Math.round(value);
  const text = Math.abs(rounded) < 1000 ? String(rounded) : formatCount(rounded);
  return `${text} conversion${rounded === 1 ? "" : "s"}`;
}

/**
 * A marginal return per extra dollar: "$3.10" of revenue, or "0.031 conversions".
 *
 * @example formatMarginal(3.104, "revenue", "USD") // "$3.10"
 * @example formatMarginal(0.0312, "conversions", "USD") // "0.031 conversions"
 */
export function formatMarginal(value: number, goal: BudgetGoal, currency: string): string {
  if (goal === "revenue") return formatMoney(value, currency);
  return `${value.toPrecision(2).replace(/\.?0+$/, "")} conversions`;
}
