/**
 * INTERACTION_CREATE payloads as Discord sends them over the gateway (API v10), for the stand-in
 * to dispatch: slash commands, autocomplete requests and button clicks, in a server or a DM.
 * The stand-in fills in `id`, `token` and `application_id`.
 */

type Json = Record<string, unknown>;

export interface Person {
  id: string;
  username: string;
}

export const MARKETER: Person = { id: "3300000000000000001", username: "marketer" };

export interface Place {
  /** Absent for a DM. */
  guildId?: string;
  channelId: string;
}

export type OptionValues = Record<string, string | number | boolean>;

function user(person: Person): Json {
  return {
    id: person.id,
    username: person.username,
    discriminator: "0",
    global_name: person.username,
    avatar: null,
    public_flags: 0,
  };
}

/** Who and where: `member` + guild channel in a server, `user` + DM channel otherwise. */
function context(place: Place, person: Person): Json {
  if (!place.guildId) {
    return {
      user: user(person),
      channel_id: place.channelId,
      channel: { id: place.channelId, type: 1, last_message_id: null, flags: 0 },
      context: 1,
      authorizing_integration_owners: { "1": person.id },
    };
  }
  return {
    guild_id: place.guildId,
    guild_locale: "en-US",
    channel_id: place.channelId,
    channel: {
      id: place.channelId,
      type: 0,
      guild_id: place.guildId,
      name: "marketing",
      position: 0,
      permission_overwrites: [],
      nsfw: false,
      parent_id: null,
      last_message_id: null,
      flags: 0,
      topic: null,
      rate_limit_per_user: 0,
    },
    member: {
      user: user(person),
      roles: [],
      joined_at: "2026-01-05T09:00:00.000000+00:00",
      deaf: false,
      mute: false,
      flags: 0,
      pending: false,
      nick: null,
      avatar: null,
      premium_since: null,
      permissions: "2248473465835073",
    },
    context: 0,
    authorizing_integration_owners: { "0": place.guildId },
  };
}

function typedOptions(values: OptionValues, focused?: string): Json[] {
  return Object.entries(values).map(([name, value]) => ({
    name,
    type: typeof value === "number" ? 4 : typeof value === "boolean" ? 5 : 3,
    value,
    ...(name === focused ? { focused: true } : {}),
  }));
}

const COMMON = {
  version: 1,
  locale: "en-US",
  app_permissions: "2248473465835073",
  entitlements: [],
  attachment_size_limit: 10 * 1024 * 1024,
};

/** `/campaign <subcommand> option:value …` (interaction type 2). */
export function slashCommand(
  place: Place,
  subcommand: string,
  options: OptionValues = {},
  person: Person = MARKETER,
): Json {
  return {
    ...COMMON,
    type: 2,
    data: {
      id: "1400000000000000001",
      name: "campaign",
      type: 1,
      options: [{ name: subcommand, type: 1, options: typedOptions(options) }],
    },
    ...context(place, person),
  };
}

/**
 * `/campaign <subcommand>` with a file attached to option `fileOption` (type 11): the option's
 * value is the attachment id, and `data.resolved.attachments` carries the attachment object
 * (from the stand-in's `hostAttachment`).
 */
export function slashCommandWithFile(
  place: Place,
  subcommand: string,
  fileOption: string,
  attachment: Json,
  options: OptionValues = {},
  person: Person = MARKETER,
): Json {
  const command = slashCommand(place, subcommand, options, person);
  const data = command.data as Json;
  const [sub] = data.options as Json[];
  (sub as Json).options = [
    { name: fileOption, type: 11, value: attachment.id },
    ...((sub as Json).options as Json[]),
  ];
  data.resolved = { attachments: { [String(attachment.id)]: attachment } };
  return command;
}

/** Typing into `focused` of `/campaign <subcommand>` (interaction type 4). */
export function autocomplete(
  place: Place,
  subcommand: string,
  options: OptionValues,
  focused: string,
  person: Person = MARKETER,
): Json {
  return {
    ...COMMON,
    type: 4,
    data: {
      id: "1400000000000000001",
      name: "campaign",
      type: 1,
      options: [{ name: subcommand, type: 1, options: typedOptions(options, focused) }],
    },
    ...context(place, person),
  };
}

/** A press on a button with `customId` on `message` (interaction type 3). */
export function buttonClick(
  place: Place,
  customId: string,
  message: Json,
  person: Person = MARKETER,
): Json {
  return {
    ...COMMON,
    type: 3,
    data: { custom_id: customId, component_type: 2 },
    message,
    ...context(place, person),
  };
}
