import { benchOffers } from "./offers-throughput.ts";
import { benchQuotes } from "./quote-throughput.ts";

/** `npm run bench`: runs every benchmark and prints one JSON object of figures. */
async function main(): Promise<void> {
  const startedAt = new Date().toISOString();
  const quotes = await benchQuotes();
  const offers = await benchOffers();
  process.stdout.write(`${JSON.stringify({ startedAt, node: process.version, quotes, offers }, null, 2)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exitCode = 1;
});
