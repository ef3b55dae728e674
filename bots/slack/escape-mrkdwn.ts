// Slack's three control characters in mrkdwn; everything else is shown as typed.
const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;" };

/**
 * Cuts text to at most `maxChars` UTF-16 units, ending a cut in "…" and never splitting an emoji.
 * Slack rejects a whole message when one text exceeds its limit, so user text is cut instead.
 */
export function truncateText(text: string, maxChars: number): string {
  if (text.length <= maxChars) return text;
  let kept = "";
  for (const char of text) {
    if (kept.length + char.length > maxChars - 1) break;
    kept += char;
  }
  return `${kept}…`;
}

/**
 * Makes user-provided text safe inside Slack mrkdwn: `&`, `<` and `>` are Slack's control
 * characters, so a customer typing `<!channel>` or `<https://evil|bank>` cannot ping or link.
 * The escaped result is at most `maxChars` long (default: no limit); a cut never splits an
 * entity such as `&amp;`, and ends in "…".
 */
export function escapeMrkdwn(text: string, maxChars = Number.POSITIVE_INFINITY): string {
  const escaped = text.replace(/[&<>]/g, (char) => ESCAPES[char] ?? char);
  if (escaped.length <= maxChars) return escaped;
  let kept = "";
  for (const char of text) {
    const piece = ESCAPES[char] ?? char;
    if (kept.length + piece.length > maxChars - 1) break;
    kept += piece;
  }
  return `${kept}…`;
}

/** A Slack mention for a well-formed user id; anything else is shown escaped, never as markup. */
export function mentionUser(userId: string | null): string {
  if (userId === null) return "someone";
  return /^[UW][A-Z0-9]{2,}$/.test(userId) ? `<@${userId}>` : escapeMrkdwn(userId, 40);
}
