import { startFakeTwilio } from "../test/fakes/fake-twilio-server.ts";

/**
 * The fake Twilio REST API in a process of its own, so that serving the benchmark's sends does
 * not load the process whose webhooks are measured (Twilio is never on the same machine).
 * Prints `fake twilio listening at <url>`; stops on SIGTERM.
 */
const fake = await startFakeTwilio();
process.stdout.write(`fake twilio listening at ${fake.url}\n`);
process.once("SIGTERM", () => {
  void fake.close().finally(() => process.exit(0));
});
