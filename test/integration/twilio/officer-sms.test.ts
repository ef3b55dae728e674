import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFakeTwilio } from "../../fakes/fake-twilio-server.ts";
import { makeTestOfficer } from "../../builders/test-officer.ts";
import { startTestApp, type TestApp } from "../../support/start-test-app.ts";
import { newMessageSid, waitUntilActedOn } from "../../support/twilio-sms.ts";
import { postSignedTwilioForm } from "../../support/twilio-webhook.ts";

const AUTH_TOKEN = "test-officer-auth-token";
const PUBLIC_BASE = "https://officers.example.org";
const AGENCY_NUMBER = "+15205550100";

describe("officer SMS commands", () => {
  let test: TestApp;
  let fake: Awaited<ReturnType<typeof startFakeTwilio>>;

  beforeAll(async () => {
    fake = await startFakeTwilio();
    test = await startTestApp("officers", {
      PUBLIC_BASE_URL: PUBLIC_BASE,
      TWILIO_ACCOUNT_SID: `AC${"3".repeat(32)}`,
      TWILIO_AUTH_TOKEN: AUTH_TOKEN,
      TWILIO_API_BASE_URL: fake.url,
    });
  });
  afterAll(async () => {
    await test.close();
    await fake.close();
  });

  /** Posts an inbound SMS; the webhook only stores and queues it (see waitUntilActedOn). */
  async function send(from: string, body: string): Promise<{ sid: string; response: Response }> {
    const sid = newMessageSid();
    const response = await postSignedTwilioForm(`${test.base}/twilio/sms`, `${PUBLIC_BASE}/twilio/sms`, AUTH_TOKEN, {
      MessageSid: sid,
      From: from,
      To: AGENCY_NUMBER,
      Body: body,
    });
    return { sid, response };
  }

  /**
   * Replies to the officer's commands (post orders and reminders, sent on staffing by a worker,
   * and "has been filled" notices, sent when someone else's YES fills the request, are left out).
   */
  async function repliesTo(phone: string, count: number): Promise<string[]> {
    const deadline = Date.now() + 15_000;
    for (;;) {
      const bodies = fake.messages
        .filter((m) => m.to === phone && !/^(Post orders|Reminder)/.test(m.body) && !/^Request #\d+ has been filled/.test(m.body))
        .map((m) => m.body);
      if (bodies.length >= count || Date.now() > deadline) return bodies;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  let offerRound = 0;
  /** Offers one position to `officerCount` officers; `startsInMs` from now, else days ahead. */
  async function makeOffers(officerCount: number, startsInMs?: number) {
    const { prisma } = test.app;
    // Officers of this test alone, paused: a wave of another test file running beside this one
    // offers to every available officer, and its text would come last in their replies here.
    const officers = await Promise.all(
      Array.from({ length: officerCount }, async () => {
        const officer = await makeTestOfficer(prisma, "tucson-az-pd");
        return prisma.officer.update({ where: { id: officer.id }, data: { offersPausedAt: new Date() } });
      }),
    );
    offerRound += 1;
    // Each round on its own day, so one officer's shifts never overlap across tests.
    const start = new Date(Date.now() + (startsInMs ?? (3 + offerRound * 2) * 24 * 3600_000));
    const request = await prisma.request.create({
      data: {
        agencyId: "tucson-az-pd",
        status: "staffing",
        start,
        end: new Date(start.getTime() + 4 * 3600_000),
        officers: 1,
        positions: { create: [{ index: 1, rank: "officer" }] },
      },
      include: { positions: true },
    });
    const position = request.positions[0]!;
    const code = randomBytes(2).toString("hex").toUpperCase();
    await prisma.offer.createMany({
      data: officers.map((o) => ({ positionId: position.id, officerId: o.id, code, wave: 1 })),
    });
    return { officers, position, code };
  }

  it("gives a position to exactly one of several officers accepting at once", async () => {
    const { officers, position, code } = await makeOffers(6);
    const sent = await Promise.all(officers.map((o) => send(o.phone, `YES ${code}`)));
    expect(sent.every(({ response }) => response.status === 200)).toBe(true);
    // Different officers' messages are acted on concurrently, by different jobs.
    await waitUntilActedOn(test.app.prisma, sent.map(({ sid }) => sid));
    const assignments = await test.app.prisma.assignment.findMany({ where: { positionId: position.id } });
    expect(assignments).toHaveLength(1);
    const replies = await Promise.all(officers.map((o) => repliesTo(o.phone, 1)));
    const texts = replies.map((r) => r.at(-1) ?? "");
    expect(texts.filter((t) => t.startsWith("Confirmed"))).toHaveLength(1);
    expect(texts.filter((t) => t.includes("already been filled"))).toHaveLength(officers.length - 1);
  });

  it("checks in and out, keeps field notes, lists shifts and helps with unknown commands", async () => {
    // Check-in opens an hour before the start: this shift starts in half an hour.
    const { officers, code } = await makeOffers(1, 30 * 60_000);
    const phone = officers[0]!.phone;
    const before = (await repliesTo(phone, 0)).length;
    const commands = [`YES ${code}`, "SHIFTS", `IN ${code}`, `NOTE ${code} north gate locked`, `OUT ${code}`, "dance"];
    const sids: string[] = [];
    for (const [index, command] of commands.entries()) {
      const { sid, response } = await send(phone, command);
      expect(response.status).toBe(200);
      sids.push(sid);
      await waitUntilActedOn(test.app.prisma, sid);
      await repliesTo(phone, before + index + 1);
    }
    await waitUntilActedOn(test.app.prisma, sids);
    const replies = (await repliesTo(phone, before + 6)).slice(before);
    expect(replies[0]).toMatch(/^Confirmed/);
    expect(replies[1]).toContain(code);
    expect(replies[2]).toMatch(/^Checked in/);
    expect(replies[3]).toMatch(/^Field note saved/);
    expect(replies[4]).toMatch(/^Checked out/);
    expect(replies[5]).toMatch(/^Commands:/);
    const assignment = await test.app.prisma.assignment.findFirstOrThrow({
      where: { officerId: officers[0]!.id, status: "checked_out" },
      include: { fieldNotes: true },
    });
    expect(assignment.fieldNotes.map((n) => n.body)).toContain("north gate locked");
    const request = await test.app.prisma.request.findFirstOrThrow({
      where: { positions: { some: { id: assignment.positionId } } },
    });
    expect(request.status).toBe("completed");
    const audit = await test.app.prisma.auditEvent.findMany({ where: { entityId: request.id } });
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(["request.staffed", "request.completed"]));
  });
});
