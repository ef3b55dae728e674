/** One message a platform would have delivered, as `GET /sandbox/outbox` shows it. */
export interface OutboxEntry {
  channel: "sms" | "slack" | "web";
  to: string;
  from: string;
  body: string;
  blocks?: unknown;
  /** Slack only: the Web API method called, the message's ts and its thread. */
  method?: string;
  ts?: string;
  threadTs?: string;
  /** Slack file uploads: the file's title and bytes (base64), since `body` holds text only. */
  file?: { title: string; base64: string };
  at: string;
}

/** Everything the sandbox stand-ins received, oldest first; bounded so a long demo cannot exhaust memory. */
export class SandboxOutbox {
  private readonly entries: OutboxEntry[] = [];
  constructor(
    private readonly onRecord: (entry: OutboxEntry) => void = () => undefined,
    private readonly limit = 10_000,
  ) {}

  record(entry: OutboxEntry): void {
    this.entries.push(entry);
    if (this.entries.length > this.limit) this.entries.shift();
    this.onRecord(entry);
  }

  list(): OutboxEntry[] {
    return [...this.entries];
  }
}
