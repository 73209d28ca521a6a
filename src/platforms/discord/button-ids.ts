import type { ReplyAction } from "../../bot/reply";
import { DISCORD_LIMITS as L } from "./discord-limits";

/**
 * A button's `custom_id` carries the action id and its value as `<id>:<value>` (Discord gives a
 * button no separate value field). The id may not contain `:`; the value may. Returns undefined
 * when the pair does not fit Discord's 100 characters: a cut value would route a different
 * payload back, so such a button is left out rather than shortened.
 *
 * @example encodeCustomId({ id: "budget.approve", value: "rec-12", label: "Approve" })
 * // "budget.approve:rec-12"
 */
export function encodeCustomId(action: Pick<ReplyAction, "id" | "value">): string | undefined {
  if (!action.id || action.id.includes(":")) return undefined;
  const customId = `${action.id}:${action.value}`;
  return customId.length <= L.customId ? customId : undefined;
}

/** The action id and value back from a clicked button's `custom_id`. */
export function decodeCustomId(customId: string): { actionId: string; value: string } {
  const at = customId.indexOf(":");
  if (at < 0) return { actionId: customId, value: "" };
  return { actionId: customId.slice(0, at), value: customId.slice(at + 1) };
}
