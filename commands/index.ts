import type { Command } from "../src/bot/command";
import audience from "./audience";
import bottom from "./bottom";
import compare from "./compare";
import { createHelpCommand } from "./help";
import kpis from "./kpis";
import roi from "./roi";
import top from "./top";
import trend from "./trend";

/** Every `/campaign` subcommand, listed explicitly (no folder scanning), in help order. */
const commands: readonly Command[] = [
  roi,
  kpis,
  compare,
  trend,
  top,
  bottom,
  audience,
  createHelpCommand(() => commands),
];

export default commands;
