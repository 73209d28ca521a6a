/** Journey analytics over touchpoints and folded paths (pure: no I/O, no clock). */
export { buildJourneys, type Journey, type TouchRow } from "./build-journeys";
export {
  CHANNEL_ROLES,
  type ChannelRole,
  type ChannelRoleCounts,
  channelRoles,
} from "./channel-roles";
export { foldJourneys } from "./fold-journeys";
export { type PathLengthBucket, pathLengthDistribution } from "./path-lengths";
export {
  TIME_TO_CONVERSION_BUCKETS,
  type TimeToConversion,
  timeToConversion,
} from "./time-to-conversion";
export { type PathSummary, topPaths } from "./top-paths";
