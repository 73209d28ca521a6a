import { describe, expect, it } from "vitest";
import { decodeCustomId, encodeCustomId } from "../../../src/platforms/discord/button-ids";
import { invocationFromSlashCommand } from "../../../src/platforms/discord/to-invocation";

describe("invocationFromSlashCommand", () => {
  it("takes the tenant from the guild and passes the subcommand and typed options", () => {
    expect(
      invocationFromSlashCommand({
        guildId: "42",
        guildName: "Marketing HQ",
        channelId: "77",
        userId: "7",
        userName: "marketer",
        options: [
          {
            name: "top",
            type: 1,
            options: [
              { name: "metric", type: 3, value: "cpa" },
              { name: "n", type: 4, value: 10 },
              { name: "period", type: 3, value: "last 90d" },
            ],
          },
        ],
      }),
    ).toEqual({
      platform: "discord",
      tenantId: "discord:42",
      tenantName: "Marketing HQ",
      userId: "discord:7",
      userName: "marketer",
      channelId: "77",
      text: "top metric:cpa n:10 period:last 90d",
      subcommand: "top",
      options: { metric: "cpa", n: 10, period: "last 90d" },
    });
  });

  it("reads a command without a subcommand as help, and an unnamed guild as no name", () => {
    const invocation = invocationFromSlashCommand({ guildId: "42", userId: "7", options: [] });
    expect(invocation.subcommand).toBe("help");
    expect(invocation.tenantName).toBeUndefined();
    expect(invocation.options).toEqual({});
  });
});

describe("button custom ids", () => {
  it("round-trips the action id and a value that may itself contain ':'", () => {
    const customId = encodeCustomId({ id: "budget.approve", value: "rec:12" });
    expect(customId).toBe("budget.approve:rec:12");
    expect(decodeCustomId(customId ?? "")).toEqual({ actionId: "budget.approve", value: "rec:12" });
  });

  it("refuses what cannot be routed back intact", () => {
    expect(encodeCustomId({ id: "a:b", value: "1" })).toBeUndefined();
    expect(encodeCustomId({ id: "", value: "1" })).toBeUndefined();
    expect(encodeCustomId({ id: "a", value: "x".repeat(99) })).toBeUndefined();
    expect(encodeCustomId({ id: "a", value: "x".repeat(98) })).toHaveLength(100);
  });
});
