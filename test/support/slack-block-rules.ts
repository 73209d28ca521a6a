/**
 * The Block Kit rules the Slack stand-in enforces, as Slack words its `invalid_blocks` errors
 * ("… [json-pointer:/blocks/3/text/text]"). Only what our renderer can get wrong is checked.
 */

type Json = Record<string, unknown>;

const LIMITS = {
  blocks: 50,
  sectionText: 3000,
  headerText: 150,
  fields: 10,
  fieldText: 2000,
  contextElements: 10,
  actionsElements: 25,
  buttonText: 75,
  buttonValue: 2000,
  actionId: 255,
  blockId: 255,
  altText: 2000,
} as const;

/**
 * Returns Slack-style error strings for `blocks` (empty when valid). `knownFileIds` lets image
 * blocks that point at a `slack_file` be checked against uploaded files.
 */
export function validateBlocks(blocks: unknown, knownFileIds?: ReadonlySet<string>): string[] {
  if (!Array.isArray(blocks)) return ["must be an array [json-pointer:/blocks]"];
  const errors: string[] = [];
  if (blocks.length > LIMITS.blocks) {
    errors.push(`no more than ${LIMITS.blocks} items allowed [json-pointer:/blocks]`);
  }
  const actionIds = new Set<string>();
  blocks.forEach((block, i) => {
    const at = `/blocks/${i}`;
    if (typeof block !== "object" || block === null) {
      errors.push(`must be an object [json-pointer:${at}]`);
      return;
    }
    const b = block as Json;
    if (typeof b.block_id === "string" && b.block_id.length > LIMITS.blockId) {
      errors.push(tooLong(LIMITS.blockId, `${at}/block_id`));
    }
    switch (b.type) {
      case "header":
        checkText(b.text, `${at}/text`, LIMITS.headerText, errors, "plain_text");
        break;
      case "section":
        checkSection(b, at, errors);
        break;
      case "context":
        checkElements(b.elements, `${at}/elements`, LIMITS.contextElements, errors, (e, p) =>
          (e as Json).type === "image" ? undefined : checkText(e, p, LIMITS.sectionText, errors),
        );
        break;
      case "actions":
        checkElements(b.elements, `${at}/elements`, LIMITS.actionsElements, errors, (e, p) =>
          checkButton(e as Json, p, actionIds, errors),
        );
        break;
      case "image":
        checkImage(b, at, errors, knownFileIds);
        break;
      case "divider":
      case "rich_text":
      case "markdown":
        break;
      default:
        errors.push(`unknown block type ${String(b.type)} [json-pointer:${at}/type]`);
    }
  });
  return errors;
}

function checkSection(b: Json, at: string, errors: string[]) {
  if (b.text === undefined && b.fields === undefined) {
    errors.push(`must provide either text or fields [json-pointer:${at}]`);
  }
  if (b.text !== undefined) checkText(b.text, `${at}/text`, LIMITS.sectionText, errors);
  if (b.fields !== undefined) {
    checkElements(b.fields, `${at}/fields`, LIMITS.fields, errors, (f, p) =>
      checkText(f, p, LIMITS.fieldText, errors),
    );
  }
}

function checkElements(
  elements: unknown,
  at: string,
  max: number,
  errors: string[],
  check: (element: unknown, at: string) => void,
) {
  if (!Array.isArray(elements) || elements.length === 0) {
    errors.push(`must contain at least 1 item [json-pointer:${at}]`);
    return;
  }
  if (elements.length > max) errors.push(`no more than ${max} items allowed [json-pointer:${at}]`);
  for (const [i, e] of elements.entries()) check(e, `${at}/${i}`);
}

function checkText(
  text: unknown,
  at: string,
  max: number,
  errors: string[],
  only?: "plain_text" | "mrkdwn",
) {
  const t = text as Json | undefined;
  if (!t || (t.type !== "plain_text" && t.type !== "mrkdwn") || (only && t.type !== only)) {
    errors.push(`must be a ${only ?? "text"} object [json-pointer:${at}/type]`);
    return;
  }
  if (typeof t.text !== "string" || t.text.length === 0) {
    errors.push(`must be more than 0 characters [json-pointer:${at}/text]`);
  } else if (t.text.length > max) {
    errors.push(tooLong(max, `${at}/text`));
  }
}

function checkButton(e: Json, at: string, actionIds: Set<string>, errors: string[]) {
  if (e.type !== "button") return;
  checkText(e.text, `${at}/text`, LIMITS.buttonText, errors, "plain_text");
  if (typeof e.value === "string" && e.value.length > LIMITS.buttonValue) {
    errors.push(tooLong(LIMITS.buttonValue, `${at}/value`));
  }
  if (typeof e.action_id === "string") {
    if (e.action_id.length > LIMITS.actionId)
      errors.push(tooLong(LIMITS.actionId, `${at}/action_id`));
    if (actionIds.has(e.action_id)) {
      errors.push(`action_id must be unique in a message [json-pointer:${at}/action_id]`);
    }
    actionIds.add(e.action_id);
  }
}

function checkImage(b: Json, at: string, errors: string[], knownFileIds?: ReadonlySet<string>) {
  if (typeof b.alt_text !== "string" || b.alt_text.length === 0) {
    errors.push(`must be more than 0 characters [json-pointer:${at}/alt_text]`);
  } else if (b.alt_text.length > LIMITS.altText) {
    errors.push(tooLong(LIMITS.altText, `${at}/alt_text`));
  }
  const file = b.slack_file as Json | undefined;
  if ((b.image_url === undefined) === (file === undefined)) {
    errors.push(`must provide exactly one of image_url or slack_file [json-pointer:${at}]`);
  }
  if (file && knownFileIds && (typeof file.id !== "string" || !knownFileIds.has(file.id))) {
    errors.push(`invalid slack file [json-pointer:${at}/slack_file]`);
  }
}

function tooLong(max: number, at: string): string {
  return `must be less than ${max + 1} characters [json-pointer:${at}]`;
}
