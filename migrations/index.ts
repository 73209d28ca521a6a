import type { Migration } from "kysely";
import * as createFoundation from "./202611220000-create-foundation";
import * as createJourneysAndInfluencers from "./202611220100-create-journeys-and-influencers";
import * as createRolesAndAppUsers from "./202611220200-create-roles-and-app-users";
import * as createSubscriptionsAndDeliveries from "./202611220300-create-subscriptions-and-deliveries";
import * as createBudgetRecommendations from "./202611220400-create-budget-recommendations";

/**
 * Every migration, listed explicitly (no folder scanning at run time). Keys sort in the order they
 * run; add new ones at the end with a `<YYYYMMDDHHmm>-<verb-noun>` name.
 */
export const migrations: Record<string, Migration> = {
  "202611220000-create-foundation": createFoundation,
  "202611220100-create-journeys-and-influencers": createJourneysAndInfluencers,
  "202611220200-create-roles-and-app-users": createRolesAndAppUsers,
  "202611220300-create-subscriptions-and-deliveries": createSubscriptionsAndDeliveries,
  "202611220400-create-budget-recommendations": createBudgetRecommendations,
};
