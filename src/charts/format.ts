import type { Measure } from "./measure";

/** What DESIGN.md says a missing ratio looks like. */
export const NO_VALUE = "—";

// A fixed locale: chart text must not depend on the server's environment.
const LOCALE = "en-US";

const plain = (max: number) =>
  new Intl.NumberFormat(LOCALE, { maximumFractionDigits: max, useGrouping: true });
const compact = new Intl.NumberFormat(LOCALE, { notation: "compact", maximumFractionDigits: 1 });
const oneDecimal = plain(1);
const twoDecimals = plain(2);

const currencyFormats = new Map<string, Intl.NumberFormat | null>();

function currencyFormat(currency: string): Intl.NumberFormat | null {
  let format = currencyFormats.get(currency);
  if (format === undefined) {
    try {
      format = new Intl.NumberFormat(LOCALE, { style: "currency", currency });
    } catch {
      // Not an ISO 4217 code (tenant data): fall back to "1,234 XYZ" rather than failing a reply.
      format = null;
    }
    currencyFormats.set(currency, format);
  }
  return format;
}

function formatMoney(value: number, currency: string): string {
  const abs = Math.abs(value);
  const format = currencyFormat(currency);
  if (!format)
    return `${abs >= 1_000_000 ? compact.format(value) : twoDecimals.format(value)} ${currency}`;
  if (abs >= 1_000_000) {
    // "$1.2M": cents on a million are noise in a chart label.
    return new Intl.NumberFormat(LOCALE, {
      style: "currency",
      currency,
      notation: "compact",
      maximumFractionDigits: 1,
    }).format(value);
  }
  // Cents matter on a $1.23 CPC, not on $420 of daily spend (nor on a gauge's "$0" end).
  const digits = abs >= 100 || value === 0 ? 0 : 2;
  return new Intl.NumberFormat(LOCALE, {
    style: "currency",
    currency,
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(value);
}

/**
 * A value as people read it in a chat message, `—` for null.
 *
 * @example
 * formatValue(142.34, percent("ROI"));          // "142.3 %"
 * formatValue(1234.5, money("Spend", "USD"));   // "$1,235"
 * formatValue(3.214, ratio("ROAS"));            // "3.21×"
 * formatValue(null, percent("CTR"));            // "—"
 */
export function formatValue(value: number | null | undefined, measure: Measure): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return NO_VALUE;
  switch (measure.unit) {
    case "percent":
      return `${oneDecimal.format(value)} %`;
    case "money":
      return formatMoney(value, measure.currency);
    case "ratio":
      return `${twoDecimals.format(value)}×`;
    case "count":
      return Math.abs(value) >= 1_000_000 ? compact.format(value) : oneDecimal.format(value);
  }
}

/**
 * A share of a whole as a percent string.
 *
 * @example
 * formatShare(0.4213); // "42.1 %"
 */
export function formatShare(fraction: number): string {
  return `${oneDecimal.format(fraction * 100)} %`;
}
