import { defineCommand } from "../src/bot/command";
import {
  METRIC_CHOICES,
  periodOption,
  platformOption,
  typeOption,
} from "../src/bot/common-options";
import { rankingReply } from "../src/reports/ranking-reply";

export default defineCommand({
  name: "bottom",
  description: "The weakest campaigns by any metric (default ROI)",
  examples: ["bottom", "bottom cpa 10 last 90d", "bottom ctr 5 platform:instagram"],
  options: [
    {
      name: "metric",
      kind: "metric",
      description: "Metric to rank by (default roi)",
      choices: METRIC_CHOICES,
    },
    {
      name: "n",
      kind: "integer",
      description: "How many campaigns (1–50, default 5)",
      min: 1,
      max: 50,
    },
    periodOption,
    platformOption,
    typeOption,
  ] as const,
  run: (ctx, { metric, n, period, platform, type }) =>
    rankingReply(ctx, {
      metric: metric ?? "roi",
      n: n ?? 5,
      period,
      platform,
      type,
      end: "bottom",
    }),
});
