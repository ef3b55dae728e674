import { PassThrough } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inject } from "vitest";
import { runBillingCycle } from "../../../bots/cli/commands/billing-cycle.ts";
import { commands } from "../../../bots/cli/commands/index.ts";
import { createPrismaClient, type PrismaClient } from "../../../prisma/client.ts";
import { newCustomerPhone } from "../../support/twilio-sms.ts";

const AGENCY = "tucson-az-pd";
const AT = new Date("2026-11-20T17:00:00Z");

describe("billing-cycle CLI (in process, on the run's database)", () => {
  let prisma: PrismaClient;

  beforeAll(() => {
    prisma = createPrismaClient(inject("databaseUrl"));
  });
  afterAll(async () => {
    await prisma?.$disconnect();
  });

  async function runInProcess(args: string[]) {
    const io = { stdin: new PassThrough(), stdout: new PassThrough(), stderr: new PassThrough() };
    const out: string[] = [];
    const err: string[] = [];
    io.stdout.on("data", (chunk: Buffer) => out.push(chunk.toString("utf8")));
    io.stderr.on("data", (chunk: Buffer) => err.push(chunk.toString("utf8")));
    const code = await runBillingCycle(args, io, () => createPrismaClient(inject("databaseUrl")), () => AT);
    return { code, stdout: out.join(""), stderr: err.join("") };
  }

  const auditOf = (customerId: string) =>
    prisma.auditEvent.findMany({ where: { entityType: "Customer", entityId: customerId, action: "customer.billing_cycle_changed" }, orderBy: { id: "asc" } });

  it("puts a customer on a monthly account and back, each change in the audit trail", async () => {
    const phone = newCustomerPhone();
    const customer = await prisma.customer.create({ data: { agencyId: AGENCY, contact: phone, name: "Desert Bloom Events" } });

    const monthly = await runInProcess(["--agency", AGENCY, "--customer", phone, "--cycle", "monthly"]);
    expect(monthly).toEqual({ code: 0, stdout: `Desert Bloom Events (${phone}): billing cycle per_request -> monthly.\n`, stderr: "" });
    expect((await prisma.customer.findUniqueOrThrow({ where: { id: customer.id } })).billingCycle).toBe("monthly");

    const again = await runInProcess(["--agency", AGENCY, "--customer", phone, "--cycle", "monthly"]);
    expect(again).toMatchObject({ code: 0, stdout: `Desert Bloom Events (${phone}) is already billed monthly; nothing changed.\n` });

    expect((await runInProcess(["--agency", AGENCY, "--customer", phone, "--cycle", "per_request"])).code).toBe(0);
    const audit = await auditOf(customer.id);
    expect(audit.map((e) => ({ agencyId: e.agencyId, actorKind: e.actorKind, data: e.data, at: e.at }))).toEqual([
      { agencyId: AGENCY, actorKind: "system", data: { from: "per_request", to: "monthly" }, at: AT },
      { agencyId: AGENCY, actorKind: "system", data: { from: "monthly", to: "per_request" }, at: AT },
    ]);
  });

  it("finds a web chat customer by their chat id, and only at their own agency", async () => {
    const chatId = `web-${newCustomerPhone().slice(1)}`;
    const customer = await prisma.customer.create({ data: { agencyId: AGENCY, contact: chatId } });
    expect(await runInProcess(["--agency", AGENCY, "--customer", chatId, "--cycle", "weekly"])).toEqual({
      code: 0,
      stdout: `${chatId}: billing cycle per_request -> weekly.\n`,
      stderr: "",
    });
    expect((await prisma.customer.findUniqueOrThrow({ where: { id: customer.id } })).billingCycle).toBe("weekly");

    const elsewhere = await runInProcess(["--agency", "rockport-tx-pd", "--customer", chatId, "--cycle", "monthly"]);
    expect(elsewhere.code).toBe(1);
    expect(elsewhere.stdout).toBe("");
    expect(elsewhere.stderr).toMatch(new RegExp(`^--customer: no customer ${chatId} at rockport-tx-pd \\(`));
    expect((await prisma.customer.findUniqueOrThrow({ where: { id: customer.id } })).billingCycle).toBe("weekly");
  });

  it("exits 2 with one line per problem for bad arguments, changing nothing", async () => {
    const bad = await runInProcess(["--agency", "nowhere-pd", "--customer", "+1 520 555 0123", "--cycle", "yearly"]);
    expect(bad.code).toBe(2);
    expect(bad.stdout).toBe("");
    expect(bad.stderr.trim().split("\n")).toEqual([
      expect.stringMatching(/^--agency: unknown agency nowhere-pd \(known: .*tucson-az-pd.*\)$/),
      '--customer: a phone must be in E.164 form, e.g. +15205550123, got "+1 520 555 0123"',
      '--cycle: must be one of per_request, weekly, monthly, got "yearly"',
    ]);
    const missing = await runInProcess([]);
    expect(missing.stderr.trim().split("\n")).toEqual([
      "--agency: is required",
      "--customer: is required (their phone in E.164 or their web chat id)",
      "--cycle: is required (per_request, weekly, monthly)",
    ]);
    const unknownOption = await runInProcess(["--agency", AGENCY, "--account"]);
    expect(unknownOption.code).toBe(2);
    expect(unknownOption.stderr).toContain("usage: billing-cycle --agency ID --customer CONTACT --cycle per_request|weekly|monthly");
  });

  it("is a command of the CLI (`npm run -s detaildesk -- billing-cycle`)", () => {
    expect(commands.map((c) => c.name)).toContain("billing-cycle");
  });
});
