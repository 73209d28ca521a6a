import { closest } from "fastest-levenshtein";
import { findPeriodInTokens, PERIOD_FORMS, PeriodError, parsePeriod } from "../core/period";
import { canonicalTimeZone, parseTimeOfDay } from "../core/schedule/schedule-spec";
import type { Command, OptionDefinition } from "./command";
import { UserError } from "./errors";
import {
  choiceError,
  echo,
  matchChoice,
  normalizeWord,
  parseCampaignType,
  parsePlatform,
} from "./option-values";
import { tokenize } from "./tokenize";

export interface ParsedCommand {
  command: Command;
  args: Record<string, unknown>;
}

export interface ParseEnvironment {
  now: Date;
  timezone: string;
}

/** Longer input is cut before parsing: no real command comes near it, junk must stay cheap. */
const MAX_TEXT = 1000;

/** Synonyms accepted for metric names (`cr` for conversion_rate, …). */
export const METRIC_ALIASES: Record<string, string> = {
  cr: "conversion_rate",
  cvr: "conversion_rate",
  conv_rate: "conversion_rate",
  er: "engagement_rate",
  cpe: "cost_per_engagement",
  rpc: "revenue_per_click",
  cost: "spend",
  sales: "revenue",
  conv: "conversions",
  impr: "impressions",
};

/**
 * Parses what a user typed after `/campaign` against the command definitions:
 * `roi last 30d platform:facebook`, `trend ctr last 90d "Spring Sale"`, `top roas 5 type:conversion`.
 * Unknown words become a UserError that lists what is valid.
 */
export function parseCommandText(
  text: string,
  commands: readonly Command[],
  env: ParseEnvironment,
): ParsedCommand {
  const tokens = tokenize(text.slice(0, MAX_TEXT));
  if (tokens[0] && /^\/?campaign$/i.test(tokens[0])) tokens.shift();
  const name = (tokens.shift() ?? "help").toLowerCase();
  const command = commands.find((c) => c.name === name);
  if (!command) throw unknownCommand(name, commands);
  return { command, args: parseArguments(command, tokens, env) };
}

/**
 * Validates options that arrive already split by the platform (Discord's typed options) with the
 * same conversions and errors as typed text, so both paths accept and refuse the same things.
 */
export function parseTypedOptions(
  subcommand: string,
  raw: Readonly<Record<string, string | number | boolean>>,
  commands: readonly Command[],
  env: ParseEnvironment,
): ParsedCommand {
  const command = commands.find((c) => c.name === subcommand.toLowerCase());
  if (!command) throw unknownCommand(subcommand, commands);
  const args: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(raw)) {
    const option = command.options.find((o) => o.name === name);
    if (!option) throw unknownFilter(command, name);
    args[name] =
      option.kind === "period" ? periodFrom(String(value), env) : convert(option, String(value));
  }
  for (const option of command.options) {
    if (option.kind === "period" && args[option.name] === undefined) {
      args[option.name] = periodFrom("", env);
    }
  }
  requireOptions(command, args);
  return { command, args };
}

function periodFrom(text: string, env: ParseEnvironment) {
  return parsePeriodOrUserError(text, env.now, env.timezone);
}

/** parsePeriod, with a bad period as the UserError every surface shows (valid forms listed). */
export function parsePeriodOrUserError(text: string, now: Date, timezone: string) {
  try {
    return parsePeriod(text, now, timezone);
  } catch (error) {
    throw asUserError(error);
  }
}

function asUserError(error: unknown): unknown {
  if (error instanceof PeriodError) {
    return new UserError(error.message, "bad_period", [`Periods: ${PERIOD_FORMS.join(", ")}.`]);
  }
  return error;
}

function unknownCommand(name: string, commands: readonly Command[]): UserError {
  const names = commands.map((c) => c.name);
  return new UserError(`Unknown command "${echo(name)}".`, "unknown_command", [
    `Commands: ${names.join(", ")}.`,
    `Did you mean \`${closest(name.slice(0, 40), names)}\`? Try \`/campaign help\`.`,
  ]);
}

const FILTER_KINDS = new Set(["platform", "campaign_type", "campaign"]);
const FILTER_KEYS: Record<string, string> = { type: "campaign_type" };

function parseArguments(
  command: Command,
  input: string[],
  env: ParseEnvironment,
): Record<string, unknown> {
  const args: Record<string, unknown> = {};
  const options = command.options;
  let tokens = input;

  // 1. `key:value` filters, anywhere in the text.
  const remaining: string[] = [];
  for (const token of tokens) {
    const filter = /^([a-z_-]+):(.*)$/i.exec(token);
    if (!filter) {
      remaining.push(token);
      continue;
    }
    const key = normalizeWord(filter[1] ?? "").replace(/-/g, "_");
    const value = filter[2] ?? "";
    const option = options.find(
      (o) =>
        (FILTER_KINDS.has(o.kind) && (o.name === key || o.kind === (FILTER_KEYS[key] ?? key))) ||
        (o.kind === "choice" && o.name === key),
    );
    if (!option) throw unknownFilter(command, key);
    if (!value) {
      throw new UserError(`The filter ${key}: needs a value.`, "missing_value", [
        usageLine(command),
      ]);
    }
    args[option.name] = convert(option, value);
  }
  tokens = remaining;

  // 2. The period phrase, anywhere in the text.
  const periodOption = options.find((o) => o.kind === "period");
  if (periodOption) {
    try {
      const { period, rest } = findPeriodInTokens(tokens, env.now, env.timezone);
      args[periodOption.name] = period;
      tokens = rest;
    } catch (error) {
      throw asUserError(error);
    }
  }

  // 3. Positional options in definition order; free text takes the rest.
  const positional = options.filter(
    (o) => o.kind !== "period" && !(FILTER_KINDS.has(o.kind) && o.kind !== "campaign"),
  );
  for (const option of positional) {
    if (args[option.name] !== undefined) continue;
    const head = tokens[0];
    if (head === undefined) break;
    if (option.kind === "campaign" || option.kind === "text") {
      args[option.name] = tokens.join(" ");
      tokens = [];
      break;
    }
    if (option.kind === "integer") {
      if (!/^\d+$/.test(head)) {
        if (option.required) throw choiceError(option.name, head, [`a whole number`]);
        continue;
      }
      args[option.name] = convert(option, head);
      tokens = tokens.slice(1);
      continue;
    }
    if (option.kind === "time" || option.kind === "timezone" || option.kind === "number") {
      const value = positionalValue(option, head);
      if (value === undefined) {
        if (option.required) convert(option, head);
        continue;
      }
      args[option.name] = value;
      tokens = tokens.slice(1);
      continue;
    }
    const choice = matchChoice(head, option.choices ?? [], METRIC_ALIASES);
    if (choice === undefined) {
      if (option.required) throw choiceError(option.name, head, option.choices ?? []);
      continue;
    }
    args[option.name] = choice;
    tokens = tokens.slice(1);
  }

  if (tokens.length > 0) {
    throw new UserError(`I didn't understand "${echo(tokens.join(" "))}".`, "unexpected_argument", [
      usageLine(command),
      ...command.examples.slice(0, 2).map((e) => `Example: \`/campaign ${e}\``),
    ]);
  }
  requireOptions(command, args);
  return args;
}

function requireOptions(command: Command, args: Record<string, unknown>): void {
  for (const option of command.options) {
    if (option.required && args[option.name] === undefined) {
      throw new UserError(`${command.name} needs a ${option.name}.`, "missing_argument", [
        usageLine(command),
        ...(option.choices ? [`Valid ${option.name} values: ${option.choices.join(", ")}.`] : []),
      ]);
    }
  }
}

/** Converts and validates one raw value (also used for Discord's typed options). */
export function convert(option: OptionDefinition, raw: string): unknown {
  switch (option.kind) {
    case "platform":
      return parsePlatform(raw);
    case "campaign_type":
      return parseCampaignType(raw);
    case "integer": {
      const n = Number(raw);
      const min = option.min ?? 1;
      const max = option.max ?? 1000;
      if (!Number.isInteger(n) || n < min || n > max) {
        throw new UserError(
          `${option.name} must be a whole number from ${min} to ${max}.`,
          `invalid_${option.name}`,
        );
      }
      return n;
    }
    case "time":
    case "timezone":
    case "number": {
      const value = positionalValue(option, raw);
      if (value !== undefined) return value;
      if (option.kind === "time") {
        throw new UserError(`"${echo(raw)}" is not a time of day.`, `invalid_${option.name}`, [
          "Write it like `09:00`, `9am` or `17:30`.",
        ]);
      }
      if (option.kind === "number") {
        throw new UserError(`"${echo(raw)}" is not a number.`, `invalid_${option.name}`, [
          "Write it like `50`, `2.5` or `1200`.",
        ]);
      }
      throw unknownTimeZone(raw);
    }
    case "metric":
    case "choice": {
      const choice = matchChoice(raw, option.choices ?? [], METRIC_ALIASES);
      if (choice === undefined) throw choiceError(option.name, raw, option.choices ?? []);
      return choice;
    }
    default:
      return raw.trim();
  }
}

/**
 * A word read as a time, time zone or number, or undefined when it is not one (so an optional
 * positional option can be skipped). A word that is clearly meant as a zone (`Europe/Pariss`)
 * but unknown is an error rather than a skip.
 */
function positionalValue(option: OptionDefinition, word: string): string | number | undefined {
  if (option.kind === "time") return parseTimeOfDay(word);
  if (option.kind === "timezone") {
    const zone = canonicalTimeZone(word);
    if (zone) return zone;
    if (/^[A-Za-z_]+\/[A-Za-z_/+-]+$/.test(word)) throw unknownTimeZone(word);
    return undefined;
  }
  const m = /^([-+]?)[$€£]?(\d[\d,]*(?:\.\d+)?|\.\d+)%?$/.exec(word.trim());
  if (!m) return undefined;
  const n = Number(`${m[1]}${(m[2] ?? "").replace(/,/g, "")}`);
  return Number.isFinite(n) ? n : undefined;
}

function unknownTimeZone(word: string): UserError {
  const zones = Intl.supportedValuesOf("timeZone");
  return new UserError(`"${echo(word)}" is not a time zone I know.`, "unknown_timezone", [
    "Use an IANA name such as `Europe/Paris`, `America/New_York` or `UTC`.",
    `Did you mean \`${closest(word.slice(0, 40), zones)}\`?`,
  ]);
}

function unknownFilter(command: Command, key: string): UserError {
  const filters = command.options
    .filter((o) => FILTER_KINDS.has(o.kind))
    .map((o) => `${o.kind === "campaign_type" ? "type" : o.name}:`);
  return new UserError(
    `"${echo(key)}:" is not a filter ${command.name} understands.`,
    "unknown_filter",
    [filters.length ? `Filters: ${filters.join(", ")}.` : `${command.name} takes no filters.`],
  );
}

/** `roi [period] [platform:…] [type:…]` — generated from the definition. */
export function usageLine(command: Command): string {
  const parts = command.options.map((o) => {
    const label =
      o.kind === "platform"
        ? "platform:…"
        : o.kind === "campaign_type"
          ? "type:…"
          : o.kind === "period"
            ? "period"
            : o.name;
    return o.required ? `<${label}>` : `[${label}]`;
  });
  return `Usage: \`/campaign ${[command.name, ...parts].join(" ")}\``;
}
