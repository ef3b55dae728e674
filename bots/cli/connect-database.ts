import { loadEnv } from "../../config/env.ts";
import type { PrismaClient } from "../../prisma/client.ts";
import type { CliIo } from "./command.ts";

/**
 * A connection to DATABASE_URL's database for a command that needs one. Prisma and pg load here,
 * on first use, not when the CLI starts: every other command would pay for them.
 */
export async function connectFromEnvironment(): Promise<() => PrismaClient> {
  const { createPrismaClient } = await import("../../prisma/client.ts");
  return () => createPrismaClient(loadEnv().DATABASE_URL);
}

type Invalid = { kind: "invalid"; problems: string[] };

/**
 * The shape of every database command: arguments with problems exit 2 (one line each, nothing
 * connected); otherwise `act` runs on a fresh connection, closed afterwards whatever happens.
 */
export async function runOnDatabase<Read extends { kind: string }>(
  read: Read,
  io: CliIo,
  connect: () => PrismaClient,
  act: (prisma: PrismaClient, read: Exclude<Read, Invalid>) => Promise<number>,
): Promise<number> {
  if (isInvalid(read)) {
    for (const problem of read.problems) io.stderr.write(`${problem}\n`);
    return 2;
  }
  const prisma = connect();
  try {
    return await act(prisma, read as Exclude<Read, Invalid>);
  } finally {
    await prisma.$disconnect();
  }
}

function isInvalid(read: { kind: string }): read is Invalid {
  return read.kind === "invalid";
}
