/**
 * Slack's Block Kit and Web API limits that shape what we send. Slack rejects a whole message
 * (`invalid_blocks`, `msg_too_long`) when one of these is exceeded, so the renderer truncates to
 * them instead: a shortened answer beats no answer.
 */
export const SLACK_LIMITS = {
  blocksPerMessage: 50,
  sectionText: 3_000,
  headerText: 150,
  fieldsPerSection: 10,
  fieldText: 2_000,
  contextElements: 10,
  contextText: 3_000,
  actionsPerBlock: 25,
  buttonText: 75,
  buttonValue: 2_000,
  actionId: 255,
  imageAltText: 2_000,
  imageTitle: 2_000,
  /** `alt_text` of files.getUploadURLExternal. */
  uploadAltText: 1_000,
  /** Files shared by one files.completeUploadExternal call show as one message's attachments. */
  filesPerMessage: 10,
  /** Top-level `text` of chat.postMessage (longer is truncated by Slack, then rejected). */
  messageText: 40_000,
  /**
   * Not documented per block: Slack answers `msg_blocks_too_long` once the text of all blocks
   * together passes roughly 13,000 characters (slackapi/bolt-js#2509), well below 50 × 3,000.
   * We stay under a round figure with some margin.
   */
  totalBlockText: 12_000,
} as const;
