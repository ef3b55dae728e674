import { Cluster, Redis } from "ioredis";
import { maskUrlPassword } from "../config/redact.ts";

/**
 * A single Redis or a Redis Cluster. Everything that talks to Redis takes either: BullMQ accepts
 * both, and the few Lua scripts of our own keep their keys in one hash slot (queue-prefix.ts).
 */
export type RedisConnection = Redis | Cluster;

/** Where Redis is: REDIS_URL, or REDIS_CLUSTER_NODES (some nodes of a cluster; the rest are discovered). */
export interface RedisTarget {
  url: string;
  /** `host:port` or `redis[s]://[user:password@]host:port` each; when given, `url` is not used. */
  clusterNodes?: string[] | undefined;
}

/**
 * BullMQ workers need maxRetriesPerRequest: null so blocking commands survive reconnects; on a
 * cluster the option belongs to each node's connection (BullMQ checks it there).
 */
export function createRedisConnection(target: string | RedisTarget): RedisConnection {
  const { url, clusterNodes } = typeof target === "string" ? { url: target, clusterNodes: undefined } : target;
  if (!clusterNodes || clusterNodes.length === 0) {
    return new Redis(url, { maxRetriesPerRequest: null, enableReadyCheck: true, lazyConnect: true });
  }
  const nodes = clusterNodes.map((node) => new URL(node.includes("://") ? node : `redis://${node}`));
  const first = nodes[0];
  return new Cluster(
    nodes.map((node) => ({ host: node.hostname, port: Number(node.port || 6379) })),
    {
      lazyConnect: true,
      enableReadyCheck: true,
      // A node that fails over or a slot that moves: ioredis follows MOVED/ASK and refreshes its
      // slot map; a command waits for that rather than failing the job.
      maxRedirections: 16,
      retryDelayOnFailover: 200,
      retryDelayOnClusterDown: 200,
      // The credentials and TLS of the first node are every node's: a cluster shares them.
      redisOptions: {
        maxRetriesPerRequest: null,
        ...(first?.username ? { username: decodeURIComponent(first.username) } : {}),
        ...(first?.password ? { password: decodeURIComponent(first.password) } : {}),
        ...(first?.protocol === "rediss:" ? { tls: {} } : {}),
      },
    },
  );
}

/** A readable name of where Redis is, for error messages (no password). */
export function describeRedisTarget(target: string | RedisTarget): string {
  const { url, clusterNodes } = typeof target === "string" ? { url: target, clusterNodes: undefined } : target;
  return clusterNodes && clusterNodes.length > 0
    ? `the Redis Cluster at ${clusterNodes.map(maskUrlPassword).join(", ")}`
    : maskUrlPassword(url);
}
