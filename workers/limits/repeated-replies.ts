/**
 * The replies of an SMS turn less those the bot already texted this person within the last
 * minute (their phone shows it a few lines up): 50 × HELP answers HELP once, not 50 times.
 * A reply repeated within the turn itself is kept once too. Order is kept.
 */
export function dropRepeatedReplies<Reply extends { text: string }>(replies: Reply[], recentBodies: string[]): Reply[] {
  const seen = new Set(recentBodies.map(normalize));
  return replies.filter((reply) => {
    const key = normalize(reply.text);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

const normalize = (text: string) => text.trim().replace(/\s+/g, " ");
