import type { RedisConnection } from "./redis-connection.ts";

/**
 * The BullMQ prefix of one queue. On a Redis Cluster every key of a queue must hash to one slot
 * (BullMQ's scripts touch several), so the queue's name becomes a hash tag: `<prefix>:{<queue>}`.
 * One tag per queue rather than one `{prefix}` for all spreads the queues over the masters
 * (on 3 masters: inbound-messages on one, outbound and outbound-bulk on another, approvals on
 * the third), where a single tag would put every queue on one master. A single Redis keeps the
 * plain prefix, so an upgrade finds its waiting and delayed jobs under the keys they have.
 * Every Queue and Worker of the app is built with it (queue-set.ts, start-workers.ts).
 */
export function queuePrefix(connection: RedisConnection, prefix: string, queue: string): string {
  return connection.isCluster ? `${prefix}:{${queue}}` : prefix;
}

/** The connection options of one queue's Queue or Worker. */
export function queueConnection(connection: RedisConnection, prefix: string, queue: string) {
  return { connection, prefix: queuePrefix(connection, prefix, queue) };
}
