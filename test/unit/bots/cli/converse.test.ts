import { describe, expect, it } from "vitest";
import { type RunningProcess, spawnTs } from "../../../support/spawn-process.ts";

const NOW = "2026-11-23T10:00:00-07:00";
/** The CLI reads OPENAI_API_KEY through config/env; an empty key keeps it on the parser. */
const ENV = { OPENAI_API_KEY: "", LOG_LEVEL: "warn" };

interface BotLine {
  role: "bot";
  text: string;
}
interface FinalLine {
  final: {
    state: string;
    request: Record<string, unknown> & { customer: { name: string | null; organization: string | null; phone: string | null } };
    quote: { totalCents: number } | null;
  };
}

function start(args: string[]): RunningProcess {
  return spawnTs("bots/cli/main.ts", ["converse", ...args], ENV);
}

/** Writes every line, closes stdin and returns the parsed JSON lines and the exit code. */
async function converse(args: string[], lines: string[]) {
  const cli = start(args);
  cli.child.stdin?.end(lines.map((line) => `${line}\n`).join(""));
  const code = await cli.exited;
  const out = cli.stdout().trim().split("\n").filter(Boolean).map((line) => JSON.parse(line) as BotLine | FinalLine);
  const bot = out.filter((line): line is BotLine => "role" in line).map((line) => line.text);
  const final = out.at(-1) as FinalLine;
  return { code, bot, final: final.final, stderr: cli.stderr(), out };
}

describe("converse CLI", { timeout: 90_000 }, () => {
  it("takes a full booking and prints the submitted request with its quote", async () => {
    const { code, bot, final, out } = await converse(
      ["--agency", "tucson-az-pd", "--now", NOW],
      [
        "Hi, this is Maria Lopez from Desert Grocers. We need 2 officers for our store at 4500 E Broadway Blvd, Tucson this Saturday 6pm to 11pm",
        "no",
        "none",
        "Ask for the manager at the front",
        "yes",
      ],
    );
    expect(code).toBe(0);
    for (const line of out.slice(0, -1)) expect(Object.keys(line)).toEqual(["role", "text"]);
    expect(bot.some((text) => text.startsWith("Here is your request:"))).toBe(true);
    expect(bot.at(-1)).toMatch(/Request #1001 is submitted/);
    expect(final.state).toBe("submitted");
    expect(final.request).toMatchObject({
      agency: "tucson-az-pd",
      start: "2026-11-28T18:00:00-07:00",
      end: "2026-11-28T23:00:00-07:00",
      officers: 2,
      vehicles: 0,
      eventType: "store security",
      address: { line1: "4500 E Broadway Blvd", city: "Tucson", state: "AZ" },
      flags: { armedPrivateSecurity: false, civilLegalService: false, bodyguardOrBouncer: false, alcoholPrincipalBusiness: false },
      customer: { name: "Maria Lopez", organization: "Desert Grocers", phone: "+15555550123" },
    });
    expect(final.quote?.totalCents).toBe(70510);
  });

  it("refuses prohibited work with the reason", async () => {
    const { bot, final } = await converse(
      ["--agency", "tucson-az-pd", "--now", NOW],
      ["need 2 officers saturday 6pm to 11pm at 4500 E Broadway Blvd for a nightclub, bouncer work", "no", "no", "no", "yes", "no", "Sam Ortiz", "none", "none"],
    );
    // Refused on the first message; later messages are told how to start over, not refused again at length.
    expect(bot[1]).toMatch(/^Sorry, we can.t take this request\..*bouncer/i);
    expect(bot.at(-1)).toMatch(/Text START OVER/);
    expect(final.state).toBe("refused");
    expect(final.quote).not.toBeNull();
  });

  it("escalates on AGENT and stays silent after", async () => {
    const { bot, final } = await converse(["--agency", "rockport-tx-pd", "--now", NOW], ["need 2 officers friday", "AGENT", "hello?"]);
    expect(bot.at(-1)).toBe("I'm connecting you with a dispatcher. Someone will reply here shortly.");
    expect(final.state).toBe("escalated");
    expect(final.quote).toBeNull();
  });

  it("converses in Spanish with --lang es", async () => {
    const { bot, final } = await converse(["--agency", "mesquite-tx-pd", "--now", NOW, "--lang", "es"], ["necesito 3 oficiales el viernes de 8am a 2pm"]);
    expect(bot[0]).toMatch(/^¡Hola!/);
    expect(bot.at(-1)).toBe("¿Cuál es la dirección del trabajo? (calle, ciudad)");
    expect(final.state).toBe("collecting");
    expect(final.request).toMatchObject({ officers: 3, language: "es", start: "2026-11-27T08:00:00-06:00" });
  });

  it.each([
    [["--now", NOW]],
    [["--agency", "nowhere-pd"]],
    [["--agency", "tucson-az-pd", "--now", "yesterday"]],
    [["--agency", "tucson-az-pd", "--bogus"]],
  ])("exits 2 on bad arguments %j", async (args) => {
    const cli = start(args);
    cli.child.stdin?.end();
    expect(await cli.exited).toBe(2);
    expect(cli.stderr()).not.toBe("");
    expect(cli.stdout()).toBe("");
  });

  it("answers each line before reading the next", async () => {
    const cli = start(["--agency", "tucson-az-pd", "--now", NOW]);
    try {
      cli.child.stdin?.write("need 2 officers saturday\n");
      await cli.waitForLine(/What time should the shift start/, 60_000);
      expect(cli.stdout()).not.toMatch(/end, or how many hours/);
      cli.child.stdin?.write("6pm\n");
      await cli.waitForLine(/end, or how many hours/, 60_000);
      expect(cli.stdout()).not.toMatch(/final/);
      cli.child.stdin?.end("11pm\n");
      expect(await cli.exited).toBe(0);
      const final = JSON.parse(cli.stdout().trim().split("\n").at(-1) ?? "{}") as FinalLine;
      expect(final.final.request).toMatchObject({ start: "2026-11-28T18:00:00-07:00", end: "2026-11-28T23:00:00-07:00" });
    } finally {
      await cli.stop();
    }
  });
});
