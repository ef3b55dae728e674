import { z } from "zod";

const optionalString = z
  .string()
  .trim()
  .transform((v) => (v === "" ? undefined : v))
  .optional();
const optionalUrl = z
  .string()
  .trim()
  .transform((v) => (v === "" ? undefined : v))
  .pipe(z.url().optional())
  .optional();

/** Every environment variable DetailDesk reads. `.env.example` documents each one. */
export const EnvSchema = z
  .object({
    NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
    /** HTTP port; 0 picks a free one (tests). Default 3000. */
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    /** Interface to listen on. Default: 127.0.0.1 in sandbox mode, 0.0.0.0 (all) with live credentials. */
    HOST: optionalString,
    /** Public address Twilio and Slack call; webhook signatures are checked against it. */
    PUBLIC_BASE_URL: optionalUrl,
    DATABASE_URL: z.url().default("postgresql://postgres@127.0.0.1:5432/detaildesk"),
    /**
     * PostgreSQL connections per process (default 10), and as many again for the advisory locks
     * workers hold: PostgreSQL's max_connections bounds processes × 2 × this.
     */
    DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(200).default(10),
    REDIS_URL: z.url().default("redis://127.0.0.1:6379"),
    /**
     * Some nodes of a Redis Cluster, comma-separated (`host:port` or `redis[s]://[user:password@]host:port`;
     * the others are discovered). Set: the app uses the cluster and REDIS_URL is not read.
     */
    REDIS_CLUSTER_NODES: optionalString.pipe(
      z
        .string()
        .transform((v) => v.split(",").map((node) => node.trim()).filter((node) => node !== ""))
        .pipe(
          z.array(
            z.string().regex(/^(rediss?:\/\/([^@/]*@)?)?[^:/@,]+:\d{1,5}$/, "each node must be host:port or redis://[user:password@]host:port"),
          ),
        )
        .optional(),
    ),
    /**
     * Folder of the agency files (one `<agency-id>.json` each), read by every process of a
     * deployment. Default: the repository's agencies/; set it to keep the agencies' data apart
     * from the code (a mounted volume), and every process must see the same files.
     */
    AGENCIES_DIR: optionalString,
    /** Key prefix for every BullMQ key, so test runs never share queues. */
    REDIS_PREFIX: z.string().min(1).default("detaildesk"),
    TWILIO_ACCOUNT_SID: optionalString.pipe(
      z
        .string()
        .regex(/^AC[0-9a-fA-F]{32}$/, "must be AC followed by 32 hex digits")
        .optional(),
    ),
    TWILIO_AUTH_TOKEN: optionalString,
    TWILIO_API_BASE_URL: optionalUrl,
    SLACK_BOT_TOKEN: optionalString,
    SLACK_SIGNING_SECRET: optionalString,
    SLACK_API_URL: optionalUrl,
    OPENAI_API_KEY: optionalString,
    OPENAI_BASE_URL: optionalUrl,
    OPENAI_MODEL: z.string().min(1).default("gpt-4o-mini"),
    MICROSOFT_APP_ID: optionalString,
    MICROSOFT_APP_PASSWORD: optionalString,
    /** Azure Direct Line secret: the chat page gets its tokens with it (production web chat). */
    DIRECT_LINE_SECRET: optionalString,
    ADMIN_PASSWORD: optionalString,
    /** Signs the customers' page links (/c/<token>); at least 32 characters. Unset when live: the page is off. */
    CUSTOMER_LINK_SECRET: optionalString.pipe(z.string().min(32, "must be at least 32 characters").optional()),
    /** Days a customer's page link stays valid. Default 30. */
    CUSTOMER_LINK_DAYS: z.coerce.number().int().min(1).max(366).default(30),
    /** Outbound SMS per second from one sender number; 0 = no limit. Default 3 (a toll-free number's rate). */
    SMS_RATE_PER_SENDER: z.coerce.number().min(0).max(1000).default(3),
    /** Minutes an approval may stay undecided before a reminder, then before escalation. Default 30. */
    APPROVAL_TIMEOUT_MINUTES: z.coerce.number().int().min(1).max(7 * 24 * 60).default(30),
    /**
     * How long a worker holds a job before others may take it over (ms, default 30000): a worker
     * that dies mid-job has its job re-run this long after. A message left "sending" twice this
     * long is sent again.
     */
    WORKER_LOCK_MS: z.coerce.number().int().min(1000).max(600_000).default(30_000),
    /** How often (ms) the recovery sweep re-queues work a failed enqueue left behind; 0 = off. Default 30000. */
    RECOVERY_INTERVAL_MS: z.coerce
      .number()
      .int()
      .refine((ms) => ms === 0 || (ms >= 500 && ms <= 3_600_000), "must be 0 (off) or 500..3600000")
      .default(30_000),
    /** How often (ms) accounts' billing cycles are checked for a period that ended; 0 = off. Default hourly. */
    BILLING_CYCLE_INTERVAL_MS: z.coerce
      .number()
      .int()
      .refine((ms) => ms === 0 || (ms >= 1_000 && ms <= 86_400_000), "must be 0 (off) or 1000..86400000")
      .default(3_600_000),
    /** Inbound messages one sender may have acted on per window before the rest wait (default 20 per 10 minutes). */
    INBOUND_LIMIT_PER_SENDER: z.coerce.number().int().min(1).max(10_000).default(20),
    INBOUND_LIMIT_WINDOW_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(10),
    /** Bot replies recorded in one conversation per minute; beyond it the bot waits (default 20). */
    BOT_REPLIES_PER_CONVERSATION_PER_MINUTE: z.coerce.number().int().min(1).max(1000).default(20),
    /** Slack posts in one thread per minute; beyond it they are coalesced into one update (default 6). */
    SLACK_POSTS_PER_THREAD_PER_MINUTE: z.coerce.number().int().min(1).max(1000).default(6),
    /**
     * The length (ms) of the "minute" the abuse limits count in (windows are this many ms per
     * minute). Default 60000; tests shorten it so a window passes in seconds.
     */
    ABUSE_LIMIT_MINUTE_MS: z.coerce.number().int().min(500).max(60_000).default(60_000),
    /** Failed queue-dashboard logins per client address per 15 minutes before it answers 429 (default 10). */
    ADMIN_LOGIN_ATTEMPTS: z.coerce.number().int().min(1).max(1000).default(10),
    LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  });

/** Variables that only make sense together; checked on the raw values so every problem is listed at once. */
function findMissingCompanions(source: Record<string, string | undefined>): string[] {
  const set = (name: string) => (source[name] ?? "").trim() !== "";
  const problems: string[] = [];
  const pairs: [string, string][] = [
    ["TWILIO_ACCOUNT_SID", "TWILIO_AUTH_TOKEN"],
    ["SLACK_BOT_TOKEN", "SLACK_SIGNING_SECRET"],
    ["MICROSOFT_APP_ID", "MICROSOFT_APP_PASSWORD"],
  ];
  for (const [given, needed] of pairs) {
    if (set(given) && !set(needed)) problems.push(`${needed}: required when ${given} is set`);
  }
  if (source.NODE_ENV === "production" && !set("ADMIN_PASSWORD")) {
    problems.push("ADMIN_PASSWORD: required in production (queue dashboard)");
  }
  return problems;
}

export type Env = z.infer<typeof EnvSchema>;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "ConfigError";
  }
}

/**
 * AGENCIES_DIR alone, for agencies/load-agencies.ts: agency files are read wherever an agency is
 * looked up (web, workers, CLI, seed), long before or without a composition root's loadEnv.
 */
export function readAgenciesDir(source: Record<string, string | undefined> = process.env): string | undefined {
  return EnvSchema.shape.AGENCIES_DIR.parse(source.AGENCIES_DIR);
}

/** Parses the environment once; throws ConfigError naming every missing or malformed variable. */
export function loadEnv(source: Record<string, string | undefined> = process.env): Env {
  const result = EnvSchema.safeParse(source);
  const problems = [
    ...(result.success ? [] : result.error.issues.map((i) => `${i.path.join(".") || "(env)"}: ${i.message}`)),
    ...findMissingCompanions(source),
  ];
  if (problems.length > 0 || !result.success) throw new ConfigError(problems);
  return result.data;
}
