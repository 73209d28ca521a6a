import { createInterface } from "node:readline";
import type { Dispatcher } from "../../bot/dispatcher";
import { writeChartFiles } from "./chart-files";
import { renderReplyAsText } from "./render-text";

export interface ConsoleOptions {
  dispatcher: Dispatcher;
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
  tenantId: string;
  userId: string;
  /** Where chart PNGs are written. */
  chartsDir: string;
}

const BANNER = `adpulse console — type a command such as "/campaign roi last 30d", "help", or "exit".`;

/**
 * The console bot: one line in, one reply out, through the same dispatcher as Slack and Discord.
 * Resolves when the input ends or the user types `exit`.
 */
export async function runConsole(options: ConsoleOptions): Promise<void> {
  const { output } = options;
  const rl = createInterface({ input: options.input, output, terminal: Boolean(output.isTTY) });
  let replies = 0;
  output.write(`${BANNER}\n`);
  rl.setPrompt("adpulse> ");
  rl.prompt();
  for await (const line of rl) {
    const text = line.trim();
    if (text === "exit" || text === "quit") break;
    if (text) {
      const reply = await options.dispatcher.dispatch({
        platform: "console",
        tenantId: options.tenantId,
        userId: options.userId,
        channelId: "console",
        text,
      });
      replies += 1;
      const chartFiles = await writeChartFiles(reply, options.chartsDir, `${replies}-`);
      output.write(
        `\n${renderReplyAsText(reply, { ansi: Boolean(output.isTTY), width: output.columns, chartFiles })}\n\n`,
      );
    }
    rl.prompt();
  }
  rl.close();
}
