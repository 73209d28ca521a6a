/**
 * The limits the Discord stand-in enforces, written from Discord's docs independently of the
 * adapter's own constants, and reported the way Discord words `50035 Invalid Form Body` errors
 * (`embeds[0].description: BASE_TYPE_MAX_LENGTH`). Only what an adapter can get wrong is checked.
 */

type Json = Record<string, unknown>;

const MAX = {
  content: 2000,
  embeds: 10,
  embedTotal: 6000,
  title: 256,
  description: 4096,
  fields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  author: 256,
  actionRows: 5,
  rowComponents: 5,
  buttonLabel: 80,
  customId: 100,
  attachmentDescription: 1024,
  // Application commands.
  commandName: 32,
  commandDescription: 100,
  commandOptions: 25,
  choices: 25,
  choiceName: 100,
  choiceValue: 100,
  autocompleteChoices: 25,
} as const;

const NAME = /^[-_\p{Ll}\p{N}]{1,32}$/u;

/** Errors for a message body (interaction response data, webhook execute/edit). */
export function validateMessage(body: Json): string[] {
  const errors: string[] = [];
  if (typeof body.content === "string" && body.content.length > MAX.content) {
    errors.push(`content: BASE_TYPE_MAX_LENGTH (${body.content.length} > ${MAX.content})`);
  }
  const embeds = Array.isArray(body.embeds) ? (body.embeds as Json[]) : [];
  if (embeds.length > MAX.embeds) errors.push(`embeds: BASE_TYPE_MAX_LENGTH (${embeds.length})`);
  let total = 0;
  embeds.forEach((embed, i) => {
    const at = `embeds[${i}]`;
    total += checkLength(embed.title, MAX.title, `${at}.title`, errors);
    total += checkLength(embed.description, MAX.description, `${at}.description`, errors);
    total += checkLength(
      (embed.footer as Json | undefined)?.text,
      MAX.footer,
      `${at}.footer.text`,
      errors,
    );
    total += checkLength(
      (embed.author as Json | undefined)?.name,
      MAX.author,
      `${at}.author.name`,
      errors,
    );
    const fields = Array.isArray(embed.fields) ? (embed.fields as Json[]) : [];
    if (fields.length > MAX.fields)
      errors.push(`${at}.fields: BASE_TYPE_MAX_LENGTH (${fields.length})`);
    fields.forEach((field, j) => {
      if (typeof field.name !== "string" || field.name === "") {
        errors.push(`${at}.fields[${j}].name: BASE_TYPE_REQUIRED`);
      }
      if (typeof field.value !== "string" || field.value === "") {
        errors.push(`${at}.fields[${j}].value: BASE_TYPE_REQUIRED`);
      }
      total += checkLength(field.name, MAX.fieldName, `${at}.fields[${j}].name`, errors);
      total += checkLength(field.value, MAX.fieldValue, `${at}.fields[${j}].value`, errors);
    });
    if (embed.color !== undefined && (typeof embed.color !== "number" || embed.color > 0xffffff)) {
      errors.push(`${at}.color: NUMBER_TYPE_MAX`);
    }
  });
  if (total > MAX.embedTotal)
    errors.push(`embeds: MAX_EMBED_SIZE_EXCEEDED (${total} > ${MAX.embedTotal})`);

  const rows = Array.isArray(body.components) ? (body.components as Json[]) : [];
  if (rows.length > MAX.actionRows)
    errors.push(`components: BASE_TYPE_MAX_LENGTH (${rows.length})`);
  const customIds = new Set<string>();
  rows.forEach((row, i) => {
    const items = Array.isArray(row.components) ? (row.components as Json[]) : [];
    if (row.type !== 1) errors.push(`components[${i}].type: must be an action row (1)`);
    if (items.length === 0 || items.length > MAX.rowComponents) {
      errors.push(`components[${i}].components: BASE_TYPE_BAD_LENGTH (${items.length})`);
    }
    items.forEach((button, j) => {
      const at = `components[${i}].components[${j}]`;
      checkLength(button.label, MAX.buttonLabel, `${at}.label`, errors);
      if (button.style !== 5) {
        if (typeof button.custom_id !== "string" || button.custom_id === "") {
          errors.push(`${at}.custom_id: BASE_TYPE_REQUIRED`);
        } else {
          checkLength(button.custom_id, MAX.customId, `${at}.custom_id`, errors);
          if (customIds.has(button.custom_id))
            errors.push(`${at}.custom_id: COMPONENT_CUSTOM_ID_DUPLICATED`);
          customIds.add(button.custom_id);
        }
      }
    });
  });

  const attachments = Array.isArray(body.attachments) ? (body.attachments as Json[]) : [];
  attachments.forEach((a, i) => {
    checkLength(a.description, MAX.attachmentDescription, `attachments[${i}].description`, errors);
  });
  return errors;
}

/** Errors for an autocomplete answer (`type: 8`, `data.choices`). */
export function validateAutocomplete(data: Json): string[] {
  const errors: string[] = [];
  const choices = Array.isArray(data.choices) ? (data.choices as Json[]) : undefined;
  if (!choices) return ["data.choices: BASE_TYPE_REQUIRED"];
  if (choices.length > MAX.autocompleteChoices) {
    errors.push(`data.choices: BASE_TYPE_MAX_LENGTH (${choices.length})`);
  }
  choices.forEach((c, i) => {
    checkChoice(c, `data.choices[${i}]`, errors);
  });
  return errors;
}

/** Errors for a bulk overwrite body (`PUT …/commands`). */
export function validateCommands(body: unknown): string[] {
  if (!Array.isArray(body)) return ["body: must be an array"];
  const errors: string[] = [];
  const names = new Set<string>();
  (body as Json[]).forEach((command, i) => {
    const at = `${i}`;
    checkName(command.name, `${at}.name`, errors);
    if (names.has(String(command.name)))
      errors.push(`${at}.name: APPLICATION_COMMANDS_DUPLICATE_NAME`);
    names.add(String(command.name));
    if ((command.type ?? 1) === 1)
      checkDescription(command.description, `${at}.description`, errors);
    checkOptions(command.options, `${at}.options`, errors, 0);
  });
  return errors;
}

function checkOptions(options: unknown, at: string, errors: string[], depth: number): void {
  if (options === undefined) return;
  if (!Array.isArray(options)) {
    errors.push(`${at}: must be an array`);
    return;
  }
  if (options.length > MAX.commandOptions)
    errors.push(`${at}: BASE_TYPE_MAX_LENGTH (${options.length})`);
  const names = new Set<string>();
  let optionalSeen = false;
  (options as Json[]).forEach((option, i) => {
    const here = `${at}[${i}]`;
    checkName(option.name, `${here}.name`, errors);
    if (names.has(String(option.name))) errors.push(`${here}.name: duplicate option name`);
    names.add(String(option.name));
    checkDescription(option.description, `${here}.description`, errors);
    const type = option.type;
    if (type === 1 || type === 2) {
      if (depth > 1) errors.push(`${here}.type: subcommands nest at most two levels`);
      checkOptions(option.options, `${here}.options`, errors, depth + 1);
      return;
    }
    if (typeof type !== "number" || type < 3 || type > 11) errors.push(`${here}.type: invalid`);
    if (option.required === true && optionalSeen) {
      errors.push(
        `${here}.required: APPLICATION_COMMAND_OPTIONS_REQUIRED_INVALID (required options must come first)`,
      );
    }
    if (option.required !== true) optionalSeen = true;
    const choices = Array.isArray(option.choices) ? (option.choices as Json[]) : undefined;
    if (choices && option.autocomplete === true) {
      errors.push(`${here}.autocomplete: cannot be set with choices`);
    }
    if (choices) {
      if (choices.length > MAX.choices)
        errors.push(`${here}.choices: BASE_TYPE_MAX_LENGTH (${choices.length})`);
      choices.forEach((c, j) => {
        checkChoice(c, `${here}.choices[${j}]`, errors);
      });
    }
    if (
      (option.min_value !== undefined || option.max_value !== undefined) &&
      type !== 4 &&
      type !== 10
    ) {
      errors.push(`${here}.min_value: only for INTEGER and NUMBER options`);
    }
  });
}

function checkChoice(choice: Json, at: string, errors: string[]): void {
  if (typeof choice.name !== "string" || choice.name === "")
    errors.push(`${at}.name: BASE_TYPE_REQUIRED`);
  checkLength(choice.name, MAX.choiceName, `${at}.name`, errors);
  if (typeof choice.value === "string")
    checkLength(choice.value, MAX.choiceValue, `${at}.value`, errors);
  else if (typeof choice.value !== "number") errors.push(`${at}.value: BASE_TYPE_REQUIRED`);
}

function checkName(name: unknown, at: string, errors: string[]): void {
  if (typeof name !== "string" || !NAME.test(name))
    errors.push(`${at}: APPLICATION_COMMAND_INVALID_NAME`);
}

function checkDescription(description: unknown, at: string, errors: string[]): void {
  if (typeof description !== "string" || description.length < 1) {
    errors.push(`${at}: BASE_TYPE_REQUIRED`);
  } else {
    checkLength(description, MAX.commandDescription, at, errors);
  }
}

/** Counts `value`'s length toward the embed total and reports it when over `max`. */
function checkLength(value: unknown, max: number, at: string, errors: string[]): number {
  if (typeof value !== "string") return 0;
  // Discord counts characters; UTF-16 units are never fewer, so this is the safe side.
  if (value.length > max) errors.push(`${at}: BASE_TYPE_MAX_LENGTH (${value.length} > ${max})`);
  return value.length;
}
