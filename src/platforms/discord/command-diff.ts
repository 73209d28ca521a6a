/**
 * What a bulk overwrite changes, told from what Discord returns (`GET …/commands`) and what we are
 * about to `PUT`. Discord echoes commands with extra fields (ids, versions, defaults such as
 * `required: false` left out), so both sides are normalised to the fields we manage first.
 */

/** A command or option as either side spells it; only the fields we manage are read. */
export interface CommandShape {
  name: string;
  type?: number;
  description?: string;
  options?: readonly unknown[];
}

export interface CommandUpdate {
  name: string;
  /** e.g. `subcommands added: audience`, `subcommands changed: roi, trend`. */
  details: string[];
}

export interface CommandChanges {
  created: string[];
  updated: CommandUpdate[];
  deleted: string[];
  unchanged: string[];
}

/**
 * @example
 * diffCommands([], buildCommandPayload(commands)) // { created: ["campaign"], updated: [], … }
 */
export function diffCommands(
  existing: readonly CommandShape[],
  desired: readonly CommandShape[],
): CommandChanges {
  const before = new Map(existing.map((c) => [c.name, c]));
  const changes: CommandChanges = { created: [], updated: [], deleted: [], unchanged: [] };
  for (const command of desired) {
    const old = before.get(command.name);
    before.delete(command.name);
    if (!old) {
      changes.created.push(command.name);
      continue;
    }
    const details = describeDifference(old, command);
    if (details.length === 0) changes.unchanged.push(command.name);
    else changes.updated.push({ name: command.name, details });
  }
  changes.deleted.push(...before.keys());
  return changes;
}

export function hasChanges(changes: CommandChanges): boolean {
  return changes.created.length + changes.updated.length + changes.deleted.length > 0;
}

/**
 * One line per change, e.g. `updated /campaign: subcommands added: audience`, or
 * `no changes (/campaign)` when the overwrite changed nothing.
 */
export function describeChanges(changes: CommandChanges): string[] {
  const lines = [
    ...changes.created.map((name) => `created /${name}`),
    ...changes.updated.map((u) => `updated /${u.name}: ${u.details.join("; ")}`),
    ...changes.deleted.map((name) => `deleted /${name}`),
  ];
  if (lines.length > 0) return lines;
  return [`no changes (${changes.unchanged.map((n) => `/${n}`).join(", ") || "no commands"})`];
}

function describeDifference(old: CommandShape, next: CommandShape): string[] {
  const details: string[] = [];
  if ((old.type ?? 1) !== (next.type ?? 1)) details.push("type changed");
  if ((old.description ?? "") !== (next.description ?? "")) details.push("description changed");
  const oldSubs = subcommands(old);
  const nextSubs = subcommands(next);
  if (oldSubs.size > 0 || nextSubs.size > 0) {
    const added = [...nextSubs.keys()].filter((n) => !oldSubs.has(n));
    const removed = [...oldSubs.keys()].filter((n) => !nextSubs.has(n));
    const changed = [...nextSubs.keys()].filter(
      (n) => oldSubs.has(n) && oldSubs.get(n) !== nextSubs.get(n),
    );
    if (added.length) details.push(`subcommands added: ${added.join(", ")}`);
    if (removed.length) details.push(`subcommands removed: ${removed.join(", ")}`);
    if (changed.length) details.push(`subcommands changed: ${changed.join(", ")}`);
    const oldOrder = [...oldSubs.keys()].filter((n) => nextSubs.has(n)).join(",");
    const nextOrder = [...nextSubs.keys()].filter((n) => oldSubs.has(n)).join(",");
    if (details.length === 0 && oldOrder !== nextOrder) details.push("subcommands reordered");
  }
  const oldOther = JSON.stringify(normaliseOptions(otherOptions(old)));
  const nextOther = JSON.stringify(normaliseOptions(otherOptions(next)));
  if (oldOther !== nextOther) details.push("options changed");
  return details;
}

const SUBCOMMAND = 1;
const SUBCOMMAND_GROUP = 2;

/** Subcommand name → its normalised JSON, in order. */
function subcommands(command: CommandShape): Map<string, string> {
  return new Map(
    (command.options ?? [])
      .map(asRecord)
      .filter((o) => o.type === SUBCOMMAND || o.type === SUBCOMMAND_GROUP)
      .map((o) => [String(o.name), JSON.stringify(normaliseOption(o))]),
  );
}

function otherOptions(command: CommandShape): Record<string, unknown>[] {
  return (command.options ?? [])
    .map(asRecord)
    .filter((o) => o.type !== SUBCOMMAND && o.type !== SUBCOMMAND_GROUP);
}

function normaliseOptions(options: readonly unknown[] | undefined): unknown[] {
  return (options ?? []).map((o) => normaliseOption(asRecord(o)));
}

/** The fields we manage, with Discord's defaults spelled out so absent and default compare equal. */
function normaliseOption(option: Record<string, unknown>): Record<string, unknown> {
  const choices = Array.isArray(option.choices)
    ? option.choices.map((c) => {
        const choice = asRecord(c);
        return { name: choice.name, value: choice.value };
      })
    : [];
  return {
    type: option.type,
    name: option.name,
    description: option.description ?? "",
    required: option.required === true,
    autocomplete: option.autocomplete === true,
    choices,
    min_value: option.min_value ?? null,
    max_value: option.max_value ?? null,
    min_length: option.min_length ?? null,
    max_length: option.max_length ?? null,
    options: normaliseOptions(Array.isArray(option.options) ? option.options : undefined),
  };
}

function asRecord(value: unknown): Record<string, unknown> {
  return typeof value === "object" && value !== null ? (value as Record<string, unknown>) : {};
}
