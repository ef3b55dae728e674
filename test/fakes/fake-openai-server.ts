import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * How the fake answers POST /v1/chat/completions:
 * - `good`: a chat.completion whose message.content is JSON.stringify(content)
 * - `malformed`: content that is not JSON at all
 * - `schema_violation`: JSON content that breaks the extraction schema
 * - `http_500`: an OpenAI-style error body with status 500
 * - `hang`: never answers until the server closes (longer than any client timeout)
 * - `recorded`: a recorded answer (test/fixtures/openai/*.json), see RecordedReply
 */
export type FakeOpenAiMode =
  | { kind: "good"; content: Record<string, unknown> }
  | { kind: "malformed" }
  | { kind: "schema_violation" }
  | { kind: "http_500" }
  | { kind: "hang" }
  | { kind: "recorded"; reply: RecordedReply };

/** One recorded answer of POST /v1/chat/completions, as the fixture files hold it. */
export interface RecordedReply {
  /** Why the recording exists; the fake ignores it (JSON has no comments). */
  about?: string;
  /** HTTP status; 200 when absent. A non-200 answer sends `error` as OpenAI's error body. */
  status?: number;
  /** Milliseconds before the fake answers: a slow model. */
  delayMs?: number;
  /** The assistant message: `content` as text, or an object the fake sends as its JSON text. */
  message?: { content: string | Record<string, unknown> | null; refusal?: string | null };
  /** "stop" when absent. */
  finish_reason?: "stop" | "length" | "content_filter";
  error?: { message: string; type: string; code?: string | null };
}

export interface RecordedChatRequest {
  path: string;
  headers: IncomingMessage["headers"];
  body: {
    model?: string;
    messages?: { role: string; content: string }[];
    response_format?: { type: string; json_schema?: { name: string; strict?: boolean; schema: unknown } };
  };
}

export interface FakeOpenAiServer {
  /** e.g. http://127.0.0.1:43123/v1, for the SDK's `baseURL`. */
  baseURL: string;
  requests: RecordedChatRequest[];
  setMode(mode: FakeOpenAiMode): void;
  close(): Promise<void>;
}

/** A real local HTTP server on 127.0.0.1 standing in for the OpenAI API at the HTTP boundary. */
export async function startFakeOpenAiServer(initial: FakeOpenAiMode = { kind: "malformed" }): Promise<FakeOpenAiServer> {
  let mode = initial;
  const requests: RecordedChatRequest[] = [];
  // Answers not sent yet (hanging or delayed): close() ends them so the server can stop.
  const hanging = new Set<ServerResponse>();
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      if (req.method !== "POST" || req.url !== "/v1/chat/completions") {
        res.writeHead(404, { "content-type": "application/json" });
        res.end(JSON.stringify({ error: { message: `no route ${req.method} ${req.url}`, type: "invalid_request_error" } }));
        return;
      }
      const text = Buffer.concat(chunks).toString("utf8");
      requests.push({ path: req.url, headers: req.headers, body: text ? JSON.parse(text) : {} });
      answer(res, mode, hanging);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseURL: `http://127.0.0.1:${port}/v1`,
    requests,
    setMode(next) {
      mode = next;
    },
    async close() {
      for (const res of hanging) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
    },
  };
}

function answer(res: ServerResponse, mode: FakeOpenAiMode, hanging: Set<ServerResponse>): void {
  switch (mode.kind) {
    case "good":
      sendCompletion(res, JSON.stringify(mode.content));
      return;
    case "malformed":
      sendCompletion(res, "Sure! Here are the fields: {date: tomorrow, officers: two");
      return;
    case "schema_violation":
      sendCompletion(res, JSON.stringify({ intent: "book_now", officers: "lots", date: "next week" }));
      return;
    case "http_500":
      res.writeHead(500, { "content-type": "application/json" });
      res.end(JSON.stringify({ error: { message: "The server had an error", type: "server_error", code: null } }));
      return;
    case "hang":
      hanging.add(res);
      res.on("close", () => hanging.delete(res));
      return;
    case "recorded":
      sendLater(res, mode.reply, hanging);
      return;
  }
}

function sendLater(res: ServerResponse, reply: RecordedReply, hanging: Set<ServerResponse>): void {
  if (!reply.delayMs) {
    sendRecorded(res, reply);
    return;
  }
  hanging.add(res);
  const timer = setTimeout(() => sendRecorded(res, reply), reply.delayMs);
  // A client that gave up (its timeout) closes the socket; the late answer is never written.
  res.on("close", () => {
    clearTimeout(timer);
    hanging.delete(res);
  });
}

function sendRecorded(res: ServerResponse, reply: RecordedReply): void {
  if (res.destroyed) return;
  const status = reply.status ?? 200;
  if (status !== 200) {
    res.writeHead(status, { "content-type": "application/json" });
    res.end(
      JSON.stringify({
        error: { message: "recorded error", type: "server_error", code: null, ...reply.error },
      }),
    );
    return;
  }
  const content = reply.message?.content ?? null;
  sendCompletion(res, typeof content === "string" || content === null ? content : JSON.stringify(content), {
    refusal: reply.message?.refusal ?? null,
    finishReason: reply.finish_reason ?? "stop",
  });
}

function sendCompletion(
  res: ServerResponse,
  content: string | null,
  { refusal = null, finishReason = "stop" }: { refusal?: string | null; finishReason?: string } = {},
): void {
  res.writeHead(200, { "content-type": "application/json" });
  res.end(
    JSON.stringify({
      id: "chatcmpl-fake",
      object: "chat.completion",
      created: 1_764_000_000,
      model: "gpt-fake",
      choices: [
        {
          index: 0,
          message: { role: "assistant", content, refusal },
          logprobs: null,
          finish_reason: finishReason,
        },
      ],
      usage: { prompt_tokens: 10, completion_tokens: 10, total_tokens: 20 },
    }),
  );
}
