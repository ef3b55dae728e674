import { maskPhoneNumbers } from "../config/redact.ts";
import type { OutboxEntry } from "../bots/sandbox/outbox.ts";

/** Who a phone number or Slack id is in the story, for a readable transcript. */
export type Parties = Map<string, string>;

/** Prints every message on every side as it happens, with the time since the story began. */
export class Transcript {
  private readonly startedAt = Date.now();
  private seen = 0;

  constructor(
    private readonly parties: Parties,
    private readonly print: (line: string) => void = (line) => process.stdout.write(`${line}\n`),
  ) {}

  private stamp(): string {
    return `[+${((Date.now() - this.startedAt) / 1000).toFixed(2).padStart(6)}s]`;
  }

  private name(id: string): string {
    return this.parties.get(id) ?? maskPhoneNumbers(id);
  }

  chapter(title: string): void {
    this.print(`\n${this.stamp()} ── ${title} ──`);
  }

  /** Something a person sent (SMS, a click, a thread reply, speech on a call). */
  said(channel: string, from: string, to: string, text: string): void {
    this.print(`${this.stamp()} ${channel.padEnd(5)} ${this.name(from)} → ${this.name(to)}: ${oneLine(text)}`);
  }

  note(text: string): void {
    this.print(`${this.stamp()}       · ${text}`);
  }

  /** Prints outbox entries not printed yet (what DetailDesk sent on every platform). */
  drain(entries: OutboxEntry[]): void {
    for (const entry of entries.slice(this.seen)) {
      if (entry.channel === "slack") {
        const what = entry.method === "chat.postMessage" ? (entry.threadTs ? "thread reply" : "post") : (entry.method ?? "call");
        // An uploaded file (a CSV, a chart) is named, not printed: a PNG's bytes are not text.
        const text = entry.file ? `uploads the file "${entry.file.title}"` : entry.body || describeBlocks(entry.blocks);
        this.print(`${this.stamp()} slack DetailDesk → ${this.name(entry.to)} (${what}): ${oneLine(text)}`);
      } else {
        this.print(`${this.stamp()} ${entry.channel.padEnd(5)} DetailDesk → ${this.name(entry.to)}: ${oneLine(entry.body)}`);
      }
    }
    this.seen = entries.length;
  }
}

function oneLine(text: string): string {
  const flat = maskPhoneNumbers(text).replace(/\s*\n\s*/g, " ⏎ ");
  return flat.length > 220 ? `${flat.slice(0, 217)}...` : flat;
}

function describeBlocks(blocks: unknown): string {
  const texts: string[] = [];
  const visit = (value: unknown) => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (value && typeof value === "object") {
      const record = value as Record<string, unknown>;
      if (typeof record.text === "string") texts.push(record.text);
      for (const [key, child] of Object.entries(record)) if (key !== "text") visit(child);
    }
  };
  visit(blocks);
  return texts.join(" | ");
}
