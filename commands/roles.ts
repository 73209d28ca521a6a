import { defineCommand } from "../src/bot/command";
import type { Context } from "../src/bot/context";
import { UserError } from "../src/bot/errors";
import { echo } from "../src/bot/option-values";
import type { Reply } from "../src/bot/reply";
import { isBootstrapManager, platformOf } from "../src/core/permissions";
import { MEMBER_ROLES, type MemberRole } from "../src/store/schema";

const ACTIONS = ["grant", "revoke", "list"] as const;

/**
 * `roles grant|revoke @user manager|importer`, `roles list`. Managers approve budget moves (and
 * import); importers import data. Only workspace admins (Slack admins and owners), server
 * administrators (Discord Administrator permission) and the local console / CLI may grant or
 * revoke; ADPULSE_MANAGERS are managers from the start and are listed, not stored. Every grant and
 * revocation is in the audit log (RolesRepository writes it in the same transaction).
 */
export default defineCommand({
  name: "roles",
  description: "Grant or revoke the manager and importer roles (admins), or list who has them",
  examples: ["roles list", "roles grant @alice manager", "roles revoke @bob importer"],
  options: [
    {
      name: "action",
      kind: "choice",
      description: "grant, revoke or list",
      required: true,
      choices: ACTIONS,
    },
    {
      name: "role",
      kind: "choice",
      description: "manager (approves budget moves, imports) or importer (imports data)",
      choices: MEMBER_ROLES,
    },
    { name: "user", kind: "text", description: "Who: an @mention or a member id" },
  ] as const,

  async run(ctx, args) {
    if (args.action === "list") return listRoles(ctx);
    const { userId, role } = target(ctx, args.user, args.role as MemberRole | undefined);
    const now = ctx.clock.now();
    if (!(await mayManageRoles(ctx))) {
      await ctx.store.audit.append({
        tenantId: ctx.tenant.id,
        actor: ctx.user.id,
        action: "role.denied",
        subject: userId,
        details: { attempted: args.action, role },
        at: now,
      });
      throw new UserError("Only admins can grant or revoke roles.", "not_admin", [
        "Ask a workspace admin (Slack) or a server administrator (Discord) to run this command.",
      ]);
    }
    if (args.action === "grant") {
      const granted = await ctx.store.roles.grant(ctx.tenant.id, userId, role, ctx.user.id, now);
      return {
        title: granted
          ? `${userId} is now ${article(role)} ${role}`
          : `${userId} already is ${article(role)} ${role}`,
        text: `${role === "manager" ? "Managers approve or reject budget moves and can import data." : "Importers can import data."} \`/campaign roles list\` shows everyone's roles.`,
        tone: granted ? "good" : "neutral",
        data: { grant: { user: userId, role, changed: granted } },
      };
    }
    const revoked = await ctx.store.roles.revoke(ctx.tenant.id, userId, role, ctx.user.id, now);
    const bootstrap = isBootstrapManager(userId, ctx.tenant.id, ctx.managers ?? []);
    return {
      title: revoked
        ? `${userId} is no longer ${article(role)} ${role}`
        : `${userId} had no ${role} role to revoke`,
      text:
        bootstrap && role === "manager"
          ? `${userId} stays a manager through ADPULSE_MANAGERS: remove them there to take it away.`
          : undefined,
      tone: revoked ? "good" : "neutral",
      data: { revoke: { user: userId, role, changed: revoked, bootstrap } },
    };
  },
});

/** Admins of the workspace or server, and the local console / CLI (which hold the database). */
async function mayManageRoles(ctx: Context): Promise<boolean> {
  if (platformOf(ctx.user.id) === "local") return true;
  return (await ctx.user.isAdmin?.()) ?? false;
}

async function listRoles(ctx: Context): Promise<Reply> {
  const grants = await ctx.store.roles.list(ctx.tenant.id);
  const bootstrap = (ctx.managers ?? []).filter((id) =>
    isBootstrapManager(id, ctx.tenant.id, ctx.managers ?? []),
  );
  const rows = [
    ...bootstrap.map((id) => [id, "manager", "ADPULSE_MANAGERS", "—"]),
    ...grants.map((g) => [g.user_id, g.role, g.granted_by, g.granted_at.slice(0, 10)]),
  ];
  return {
    title: `Roles — ${rows.length === 0 ? "none yet" : `${rows.length}`}`,
    text:
      rows.length === 0
        ? "Nobody has a role yet. An admin grants one with `/campaign roles grant @user manager`; ADPULSE_MANAGERS lists managers from the start."
        : "Managers approve or reject budget moves (and import); importers import data.",
    table: rows.length ? { columns: ["Member", "Role", "Granted by", "Since"], rows } : undefined,
    ephemeral: true,
    data: {
      roles: [
        ...bootstrap.map((id) => ({ user: id, role: "manager", source: "bootstrap" })),
        ...grants.map((g) => ({
          user: g.user_id,
          role: g.role,
          source: "granted",
          granted_by: g.granted_by,
          granted_at: g.granted_at,
        })),
      ],
    },
  };
}

/**
 * The member and role from what was typed: `@alice manager`, `manager <@U123|alice>`, a Discord
 * `<@123>`, a bare id (`U123`, `123`) or a platform-qualified one (`slack:U123`). Bare ids take
 * the tenant's platform, so nothing typed can name a member of another platform.
 */
function target(ctx: Context, text: string | undefined, given: MemberRole | undefined) {
  const words = (text ?? "").split(/\s+/).filter(Boolean);
  let role = given;
  const rest: string[] = [];
  for (const word of words) {
    const lower = word.toLowerCase().replace(/s$/, "");
    if (!role && (MEMBER_ROLES as readonly string[]).includes(lower)) role = lower as MemberRole;
    else rest.push(word);
  }
  if (!role) {
    throw new UserError("Which role?", "missing_argument", [
      `Roles: ${MEMBER_ROLES.join(", ")}. Example: \`/campaign roles grant @alice manager\``,
    ]);
  }
  if (rest.length !== 1) {
    throw new UserError(
      rest.length === 0 ? "Who should get it?" : `"${echo(rest.join(" "))}" is not one member.`,
      "missing_argument",
      [
        "Mention them (`@alice`) or give their member id. Example: `/campaign roles grant @alice manager`",
      ],
    );
  }
  return { userId: memberId(ctx, rest[0] as string), role };
}

function memberId(ctx: Context, raw: string): string {
  const platform = platformOf(ctx.tenant.id);
  const mention = /^<@!?([A-Za-z0-9]+)(?:\|[^>]*)?>$/.exec(raw);
  const word = mention?.[1] ?? raw.replace(/^@/, "");
  const qualified = /^(slack|discord|local):([A-Za-z0-9_-]+)$/.exec(word);
  if (qualified) {
    if (qualified[1] !== platform) {
      throw new UserError(
        `${echo(word)} is not a member of this ${platform === "discord" ? "server" : "workspace"}.`,
        "wrong_platform",
        [`Members here look like \`${platform}:…\`.`],
      );
    }
    return word;
  }
  if (!/^[A-Za-z0-9_-]{2,40}$/.test(word)) {
    throw new UserError(`"${echo(raw)}" is not a member I can recognise.`, "invalid_user", [
      "Mention them (`@alice`) or give their member id (Slack: profile → ⋯ → Copy member ID).",
    ]);
  }
  if (!mention && platform === "slack" && !/^[UW][A-Z0-9]{2,}$/.test(word)) {
    throw new UserError(`"${echo(raw)}" is not a Slack member id.`, "invalid_user", [
      "Mention them so Slack sends their id (`@alice`), or paste their member id (`U0123ABCD`: profile → ⋯ → Copy member ID).",
    ]);
  }
  return `${platform}:${word}`;
}

function article(role: MemberRole): string {
  return role === "importer" ? "an" : "a";
}
