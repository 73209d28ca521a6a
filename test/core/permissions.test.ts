import { describe, expect, it } from "vitest";
import {
  can,
  effectiveRoles,
  hasPermission,
  isBootstrapManager,
  platformOf,
  whoMay,
} from "../../src/core/permissions";
import type { MemberRole } from "../../src/store/schema";

const actor = (
  userId: string,
  tenantId: string,
  granted: ("manager" | "importer")[] = [],
  bootstrapManagers: string[] = [],
) => ({
  userId,
  tenantId,
  granted,
  bootstrapManagers,
});

describe("permissions", () => {
  it("refuses members without a role", () => {
    expect(can(actor("slack:U2", "slack:T1"), "import")).toBe(false);
    expect(can(actor("discord:7", "discord:1"), "manage_roles")).toBe(false);
  });

  it("lets importers import, and nothing more", () => {
    const importer = actor("slack:U2", "slack:T1", ["importer"]);
    expect(can(importer, "import")).toBe(true);
    expect(can(importer, "approve_budget")).toBe(false);
    expect(can(importer, "manage_roles")).toBe(false);
  });

  it("makes managers importers too", () => {
    expect([...effectiveRoles(actor("slack:U2", "slack:T1", ["manager"]))].sort()).toEqual([
      "importer",
      "manager",
    ]);
    expect(can(actor("slack:U2", "slack:T1", ["manager"]), "approve_budget")).toBe(true);
  });

  it("makes ADPULSE_MANAGERS managers of every tenant of their own platform only", () => {
    const managers = ["slack:U1", "discord:42"];
    expect(isBootstrapManager("slack:U1", "slack:T9", managers)).toBe(true);
    expect(isBootstrapManager("slack:U1", "discord:1", managers)).toBe(false);
    expect(can(actor("discord:42", "discord:1", [], managers), "import")).toBe(true);
    expect(can(actor("discord:43", "discord:1", [], managers), "import")).toBe(false);
  });

  it("treats console and CLI users as managers", () => {
    expect(can(actor("local:cli", "local"), "import")).toBe(true);
    expect(can(actor("local:console", "slack:T1"), "manage_roles")).toBe(true);
  });

  it("names platforms and who may act", () => {
    expect(platformOf("slack:U1")).toBe("slack");
    expect(platformOf("local")).toBe("local");
    expect(whoMay("import")).toBe("Only managers or members with the importer role can do that.");
    expect(whoMay("approve_budget")).toBe("Only managers can do that.");
  });
});

describe("hasPermission", () => {
  const ctx = (userId: string, granted: MemberRole[], managers?: string[]) => ({
    store: { roles: { rolesOf: async () => granted } },
    tenant: { id: "slack:T1" },
    user: { id: userId },
    managers,
  });

  it("reads the granted roles and counts bootstrap managers", async () => {
    expect(await hasPermission(ctx("slack:U2", ["importer"]), "import")).toBe(true);
    expect(await hasPermission(ctx("slack:U2", ["importer"]), "approve_budget")).toBe(false);
    expect(await hasPermission(ctx("slack:U1", [], ["slack:U1"]), "approve_budget")).toBe(true);
    expect(await hasPermission(ctx("slack:U1", []), "approve_budget")).toBe(false);
  });
});
