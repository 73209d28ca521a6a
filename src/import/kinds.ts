/** What `adpulse import <kind>` accepts. */
export const IMPORT_KINDS = [
  "campaigns",
  "journeys",
  "influencers",
  "posts",
  "users",
  "user-events",
] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

const KIND_ALIASES: Readonly<Record<string, ImportKind>> = {
  campaign: "campaigns",
  ads: "campaigns",
  metrics: "campaigns",
  journey: "journeys",
  touchpoints: "journeys",
  paths: "journeys",
  influencer: "influencers",
  creators: "influencers",
  post: "posts",
  user: "users",
  members: "users",
  "user-event": "user-events",
  user_events: "user-events",
  userevents: "user-events",
  events: "user-events",
  activity: "user-events",
};

/**
 * The kind a user named, in any common spelling; undefined when it is not one.
 *
 * @example parseImportKind("User_Events") // "user-events"
 * @example parseImportKind("campaign") // "campaigns"
 */
export function parseImportKind(text: string): ImportKind | undefined {
  const word = text.trim().toLowerCase().replace(/\s+/g, "-");
  if ((IMPORT_KINDS as readonly string[]).includes(word)) return word as ImportKind;
  return KIND_ALIASES[word];
}
