import { KPI_NAMES, TOTAL_NAMES } from "../core/kpis";
import { PERIOD_FORMS } from "../core/period";
import { CAMPAIGN_TYPES, PLATFORMS } from "../store/schema";

// Option definitions shared by several commands, so `platform:` means the same everywhere and
// Discord registers identical choices for each command.

export const periodOption = {
  name: "period",
  kind: "period",
  description: `Period (default last 30d): ${PERIOD_FORMS.slice(0, 4).join(", ")}`,
} as const;

export const platformOption = {
  name: "platform",
  kind: "platform",
  description: "Only this ad platform",
  choices: PLATFORMS,
} as const;

export const typeOption = {
  name: "type",
  kind: "campaign_type",
  description: "Only this campaign type",
  choices: CAMPAIGN_TYPES,
} as const;

export const campaignOption = {
  name: "campaign",
  kind: "campaign",
  description: "One campaign, by name (fuzzy) or id",
} as const;

/**
 * What a report on a set of campaigns takes: the period and the filters `resolveScope` reads.
 * One list, so those commands offer their options in the same order on every surface.
 */
export const campaignReportOptions = [
  periodOption,
  platformOption,
  typeOption,
  campaignOption,
] as const;

/** Every metric a user can rank, trend or compare by: KPIs and raw totals. */
export const METRIC_CHOICES = [...KPI_NAMES, ...TOTAL_NAMES] as const;
