import { randomBytes } from "node:crypto";
import pg from "pg";
import { startTopology } from "./topology.ts";

/**
 * `npm run cluster`: the scale-out topology on this machine (scripts/cluster/topology.ts) on a
 * database of its own, `detaildesk_cluster_<random>` on CLUSTER_DATABASE_SERVER_URL (default the
 * local PostgreSQL), dropped at the end. Prints where everything listens and each SMS the fake
 * Twilio API receives; Ctrl-C tears it all down. CLUSTER_PORT fixes the balancer's port.
 */
const serverUrl = process.env.CLUSTER_DATABASE_SERVER_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const name = `detaildesk_cluster_${randomBytes(4).toString("hex")}`;
const databaseUrl = new URL(serverUrl);
databaseUrl.pathname = `/${name}`;

async function dropDatabase(): Promise<void> {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}

const say = (line: string) => process.stdout.write(`${line}\n`);
say("starting: Redis Cluster (3 masters), PostgreSQL database, fake Twilio, 2 web and 3 worker processes…");
const topology = await startTopology({
  databaseUrl: databaseUrl.toString(),
  port: Number(process.env.CLUSTER_PORT ?? 0),
  env: { LOG_LEVEL: process.env.LOG_LEVEL ?? "info" },
}).catch(async (error: unknown) => {
  process.stderr.write(`cluster: ${error instanceof Error ? error.message : String(error)}\n`);
  await dropDatabase().catch(() => undefined);
  process.exit(1);
});

say(`load balancer       ${topology.url}  (Twilio webhooks: ${topology.url}/twilio/sms, health: /healthz)`);
for (const [backend, web] of [...topology.balancer.answered.keys()].map((b, i) => [b, topology.webs[i]] as const)) {
  say(`${web?.name.padEnd(20)}${backend}  pid ${web?.child.pid}`);
}
for (const worker of topology.workers) say(`${worker.name.padEnd(20)}pid ${worker.child.pid}`);
say(`redis cluster       ${topology.redis.nodes.join(" ")}`);
say(`postgresql          ${databaseUrl.toString()}`);
say(`fake twilio         ${topology.twilio.url}  (account ${topology.accountSid}, auth token "${topology.authToken}")`);
say(`agency number       ${topology.agencyNumber}; queue dashboard ${topology.url}/admin/queues (password "cluster-admin")`);
say("Ctrl-C stops everything.");

// What customers and officers would receive, as it arrives.
let printed = 0;
const printer = setInterval(() => {
  for (const message of topology.twilio.messages.slice(printed)) say(`sms ${message.from} → ${message.to}: ${message.body}`);
  printed = topology.twilio.messages.length;
}, 500);
// A process that dies on its own is reported (the others carry on: that is the point).
for (const child of [...topology.webs, ...topology.workers]) {
  void child.exited.then((code) => say(`${child.name} exited (${code ?? "signal"})`));
}

let stopping = false;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    clearInterval(printer);
    say("stopping…");
    void topology
      .stop()
      .then(dropDatabase)
      .finally(() => process.exit(0));
  });
}
