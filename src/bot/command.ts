import type { Period } from "../core/period";
import type { CampaignType, Platform } from "../store/schema";
import type { CommandAction } from "./action";
import type { Context } from "./context";
import type { Reply } from "./reply";

/**
 * How an option is typed. The same definition drives Slack/console text parsing, Discord option
 * registration and help text:
 * - `period`: a period phrase anywhere in the text (`last 30d`, `2026-01-01..2026-01-31`);
 * - `platform` / `campaign_type`: `platform:facebook`, `type:conversion` filters;
 * - `metric` / `choice`: one word from `choices`;
 * - `integer`: a whole number within `min`..`max`;
 * - `campaign`: free text matched fuzzily against the tenant's campaigns (Discord autocompletes);
 * - `text`: free text;
 * - `time`: a time of day (`09:00`, `9am`), normalised to `HH:MM`;
 * - `timezone`: an IANA zone (`Europe/Paris`), canonically spelled;
 * - `number`: a decimal number (`50`, `2.5`, `$1,200`, `12%`).
 * A `choice` option may also be written `name:value` (`late:skip`), anywhere in the text.
 */
export type OptionKind =
  | "period"
  | "platform"
  | "campaign_type"
  | "metric"
  | "choice"
  | "integer"
  | "campaign"
  | "text"
  | "time"
  | "timezone"
  | "number";

export interface OptionDefinition {
  readonly name: string;
  readonly kind: OptionKind;
  readonly description: string;
  readonly required?: boolean;
  readonly choices?: readonly string[];
  readonly min?: number;
  readonly max?: number;
  /** Free-text options (`campaign`, `text`) may take several words; at most one per command. */
}

type ValueOf<K extends OptionKind> = K extends "period"
  ? Period
  : K extends "integer" | "number"
    ? number
    : K extends "platform"
      ? Platform
      : K extends "campaign_type"
        ? CampaignType
        : string;

/** Argument object derived from a command's option definitions (periods always have a value). */
export type ArgsOf<O extends readonly OptionDefinition[]> = {
  [D in O[number] as D["name"]]: D["kind"] extends "period"
    ? Period
    : D extends { required: true }
      ? ValueOf<D["kind"]>
      : ValueOf<D["kind"]> | undefined;
};

export interface CommandDefinition<O extends readonly OptionDefinition[]> {
  /** Subcommand name as typed: `/campaign <name> …`. */
  readonly name: string;
  /** One line, shown in help and in Discord's command picker (≤ 100 chars). */
  readonly description: string;
  /** Examples shown by `help <command>`. */
  readonly examples: readonly string[];
  readonly options: O;
  run(ctx: Context, args: ArgsOf<O>): Promise<Reply>;
  /** Handlers for the buttons this command's replies carry (see src/bot/action.ts). */
  readonly actions?: readonly CommandAction[];
}

/** A command with its argument types erased, as registries and adapters hold it. */
export interface Command {
  readonly name: string;
  readonly description: string;
  readonly examples: readonly string[];
  readonly options: readonly OptionDefinition[];
  run(ctx: Context, args: Record<string, unknown>): Promise<Reply>;
  readonly actions?: readonly CommandAction[];
}

/**
 * Declares a command; `args` in `run` is typed from `options`.
 *
 * @example
 * export default defineCommand({
 *   name: "roi", description: "Rank campaigns by ROI", examples: ["roi last 30d"],
 *   options: [{ name: "period", kind: "period", description: "Period" }] as const,
 *   run: async (ctx, { period }) => ({ title: `ROI ${period.label}`, data: {} }),
 * });
 */
export function defineCommand<const O extends readonly OptionDefinition[]>(
  definition: CommandDefinition<O>,
): Command {
  return definition as unknown as Command;
}
