/**
 * Discord's limits that shape what we send. Discord rejects a whole message or command list
 * (`50035 Invalid Form Body`) when one is exceeded, so the renderers cut to them instead: a
 * shortened answer beats no answer. Figures from Discord's developer docs (Message, Embed,
 * Component and Application Command resources).
 */
export const DISCORD_LIMITS = {
  /** Message `content`. */
  content: 2_000,
  embedsPerMessage: 10,
  /** Title + description + field names and values + footer + author, over all embeds of a message. */
  embedTotal: 6_000,
  embedTitle: 256,
  embedDescription: 4_096,
  embedFields: 25,
  fieldName: 256,
  fieldValue: 1_024,
  footerText: 2_048,
  /** Attachments per message. */
  filesPerMessage: 10,
  /** Per file (the default upload limit for a server without boosts). */
  fileBytes: 10 * 1024 * 1024,
  /** Attachment `description` (alt text). */
  attachmentDescription: 1_024,
  actionRows: 5,
  buttonsPerRow: 5,
  buttonLabel: 80,
  customId: 100,
  /** Application commands. */
  subcommands: 25,
  optionsPerCommand: 25,
  choices: 25,
  commandDescription: 100,
  optionName: 32,
  choiceName: 100,
  choiceValue: 100,
  autocompleteResults: 25,
} as const;

/** Command, subcommand and option names: lower case, no spaces. */
export const DISCORD_NAME = /^[-_a-z0-9]{1,32}$/;
