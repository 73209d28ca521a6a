import { describe, expect, it } from "vitest";
import commands from "../../../commands/index";
import {
  type CommandShape,
  describeChanges,
  diffCommands,
  hasChanges,
} from "../../../src/platforms/discord/command-diff";
import { buildCommandPayload } from "../../../src/platforms/discord/command-payload";

// biome-ignore lint/suspicious/noExplicitAny: tests build Discord's JSON freely
type Json = Record<string, any>;

const desired = buildCommandPayload(commands) as unknown as Json[];

/** Both sides as diffCommands reads them (tests build loose JSON). */
function diff(existing: readonly Json[], next: readonly Json[] = desired) {
  return diffCommands(existing as unknown as CommandShape[], next as unknown as CommandShape[]);
}

/** What Discord returns from GET for commands it stored: extra fields, defaults left out. */
function asDiscordEchoes(list: readonly Json[]): Json[] {
  const strip = (option: Json): Json => {
    const { required, autocomplete, options, ...rest } = option;
    return {
      ...rest,
      ...(required ? { required } : {}),
      ...(autocomplete ? { autocomplete } : {}),
      ...(options ? { options: options.map(strip) } : {}),
      name_localizations: null,
      description_localizations: null,
    };
  };
  return list.map((command) => ({
    id: "1400000000000000001",
    application_id: "1100000000000000001",
    version: "1400000000000000009",
    default_member_permissions: null,
    nsfw: false,
    integration_types: [0],
    contexts: null,
    ...strip(command),
  }));
}

describe("diffCommands", () => {
  it("reports a first registration as created", () => {
    const changes = diff([]);
    expect(changes).toEqual({ created: ["campaign"], updated: [], deleted: [], unchanged: [] });
    expect(describeChanges(changes)).toEqual(["created /campaign"]);
  });

  it("sees no change in Discord's echo of the same commands (extra fields, defaults omitted)", () => {
    const changes = diff(asDiscordEchoes(desired));
    expect(hasChanges(changes)).toBe(false);
    expect(describeChanges(changes)).toEqual(["no changes (/campaign)"]);
  });

  it("names added, removed and changed subcommands", () => {
    const old = structuredClone(desired);
    const options = old[0]?.options as Json[];
    const withoutAudience = options.filter((o) => o.name !== "audience");
    const roi = withoutAudience.find((o) => o.name === "roi") as Json;
    roi.description = "Old wording";
    withoutAudience.push({ type: 1, name: "legacy", description: "Gone now" });
    (old[0] as Json).options = withoutAudience;
    const changes = diff(asDiscordEchoes(old));
    expect(changes.updated).toEqual([
      {
        name: "campaign",
        details: [
          "subcommands added: audience",
          "subcommands removed: legacy",
          "subcommands changed: roi",
        ],
      },
    ]);
    expect(describeChanges(changes)[0]).toBe(
      "updated /campaign: subcommands added: audience; subcommands removed: legacy; subcommands changed: roi",
    );
  });

  it("notices an option that changed inside a subcommand (e.g. a new platform choice)", () => {
    const old = structuredClone(desired);
    const roi = ((old[0] as Json).options as Json[]).find((o) => o.name === "roi") as Json;
    const platform = (roi.options as Json[]).find((o) => o.name === "platform") as Json;
    platform.choices = platform.choices.slice(0, 2);
    expect(diff(asDiscordEchoes(old)).updated[0]?.details).toEqual(["subcommands changed: roi"]);
  });

  it("reports commands we no longer define as deleted", () => {
    const changes = diff([{ name: "kpi-old", description: "x" }, ...desired]);
    expect(changes.deleted).toEqual(["kpi-old"]);
    expect(changes.unchanged).toEqual(["campaign"]);
  });
});
