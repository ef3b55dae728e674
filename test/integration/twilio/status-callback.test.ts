// POST /twilio/status runs as one statement on the pg pool (delivery-status-updates.ts), so a web
// process never loads Prisma for it: these pin down what the prisma.message.updateMany it replaced did.
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createHttpApp } from "../../../bots/server.ts";
import { createSmsRoutes, type SmsRouteDeps } from "../../../bots/twilio/sms-routes.ts";
import { createLogger } from "../../../config/logger.ts";
import { createDatabase, type PrismaClient } from "../../../prisma/client.ts";
import { recordDeliveryStatus } from "../../../prisma/repositories/delivery-status-updates.ts";
import { postSignedTwilioForm } from "../../support/twilio-webhook.ts";

const AUTH_TOKEN = "status-callback-test-token";
const PUBLIC_BASE = "https://detaildesk.status.invalid";
const AGENCY = "tucson-az-pd";

/** An HTTP app with the SMS routes, recording statuses on `pool`. */
async function startRoutes(pool: pg.Pool): Promise<{ server: Server; base: string }> {
  const deps: SmsRouteDeps = {
    settings: { mode: "live", accountSid: `AC${"c".repeat(32)}`, authToken: AUTH_TOKEN, publicBaseUrl: () => PUBLIC_BASE, apiBaseUrl: () => null },
    logger: createLogger({ level: "silent" }),
    agencyByNumber: () => undefined,
    storeInbound: async () => undefined,
    enqueueInbound: async () => undefined,
    recordDeliveryStatus: (update) => recordDeliveryStatus(pool, update),
  };
  const http = createHttpApp({
    logger: deps.logger,
    mode: {},
    probes: { database: async () => undefined, redis: async () => undefined },
    routers: [createSmsRoutes(deps)],
  });
  const server = http.listen(0, "127.0.0.1");
  await new Promise((resolve) => server.once("listening", resolve));
  return { server, base: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

const closeServer = (server: Server) => new Promise<void>((resolve) => server.close(() => resolve()));

describe("POST /twilio/status on the pg pool", () => {
  let prisma: PrismaClient;
  let pool: pg.Pool;
  let server: Server;
  let base: string;
  const sid = () => `SM${Math.random().toString(16).slice(2).padEnd(32, "0")}`;
  const callback = (params: Record<string, string>) =>
    postSignedTwilioForm(`${base}/twilio/status`, `${PUBLIC_BASE}/twilio/status`, AUTH_TOKEN, params);

  /** An outbound SMS handed to Twilio as `providerId`, in `status`. */
  async function sentMessage(providerId: string, status: "queued" | "sent" = "queued", errorCode: string | null = null) {
    const phone = `+1520667${String(Math.floor(Math.random() * 10_000)).padStart(4, "0")}`;
    const conversation = await prisma.conversation.create({ data: { agencyId: AGENCY, channel: "sms", participant: phone } });
    return prisma.message.create({
      data: { conversationId: conversation.id, direction: "outbound", channel: "sms", from: "+15205550100", to: phone, body: "hi", providerId, status, errorCode },
    });
  }
  const statusOf = async (id: string) => prisma.message.findUniqueOrThrow({ where: { id }, select: { status: true, errorCode: true, statusUpdatedAt: true } });

  beforeAll(async () => {
    ({ prisma, pool } = createDatabase(inject("databaseUrl")));
    ({ server, base } = await startRoutes(pool));
  });
  afterAll(async () => {
    await closeServer(server);
    await prisma.$disconnect();
  });

  it("moves a message's status forward only, answering 204 each time", async () => {
    const providerId = sid();
    const message = await sentMessage(providerId);
    expect((await callback({ MessageSid: providerId, MessageStatus: "sent" })).status).toBe(204);
    expect(await statusOf(message.id)).toMatchObject({ status: "sent", errorCode: null });
    expect((await callback({ MessageSid: providerId, MessageStatus: "delivered" })).status).toBe(204);
    const delivered = await statusOf(message.id);
    expect(delivered.status).toBe("delivered");
    expect(delivered.statusUpdatedAt).toBeInstanceOf(Date);
    // A late callback (Twilio does not promise their order) never moves it back.
    expect((await callback({ MessageSid: providerId, MessageStatus: "sent" })).status).toBe(204);
    expect((await callback({ MessageSid: providerId, MessageStatus: "queued" })).status).toBe(204);
    expect(await statusOf(message.id)).toEqual(delivered);
  });

  it("records the error code of a failed message, and keeps one a callback without it leaves out", async () => {
    const providerId = sid();
    const message = await sentMessage(providerId, "sent", "30001");
    expect((await callback({ MessageSid: providerId, MessageStatus: "undelivered", ErrorCode: "30007" })).status).toBe(204);
    expect(await statusOf(message.id)).toMatchObject({ status: "undelivered", errorCode: "30007" });
    const other = await sentMessage(sid(), "sent", "30001");
    expect((await callback({ MessageSid: other.providerId as string, MessageStatus: "failed", ErrorCode: "" })).status).toBe(204);
    expect(await statusOf(other.id)).toMatchObject({ status: "failed", errorCode: "30001" });
  });

  it("answers 204 to an unknown MessageSid, an unknown status or none at all, changing nothing", async () => {
    const providerId = sid();
    const message = await sentMessage(providerId);
    const before = await statusOf(message.id);
    expect((await callback({ MessageSid: sid(), MessageStatus: "delivered" })).status).toBe(204);
    expect((await callback({ MessageSid: providerId, MessageStatus: "teleported" })).status).toBe(204);
    expect((await callback({ MessageSid: providerId })).status).toBe(204);
    expect((await callback({ MessageStatus: "delivered" })).status).toBe(204);
    expect(await statusOf(message.id)).toEqual(before);
  });

  it("refuses an unsigned callback with 403 and changes nothing", async () => {
    const providerId = sid();
    const message = await sentMessage(providerId);
    const forged = await postSignedTwilioForm(`${base}/twilio/status`, `${PUBLIC_BASE}/twilio/status`, "not-the-token", {
      MessageSid: providerId,
      MessageStatus: "delivered",
    });
    expect(forged.status).toBe(403);
    expect((await statusOf(message.id)).status).toBe("queued");
  });

  it("moves one message per MessageSid and says how many moved", async () => {
    const providerId = sid();
    await sentMessage(providerId);
    expect(await recordDeliveryStatus(pool, { providerId, status: "sent", at: new Date() })).toBe(1);
    expect(await recordDeliveryStatus(pool, { providerId, status: "sent", at: new Date() })).toBe(0);
    expect(await recordDeliveryStatus(pool, { providerId: "", status: "sent", at: new Date() })).toBe(0);
  });
});

describe("POST /twilio/status while the database is unreachable", () => {
  let pool: pg.Pool;
  let server: Server;
  let base: string;

  beforeAll(async () => {
    // Nothing listens on port 1: every query fails at once, as with PostgreSQL down.
    pool = new pg.Pool({ connectionString: "postgresql://postgres@127.0.0.1:1/detaildesk", connectionTimeoutMillis: 1_000 });
    pool.on("error", () => undefined);
    ({ server, base } = await startRoutes(pool));
  });
  afterAll(async () => {
    await closeServer(server);
    await pool.end();
  });

  it("answers 503, so Twilio retries the callback", async () => {
    const answer = await postSignedTwilioForm(`${base}/twilio/status`, `${PUBLIC_BASE}/twilio/status`, AUTH_TOKEN, {
      MessageSid: `SM${"d".repeat(32)}`,
      MessageStatus: "delivered",
    });
    expect(answer.status).toBe(503);
  });
});
