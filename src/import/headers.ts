/**
 * Header text as exports write it → a comparable key. Case, spacing, punctuation and accents do
 * not matter, and a parenthesised *unit* is dropped (and returned): currency codes and symbols,
 * `%`, `#`, time zones. Other parenthesised words are kept, because they tell columns apart:
 * TikTok's "Clicks (Destination)" and "Clicks (All)" are different figures.
 *
 * @example normalizeHeader("Amount spent (USD)") // { key: "amount spent", unit: "USD" }
 * @example normalizeHeader("Start Date (in UTC)") // { key: "start date", unit: "in UTC" }
 * @example normalizeHeader("Clicks (All)") // { key: "clicks all" }
 * @example normalizeHeader("Conv. value") // { key: "conv value" }
 */
export function normalizeHeader(raw: string): { key: string; unit?: string } {
  let unit: string | undefined;
  const withoutUnits = raw
    .replace(/^\uFEFF/, "")
    .replace(/[([]([^)\]]*)[)\]]/g, (_, inner: string) => {
      const text = inner.trim();
      if (isUnit(text)) {
        unit ??= text;
        return " ";
      }
      return ` ${text} `;
    });
  return { key: headerKey(withoutUnits), ...(unit ? { unit } : {}) };
}

/**
 * Lower case, no accents, punctuation as single spaces.
 *
 * @example headerKey("  Cost / conv. ") // "cost conv"
 */
export function headerKey(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9%]+/g, " ")
    .trim();
}

const CURRENCY_SYMBOLS = /^[$€£¥₹₩₽₺₪₫฿₱₦]$/;
const TIME_ZONE =
  /^(in\s+)?(utc|gmt|[a-z]+\/[a-z_]+|account time ?zone|local time|time ?zone.*)([+-]\d{1,2}(:?\d{2})?)?$/i;

function isUnit(text: string): boolean {
  if (text === "") return true;
  // ISO 4217 codes are written in capitals ("(USD)"); "(All)" is a qualifier, not a currency.
  if (/^[A-Z]{3}$/.test(text) && text !== "ALL") return true;
  if (CURRENCY_SYMBOLS.test(text) || text === "%" || text === "#") return true;
  return TIME_ZONE.test(text);
}

/**
 * The ISO currency code a header names, if any.
 *
 * @example currencyOfUnit("USD") // "USD"
 * @example currencyOfUnit("in UTC") // undefined
 */
export function currencyOfUnit(unit: string | undefined): string | undefined {
  if (!unit) return undefined;
  if (/^[A-Z]{3}$/.test(unit) && unit !== "UTC" && unit !== "GMT") return unit;
  return { $: "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "₹": "INR" }[unit];
}
