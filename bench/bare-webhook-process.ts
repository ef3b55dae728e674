import { createServer } from "node:http";
import { Redis } from "ioredis";
import pg from "pg";
import twilio from "twilio";

/**
 * The least a signed inbound-SMS webhook can do on this machine, the yardstick of the webhook
 * figures (issue "Close to the machine"): a bare node:http handler that checks Twilio's HMAC,
 * inserts one row into PostgreSQL and pushes one Redis list entry, then answers empty TwiML.
 * Settings come as JSON in argv[2]; prints `bare webhook listening at <url>`; stops on SIGTERM.
 */
const settings = JSON.parse(process.argv[2] ?? "{}") as {
  databaseUrl: string;
  redisUrl: string;
  redisKey: string;
  authToken: string;
  publicBaseUrl: string;
};

const pool = new pg.Pool({ connectionString: settings.databaseUrl, max: 10 });
await pool.query(
  `CREATE TABLE IF NOT EXISTS bare_inbound (sid text PRIMARY KEY, sender text NOT NULL, body text NOT NULL, received_at timestamptz NOT NULL DEFAULT now())`,
);
const redis = new Redis(settings.redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1 });
await redis.connect();

const EMPTY_TWIML = '<?xml version="1.0" encoding="UTF-8"?><Response></Response>';
const publicUrl = `${settings.publicBaseUrl.replace(/\/$/, "")}/twilio/sms`;

const server = createServer((req, res) => {
  if (req.method !== "POST" || req.url !== "/twilio/sms") {
    res.writeHead(404).end();
    return;
  }
  const chunks: Buffer[] = [];
  req.on("data", (chunk: Buffer) => chunks.push(chunk));
  req.on("end", () => {
    const params = Object.fromEntries(new URLSearchParams(Buffer.concat(chunks).toString("utf8")));
    const signature = req.headers["x-twilio-signature"];
    if (typeof signature !== "string" || !twilio.validateRequest(settings.authToken, signature, publicUrl, params)) {
      res.writeHead(403).end();
      return;
    }
    const sid = params.MessageSid ?? "";
    pool
      .query("INSERT INTO bare_inbound (sid, sender, body) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING", [sid, params.From ?? "", params.Body ?? ""])
      .then(() => redis.lpush(settings.redisKey, sid))
      .then(
        () => res.writeHead(200, { "content-type": "text/xml" }).end(EMPTY_TWIML),
        () => res.writeHead(500).end(),
      );
  });
});
server.listen(0, "127.0.0.1", () => {
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  process.stdout.write(`bare webhook listening at http://127.0.0.1:${port}\n`);
});
process.once("SIGTERM", () => {
  server.close();
  void Promise.allSettled([pool.end(), redis.quit()]).finally(() => process.exit(0));
});
