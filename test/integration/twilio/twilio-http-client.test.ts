import { createServer as createHttpServer, type Server } from "node:http";
import { type AddressInfo, createServer } from "node:net";
import twilio from "twilio";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTwilioClient } from "../../../bots/twilio/create-twilio-client.ts";
import { TwilioHttpClient } from "../../../bots/twilio/twilio-http-client.ts";
import { isRetryable } from "../../../workers/jobs/send-sms.ts";
import { startFakeTwilio } from "../../fakes/fake-twilio-server.ts";

const ACCOUNT_SID = `AC${"7".repeat(32)}`;
const AUTH_TOKEN = "http-client-test";
const MESSAGE = {
  to: "+15205550111",
  from: "+15205550100",
  body: "Shift offer: Sat 6–11pm, reply YES 42 ✓",
  statusCallback: "https://example.org/twilio/status",
};

/** twilio's own (axios) client pointed at a base address: what the send code saw before, to compare with. */
class AxiosRequestClient extends twilio.RequestClient {
  constructor(
    private readonly base: string,
    timeout?: number,
  ) {
    super(timeout === undefined ? {} : { timeout });
  }
  override request<T>(options: Parameters<twilio.RequestClient["request"]>[0] & { data?: T }) {
    const target = new URL(options.uri);
    return super.request<T>({ ...options, uri: `${this.base}${target.pathname}${target.search}` });
  }
}

/** What the send jobs read of a failed send. */
async function failureOf(send: Promise<unknown>) {
  const error = await send.then(
    () => null,
    (e: unknown) => e as { status?: number; code?: unknown; message?: string },
  );
  if (error === null) throw new Error("the send succeeded");
  return { status: error.status, code: error.code, message: error.message, retryable: isRetryable(error) };
}

describe("the twilio client on TwilioHttpClient", () => {
  let fake: Awaited<ReturnType<typeof startFakeTwilio>>;
  let http: TwilioHttpClient;
  let ours: twilio.Twilio;
  let axios: twilio.Twilio;

  beforeAll(async () => {
    fake = await startFakeTwilio();
    http = new TwilioHttpClient({ baseUrl: () => fake.url });
    ours = twilio(ACCOUNT_SID, AUTH_TOKEN, { httpClient: http });
    axios = twilio(ACCOUNT_SID, AUTH_TOKEN, { httpClient: new AxiosRequestClient(fake.url) });
  });
  afterAll(async () => {
    http.close();
    await fake.close();
  });

  it("sends a message form-encoded with basic auth and reads the answer", async () => {
    const before = fake.messages.length;
    const message = await ours.messages.create(MESSAGE);
    expect(message.sid).toMatch(/^SM[0-9a-f]{32}$/);
    expect(message.status).toBe("queued");
    expect(fake.messages.slice(before)).toEqual([
      {
        accountSid: ACCOUNT_SID,
        to: MESSAGE.to,
        from: MESSAGE.from,
        body: MESSAGE.body,
        statusCallback: MESSAGE.statusCallback,
        authorization: `Basic ${Buffer.from(`${ACCOUNT_SID}:${AUTH_TOKEN}`).toString("base64")}`,
      },
    ]);
  });

  it("repeats an array's key, as twilio's client does (MediaUrl)", async () => {
    const seen: string[] = [];
    const server = createServerCapturing(seen);
    const port = await listen(server);
    const client = new TwilioHttpClient({ baseUrl: () => `http://127.0.0.1:${port}` });
    try {
      await twilio(ACCOUNT_SID, AUTH_TOKEN, { httpClient: client })
        .messages.create({ ...MESSAGE, mediaUrl: ["https://a.example/1.png", "https://a.example/2.png"] })
        .catch(() => undefined);
      expect(new URLSearchParams(seen[0]).getAll("MediaUrl")).toEqual([
        "https://a.example/1.png",
        "https://a.example/2.png",
      ]);
    } finally {
      client.close();
      server.close();
    }
  });

  it("keeps a base address's path (the sandbox stand-in lives under /sandbox/twilio)", async () => {
    const client = createTwilioClient({
      mode: "live",
      accountSid: ACCOUNT_SID,
      authToken: AUTH_TOKEN,
      publicBaseUrl: () => "https://example.org",
      apiBaseUrl: () => `${fake.url}/sandbox/twilio`,
    });
    // The fake knows only /2010-04-01/…, so the prefixed path reaching it proves the prefix was kept.
    expect(await failureOf(client.messages.create(MESSAGE))).toMatchObject({ status: 404, code: 20404 });
  });

  it.each([
    [429, undefined, true],
    [500, undefined, true],
    [503, 20503, true],
    [400, 21211, false],
  ])(
    "a %i answer fails as twilio's RestException, as with twilio's own client (status, code, message)",
    async (status, code, retryable) => {
      fake.failNext(1, status, code);
      const now = await failureOf(ours.messages.create(MESSAGE));
      fake.failNext(1, status, code);
      const before = await failureOf(axios.messages.create(MESSAGE));
      expect(now).toEqual(before);
      expect(now).toEqual({
        status,
        code: code ?? (status === 429 ? 20429 : 20500),
        message: "fake failure",
        retryable,
      });
    },
  );

  it("a refused connection fails without a status (retryable), with Node's code, as before", async () => {
    const port = await closedPort();
    const client = new TwilioHttpClient({ baseUrl: () => `http://127.0.0.1:${port}` });
    const now = await failureOf(
      twilio(ACCOUNT_SID, AUTH_TOKEN, { httpClient: client }).messages.create(MESSAGE),
    );
    const axiosClient = twilio(ACCOUNT_SID, AUTH_TOKEN, {
      httpClient: new AxiosRequestClient(`http://127.0.0.1:${port}`),
    });
    const before = await failureOf(axiosClient.messages.create(MESSAGE));
    expect(now).toMatchObject({ status: undefined, code: "ECONNREFUSED", retryable: true });
    expect(before).toMatchObject({ status: undefined, code: "ECONNREFUSED", retryable: true });
    client.close();
  });

  it("gives up on a call not answered within its deadline (retryable), and the next call still works", async () => {
    const client = new TwilioHttpClient({ baseUrl: () => fake.url, timeoutMs: 200 });
    const slow = twilio(ACCOUNT_SID, AUTH_TOKEN, { httpClient: client });
    fake.setDelay(2_000);
    try {
      const started = performance.now();
      const now = await failureOf(slow.messages.create(MESSAGE));
      expect(performance.now() - started).toBeLessThan(1_500);
      expect(now).toMatchObject({
        status: undefined,
        code: "ECONNABORTED",
        message: "timeout of 200ms exceeded",
        retryable: true,
      });
    } finally {
      fake.setDelay(0);
    }
    expect((await slow.messages.create(MESSAGE)).sid).toMatch(/^SM/);
    client.close();
  });

  it("reuses its sockets across calls (keep-alive)", async () => {
    const sockets = new Set<unknown>();
    const server = createServerCapturing([], sockets);
    const port = await listen(server);
    const client = new TwilioHttpClient({ baseUrl: () => `http://127.0.0.1:${port}` });
    try {
      const sender = twilio(ACCOUNT_SID, AUTH_TOKEN, { httpClient: client });
      for (let i = 0; i < 5; i += 1) await sender.messages.create(MESSAGE);
      expect(sockets.size).toBe(1);
    } finally {
      client.close();
      server.close();
    }
  });
});

/** An HTTP server answering every call like Twilio's Messages API, recording bodies and sockets. */
function createServerCapturing(bodies: string[], sockets?: Set<unknown>) {
  return createHttpServer((req, res) => {
    sockets?.add(req.socket);
    let raw = "";
    req.on("data", (chunk: Buffer) => {
      raw += chunk.toString();
    });
    req.on("end", () => {
      bodies.push(raw);
      res
        .writeHead(201, { "content-type": "application/json" })
        .end(JSON.stringify({ sid: `SM${"0".repeat(32)}`, status: "queued" }));
    });
  });
}

async function listen(server: Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return (server.address() as AddressInfo).port;
}

/** A port nothing listens on: bound once, then released. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
