/** One message the bot sends back on the channel the customer used. */
export interface Reply {
  text: string;
  /** Optional structured payload an adapter may render richly (web chat quote card, TwiML gather hints). */
  card?: { kind: "quote_summary"; data: Record<string, unknown> };
}
