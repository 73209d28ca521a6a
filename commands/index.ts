import type { Command } from "../src/bot/command";
import alert from "./alert";
import attribution from "./attribution";
import audience from "./audience";
import bestTimes from "./best-times";
import bottom from "./bottom";
import budget from "./budget";
import compare from "./compare";
import content from "./content";
import contribution from "./contribution";
import digest from "./digest";
import exportView from "./export";
import forecast from "./forecast";
import funnel from "./funnel";
import { createHelpCommand } from "./help";
import influencers from "./influencers";
import journeys from "./journeys";
import kpis from "./kpis";
import roi from "./roi";
import roles from "./roles";
import segments from "./segments";
import top from "./top";
import trend from "./trend";
import users from "./users";

/** Every `/campaign` subcommand, listed explicitly (no folder scanning), in help order. */
const commands: readonly Command[] = [
  roi,
  kpis,
  compare,
  trend,
  top,
  bottom,
  audience,
  funnel,
  contribution,
  content,
  bestTimes,
  users,
  forecast,
  segments,
  attribution,
  journeys,
  influencers,
  digest,
  alert,
  exportView,
  budget,
  roles,
  createHelpCommand(() => commands),
];

export default commands;
