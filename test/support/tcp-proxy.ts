import { createServer, type Server, Socket } from "node:net";

export interface TcpProxy {
  /** Port the proxy listens on (127.0.0.1). */
  port: number;
  /** Destroys every open connection and refuses new ones (closed at once) until `restore()`. */
  cut(): void;
  /**
   * A network partition: connections stay open (new ones are accepted) but no byte goes through
   * either way, so the client hears nothing, not even a reset, until `restore()`.
   */
  stall(): void;
  /** Lets connections through again; connections opened or held during a stall are reset. */
  restore(): void;
  /**
   * Cuts (as `cut()`) the moment a chunk the client sends matches `match`; that chunk is never
   * forwarded. Resolves when it has happened. Lets a test cut a connection at a precise point
   * of a protocol (say, before a given SQL statement reaches the server).
   */
  cutWhen(match: (chunk: Buffer) => boolean): Promise<void>;
  state(): "open" | "cut" | "stalled";
  /** Connections accepted so far (including refused ones). */
  connections(): number;
  close(): Promise<void>;
}

/** A TCP proxy from a free local port to `target`, which a test can cut and restore. */
export async function startTcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  const open = new Set<Socket>();
  let cut = false;
  let stalled = false;
  /** Connections that lived through a stall: reset on restore. */
  const stalledSockets = new Set<Socket>();
  let accepted = 0;
  let trigger: { match: (chunk: Buffer) => boolean; fired: () => void } | null = null;

  const cutAll = () => {
    cut = true;
    for (const socket of open) socket.destroy();
    open.clear();
  };

  const server: Server = createServer((client) => {
    accepted += 1;
    if (cut) {
      client.destroy();
      return;
    }
    if (stalled) {
      // Accepted, never answered: the server is unreachable, not refusing.
      stalledSockets.add(client);
      client.on("error", () => client.destroy());
      return;
    }
    const upstream = new Socket();
    open.add(client);
    open.add(upstream);
    const drop = () => {
      client.destroy();
      upstream.destroy();
      open.delete(client);
      open.delete(upstream);
    };
    client.on("error", drop);
    upstream.on("error", drop);
    client.on("close", drop);
    upstream.on("close", drop);
    // Until the upstream is connected, writes are buffered by the socket itself.
    upstream.connect(target.port, target.host);
    client.on("data", (chunk: Buffer) => {
      if (cut) {
        drop();
        return;
      }
      if (stalled) {
        stalledSockets.add(client);
        stalledSockets.add(upstream);
        return;
      }
      if (trigger?.match(chunk)) {
        const fired = trigger.fired;
        trigger = null;
        cutAll();
        fired();
        return;
      }
      upstream.write(chunk);
    });
    upstream.on("data", (chunk: Buffer) => {
      if (cut) {
        drop();
        return;
      }
      if (stalled) {
        stalledSockets.add(client);
        stalledSockets.add(upstream);
        return;
      }
      client.write(chunk);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", resolve);
  });
  const address = server.address();
  if (!address || typeof address === "string") throw new Error("proxy has no port");

  return {
    port: address.port,
    cut: cutAll,
    stall() {
      stalled = true;
      // Established connections are held too: whatever they send from now on is dropped.
      for (const socket of open) stalledSockets.add(socket);
    },
    restore() {
      cut = false;
      stalled = false;
      for (const socket of stalledSockets) socket.destroy();
      stalledSockets.clear();
    },
    cutWhen(match) {
      return new Promise((resolve) => {
        trigger = { match, fired: resolve };
      });
    },
    state: () => (cut ? "cut" : stalled ? "stalled" : "open"),
    connections: () => accepted,
    async close() {
      cutAll();
      for (const socket of stalledSockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
