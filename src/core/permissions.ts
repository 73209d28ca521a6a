import type { MemberRole } from "../store/schema";

/**
 * Who may do what beyond reading. {@link can} is pure: the caller loads the member's granted
 * roles and passes the bootstrap list from `config.managers` (ADPULSE_MANAGERS);
 * {@link hasPermission} does that loading for a command or import context.
 *
 * Rules (README of src/import and the budget-approval issue rely on them):
 * - A granted `manager` role also counts as `importer`.
 * - A bootstrap manager (`slack:U123` in ADPULSE_MANAGERS) is a manager of every tenant of the
 *   same platform (`slack:T…`), so a fresh workspace has someone who can grant roles.
 * - `local:*` users (the console REPL and the `adpulse` CLI, which only run where the database
 *   is) are managers of every tenant: they already hold the database itself. Chat adapters
 *   always prefix users with their own platform (`slack:`, `discord:`), so no chat user can
 *   present itself as `local:`.
 */
export type Permission = "import" | "manage_roles" | "approve_budget";

export const PERMISSION_ROLES: Readonly<Record<Permission, readonly MemberRole[]>> = {
  import: ["manager", "importer"],
  manage_roles: ["manager"],
  approve_budget: ["manager"],
};

export interface Actor {
  /** Platform-qualified user id: `slack:U123`, `discord:456`, `local:cli`. */
  userId: string;
  /** `slack:T…`, `discord:<guild>` or `local`. */
  tenantId: string;
  /** Roles granted in member_roles for this tenant. */
  granted: readonly MemberRole[];
  /** `config.managers`. */
  bootstrapManagers: readonly string[];
}

/**
 * The platform part of a user or tenant id.
 *
 * @example platformOf("slack:U123") // "slack"
 * @example platformOf("local") // "local"
 */
export function platformOf(id: string): string {
  const colon = id.indexOf(":");
  return colon < 0 ? id : id.slice(0, colon);
}

/**
 * True when ADPULSE_MANAGERS makes `userId` a manager of `tenantId`.
 *
 * @example isBootstrapManager("slack:U1", "slack:T9", ["slack:U1"]) // true
 * @example isBootstrapManager("slack:U1", "discord:42", ["slack:U1"]) // false
 */
export function isBootstrapManager(
  userId: string,
  tenantId: string,
  bootstrapManagers: readonly string[],
): boolean {
  return bootstrapManagers.includes(userId) && platformOf(userId) === platformOf(tenantId);
}

/**
 * Every role the actor holds in the tenant, bootstrap and implied ones included.
 *
 * @example effectiveRoles({ userId: "discord:7", tenantId: "discord:1", granted: ["manager"], bootstrapManagers: [] })
 * // Set { "manager", "importer" }
 */
export function effectiveRoles(actor: Actor): Set<MemberRole> {
  const roles = new Set<MemberRole>(actor.granted);
  if (
    platformOf(actor.userId) === "local" ||
    isBootstrapManager(actor.userId, actor.tenantId, actor.bootstrapManagers)
  ) {
    roles.add("manager");
  }
  if (roles.has("manager")) roles.add("importer");
  return roles;
}

/**
 * Whether the actor may do `permission` in its tenant.
 *
 * @example can({ userId: "slack:U2", tenantId: "slack:T1", granted: ["importer"], bootstrapManagers: [] }, "import") // true
 * @example can({ userId: "slack:U2", tenantId: "slack:T1", granted: ["importer"], bootstrapManagers: [] }, "approve_budget") // false
 */
export function can(actor: Actor, permission: Permission): boolean {
  const roles = effectiveRoles(actor);
  return PERMISSION_ROLES[permission].some((role) => roles.has(role));
}

/**
 * A sentence saying who may do it, for refusals.
 *
 * @example whoMay("import") // "Only managers or members with the importer role can do that."
 */
export function whoMay(permission: Permission): string {
  const roles = PERMISSION_ROLES[permission];
  return roles.length > 1
    ? `Only managers or members with the ${roles.filter((r) => r !== "manager").join(" or ")} role can do that.`
    : "Only managers can do that.";
}

/** What {@link hasPermission} reads: a command's Context or an import's context both fit. */
export interface PermissionContext {
  store: { roles: { rolesOf(tenantId: string, userId: string): Promise<readonly MemberRole[]> } };
  tenant: { id: string };
  user: { id: string };
  /** `config.managers`; absent counts as none. */
  managers?: readonly string[];
}

/**
 * {@link can} for the context's user in its tenant, with the roles granted there read from the
 * store: every gated action checks the same way, bootstrap managers included.
 *
 * @example if (!(await hasPermission(ctx, "approve_budget"))) return refusal(…);
 */
export async function hasPermission(
  ctx: PermissionContext,
  permission: Permission,
): Promise<boolean> {
  const granted = await ctx.store.roles.rolesOf(ctx.tenant.id, ctx.user.id);
  return can(
    {
      userId: ctx.user.id,
      tenantId: ctx.tenant.id,
      granted,
      bootstrapManagers: ctx.managers ?? [],
    },
    permission,
  );
}
