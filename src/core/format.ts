import { KPI_INFO, type KpiName } from "./kpis";

/** Shown for a value that does not exist (a ratio with a zero denominator). */
export const MISSING = "—";

// Intl.NumberFormat construction is costly next to formatting: tables format hundreds of cells.
const formatters = new Map<string, Intl.NumberFormat>();

function numberFormat(key: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.NumberFormat("en-US", options);
    formatters.set(key, f);
  }
  return f;
}

function decimals(n: number, digits: number): string {
  return numberFormat(`d${digits}`, {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
    // No "-0.00" for a value that rounds to zero.
    signDisplay: "negative",
  }).format(n);
}

// Intl formats any three-letter code, known or not ("XYZ 1,234.00"); only the codes it has data
// for get their symbol and minor units. Built once: the list has a few hundred entries.
let knownCurrencies: ReadonlySet<string> | undefined;

function isKnownCurrency(code: string): boolean {
  knownCurrencies ??= new Set(Intl.supportedValuesOf("currency"));
  return knownCurrencies.has(code);
}

/**
 * Money in the tenant's currency: cents under 100 (where they matter: CPC, CPA), whole units
 * above. Currencies without minor units (JPY) never show decimals. A code Intl does not know
 * ("BTC", a typo) must not break a reply: the number is shown followed by the code as given.
 *
 * @example formatMoney(1234.5, "USD") // "$1,235"
 * @example formatMoney(0.874, "USD") // "$0.87"
 * @example formatMoney(12, "EUR") // "€12.00"
 * @example formatMoney(1234, "XYZ") // "1,234 XYZ"
 */
export function formatMoney(n: number, currency = "USD"): string {
  if (!Number.isFinite(n)) return MISSING;
  const code = currency.trim().toUpperCase();
  if (!isKnownCurrency(code)) {
    const digits = Math.abs(roundTo(n, 2)) < 100 ? 2 : 0;
    return `${decimals(n, digits)} ${currency.trim()}`.trimEnd();
  }
  const minor = numberFormat(`c${code}`, { style: "currency", currency: code }).resolvedOptions()
    .maximumFractionDigits as number;
  // Decide on the rounded value, so 99.996 shows "$100", not "$100.00".
  const digits = Math.abs(roundTo(n, minor)) < 100 ? minor : 0;
  return numberFormat(`c${code}:${digits}`, {
    style: "currency",
    currency: code,
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
    signDisplay: "negative",
  }).format(n);
}

/**
 * A percent number (12.3 means 12.3 %), no space before the sign: two decimals under 1 (CTRs
 * live there), one under 100, none above. A rate that does not exist (null, undefined, a zero
 * denominator's NaN) is "—", so callers pass nullable rates as they are.
 *
 * @example formatPercent(12.345) // "12.3%"
 * @example formatPercent(0.874) // "0.87%"
 * @example formatPercent(240) // "240%"
 * @example formatPercent(null) // "—"
 */
export function formatPercent(n: number | null | undefined): string {
  if (typeof n !== "number" || !Number.isFinite(n)) return MISSING;
  return `${decimals(n, percentDigits(n))}%`;
}

/**
 * {@link formatPercent} with a "+" on values >= 0, for lifts and growth that are already
 * percents (unlike {@link formatDelta}, which computes the change and shows a flat "0%"): the
 * sign is decided on the value itself, so 0 reads "+0%". Null or undefined is "—".
 *
 * @example formatSignedPercent(12.345) // "+12.3%"
 * @example formatSignedPercent(-4.5) // "-4.5%"
 * @example formatSignedPercent(null) // "—"
 */
export function formatSignedPercent(n: number | null | undefined): string {
  if (n === null || n === undefined) return MISSING;
  return `${n >= 0 ? "+" : ""}${formatPercent(n)}`;
}

function percentDigits(n: number): number {
  if (n === 0) return 0;
  const abs = Math.abs(n);
  if (roundTo(abs, 1) >= 100) return 0;
  if (roundTo(abs, 2) >= 1) return 1;
  return 2;
}

/**
 * A count, abbreviated from a thousand: one decimal, trailing ".0" dropped.
 *
 * @example formatCount(1_234_567) // "1.2M"
 * @example formatCount(45_300) // "45.3K"
 * @example formatCount(812) // "812"
 */
export function formatCount(n: number): string {
  if (!Number.isFinite(n)) return MISSING;
  const abs = Math.abs(n);
  const sign = n < 0 ? "-" : "";
  const whole = Math.round(abs);
  if (whole < 1000) return whole === 0 ? "0" : `${sign}${decimals(whole, 0)}`;
  for (const [size, suffix] of [
    [1e9, "B"],
    [1e6, "M"],
    [1e3, "K"],
  ] as const) {
    // Compare after rounding, so 999,960 reads "1M", not "1000K".
    const scaled = roundTo(abs / size, 1);
    if (scaled >= 1 || suffix === "K") {
      return `${sign}${decimals(scaled, 1).replace(/\.0$/, "")}${suffix}`;
    }
  }
  return MISSING; // unreachable: the "K" step always answers
}

/**
 * A multiplier such as ROAS or frequency, two decimals.
 *
 * @example formatRatio(3.2104) // "3.21×"
 */
export function formatRatio(n: number): string {
  if (!Number.isFinite(n)) return MISSING;
  return `${decimals(n, 2)}×`;
}

/**
 * Any KPI by its unit, "—" when it does not exist.
 *
 * @example formatKpi("roi", 240, "USD") // "240%"
 * @example formatKpi("cpc", null, "USD") // "—"
 */
export function formatKpi(
  name: KpiName,
  value: number | null | undefined,
  currency = "USD",
): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return MISSING;
  switch (KPI_INFO[name].unit) {
    case "percent":
      return formatPercent(value);
    case "money":
      return formatMoney(value, currency);
    case "ratio":
      return formatRatio(value);
  }
}

/**
 * Relative change from `previous` to `current` in percent; null when either is missing or
 * `previous` is 0 (no base to compare with). A negative base counts by its size, so a loss that
 * shrinks reads as an improvement.
 *
 * @example percentChange(120, 100) // 20
 * @example percentChange(-50, -100) // 50
 */
export function percentChange(
  current: number | null | undefined,
  previous: number | null | undefined,
): number | null {
  if (current === null || current === undefined || previous === null || previous === undefined) {
    return null;
  }
  if (previous === 0 || !Number.isFinite(current) || !Number.isFinite(previous)) return null;
  return ((current - previous) / Math.abs(previous)) * 100;
}

/**
 * {@link percentChange} for display, signed like {@link formatPercent}: "+20.0%", "-4.5%", "0%",
 * "—".
 *
 * @example formatDelta(120, 100) // "+20.0%"
 * @example formatDelta(5, 0) // "—"
 */
export function formatDelta(
  current: number | null | undefined,
  previous: number | null | undefined,
): string {
  const change = percentChange(current, previous);
  if (change === null) return MISSING;
  const text = formatPercent(change);
  // Compare the shown digits, so a tiny change that rounds to 0 is not "+0.00%".
  if (/^-?0(\.0+)?%$/.test(text)) return "0%";
  return change > 0 ? `+${text}` : text;
}

function roundTo(n: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}
