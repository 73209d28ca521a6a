/**
 * Splits command text into words, keeping "double-quoted phrases" (and “smart quotes”, which
 * Slack and phones insert) together.
 *
 * @example tokenize('compare "Spring Sale" "Brand Lift"') // ["compare", "Spring Sale", "Brand Lift"]
 */
export function tokenize(text: string): string[] {
  const tokens: string[] = [];
  const pattern = /(?:[^\s"“”]+)?["“]([^"”]*)["”]|[^\s]+/g;
  for (const match of text.matchAll(pattern)) {
    const whole = match[0];
    if (match[1] !== undefined) {
      // `campaign:"Spring Sale"` keeps its key; a bare quoted phrase becomes one token.
      const key = whole.slice(0, whole.search(/["“]/));
      tokens.push(key + match[1]);
    } else {
      tokens.push(whole);
    }
  }
  return tokens;
}
