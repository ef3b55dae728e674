/** A dependency probe: resolves when reachable, rejects (or times out) when not. */
export type Probe = () => Promise<unknown>;

export interface HealthReport {
  status: "ok" | "degraded";
  database: "up" | "down";
  redis: "up" | "down";
  mode: Record<string, string>;
}

const PROBE_TIMEOUT_MS = 1_500;

async function runProbe(probe: Probe): Promise<"up" | "down"> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error("probe timed out")), PROBE_TIMEOUT_MS);
  });
  try {
    await Promise.race([probe(), timeout]);
    return "up";
  } catch {
    return "down";
  } finally {
    clearTimeout(timer);
  }
}

export async function checkHealth(
  probes: { database: Probe; redis: Probe },
  mode: Record<string, string>,
): Promise<HealthReport> {
  const [database, redis] = await Promise.all([runProbe(probes.database), runProbe(probes.redis)]);
  return { status: database === "up" && redis === "up" ? "ok" : "degraded", database, redis, mode };
}
