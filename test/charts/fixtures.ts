import type { ReplyChart } from "../../src/bot/reply";
import {
  comparisonBarChart,
  doughnutChart,
  gaugeChart,
  rankingBarChart,
  scatterChart,
  trendLineChart,
} from "../../src/charts/builders/index";
import { count, money, percent } from "../../src/charts/measure";

/** One small chart of each kind, for tests that need "a chart of every kind". */
export function oneOfEachKind(title = (kind: string) => `${kind} chart`): ReplyChart[] {
  return [
    rankingBarChart({
      id: "ranking",
      title: title("ranking"),
      category: "Campaign",
      measure: percent("ROI"),
      items: [
        { label: "A", value: 120 },
        { label: "B", value: -30 },
        { label: "C", value: 45 },
      ],
    }),
    comparisonBarChart({
      id: "comparison",
      title: title("comparison"),
      groupTitle: "Platform",
      groups: ["facebook", "google"],
      metrics: [{ measure: money("Spend", "USD"), values: [1200, 800] }],
    }),
    trendLineChart({
      id: "trend",
      title: title("trend"),
      granularity: "day",
      measure: count("Clicks"),
      labels: ["2024-05-01", "2024-05-02", "2024-05-03"],
      series: [{ name: "facebook", values: [10, 30, 20] }],
    }),
    scatterChart({
      id: "scatter",
      title: title("scatter"),
      x: money("Spend", "USD"),
      y: percent("ROI"),
      points: [
        { label: "A", x: 1000, y: 120, group: "facebook" },
        { label: "B", x: 500, y: -30, group: "google" },
      ],
    }),
    doughnutChart({
      id: "doughnut",
      title: title("doughnut"),
      measure: count("Clicks"),
      slices: [
        { label: "female", value: 600 },
        { label: "male", value: 400 },
      ],
    }),
    gaugeChart({
      id: "gauge",
      title: title("gauge"),
      measure: count("Conversions"),
      value: 420,
      target: 600,
    }),
  ];
}
