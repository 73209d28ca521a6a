import type { Dispatcher } from "../../src/bot/dispatcher";
import type { Invocation } from "../../src/bot/invocation";
import type { Reply } from "../../src/bot/reply";
import { rankingBarChart } from "../../src/charts/builders/index";
import { percent } from "../../src/charts/measure";
import { createChartRasterizer } from "../../src/charts/rasterizer";

/**
 * A dispatcher for adapter tests: records every invocation and answers with `answer`, so the
 * Slack adapter can be exercised end to end before (and independently of) the real commands.
 */
export interface RecordingDispatcher extends Dispatcher {
  invocations: Invocation[];
}

export function recordingDispatcher(
  answer: (invocation: Invocation) => Promise<Reply>,
): RecordingDispatcher {
  const invocations: Invocation[] = [];
  return {
    invocations,
    async dispatch(invocation) {
      invocations.push(invocation);
      return answer(invocation);
    },
  };
}

const rasterizer = createChartRasterizer();

/** An ROI ranking reply like `/campaign roi last 30d` gives, with its chart rasterized (1000×500). */
export async function roiReply(options: { charts?: number } = {}): Promise<Reply> {
  const charts = Array.from({ length: options.charts ?? 1 }, (_, i) =>
    rankingBarChart({
      id: i === 0 ? "roi-ranking" : `roi-ranking-${i + 1}`,
      title: "ROI by campaign, last 30 days",
      category: "Campaign",
      measure: percent("ROI"),
      items: [
        { label: "Campaign B", value: 240 },
        { label: "Campaign C", value: 45 },
        { label: "Campaign A", value: 12 },
      ],
    }),
  );
  return {
    title: "ROI by campaign, last 30 days",
    text: "**Campaign B** leads with _240 %_ ROI.\n- Campaign C: 45 %\n- Campaign A: 12 %",
    fields: [
      { label: "Spend", value: "$12,400" },
      { label: "Revenue", value: "$31,900" },
      { label: "ROI", value: "157.3 %", tone: "good" },
    ],
    table: {
      columns: ["Campaign", "Spend", "ROI"],
      rows: [
        ["Campaign B", 2000, "240 %"],
        ["Campaign C", 4400, "45 %"],
        ["Campaign A", 6000, "12 %"],
      ],
    },
    charts: await rasterizer.renderAll(charts),
    context: "1–30 June · all platforms",
    data: { roi: 157.3 },
  };
}

/** A private reply, as the dispatcher gives for user errors and help. */
export function ephemeralReply(): Reply {
  return {
    title: "Can't do that yet",
    text: "Unknown period `last 3 fortnights`.\nTry `last 30d`.",
    ephemeral: true,
    tone: "bad",
    data: { error: { code: "bad_period" } },
  };
}
