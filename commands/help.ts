import { type Command, defineCommand } from "../src/bot/command";
import { UserError } from "../src/bot/errors";
import { echo, normalizeWord } from "../src/bot/option-values";
import { usageLine } from "../src/bot/parse-text";
import { PERIOD_FORMS } from "../src/core/period";

/**
 * `help [command]`: generated from the command definitions, so it can never drift from what the
 * parser accepts. Takes the registry lazily because the registry contains help itself.
 */
export function createHelpCommand(listCommands: () => readonly Command[]): Command {
  return defineCommand({
    name: "help",
    description: "What adpulse can answer, with examples",
    examples: ["help", "help trend"],
    options: [{ name: "command", kind: "text", description: "A command to explain" }] as const,
    async run(_ctx, { command: topic }) {
      const commands = listCommands();
      if (topic) {
        const command = commands.find((c) => c.name === normalizeWord(topic));
        if (!command) {
          throw new UserError(`There is no "${echo(topic)}" command.`, "unknown_command", [
            `Commands: ${commands.map((c) => c.name).join(", ")}.`,
          ]);
        }
        return {
          title: `/campaign ${command.name}`,
          text: [
            command.description,
            usageLine(command),
            ...command.options.map((o) => `- \`${o.name}\`: ${o.description}`),
            ...command.examples.map((e) => `Example: \`/campaign ${e}\``),
          ].join("\n"),
          ephemeral: true,
          data: {
            command: command.name,
            options: command.options.map((o) => ({
              name: o.name,
              kind: o.kind,
              choices: o.choices ?? null,
            })),
            examples: command.examples,
          },
        };
      }
      return {
        title: "adpulse — what you can ask",
        text: [
          ...commands.map(
            (c) => `- **${c.name}** — ${c.description} (\`/campaign ${c.examples[0] ?? c.name}\`)`,
          ),
          "",
          `Periods: ${PERIOD_FORMS.join(", ")} (default: last 30 days).`,
          "Filters: `platform:facebook`, `type:conversion`, or a campaign name.",
          "Import data (managers and importers): share a CSV with the bot in Slack, or `/campaign import` with the file attached in Discord.",
          "More on one command: `/campaign help <command>`.",
        ].join("\n"),
        ephemeral: true,
        data: { commands: commands.map((c) => ({ name: c.name, description: c.description })) },
      };
    },
  });
}
