import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createPrismaClient, Prisma, type PrismaClient } from "../../../prisma/client.ts";

describe("schema unique constraints", () => {
  let prisma: PrismaClient;
  let conversationId: string;

  beforeAll(async () => {
    prisma = createPrismaClient(inject("databaseUrl"));
    const agencyId = `unique-test-${Date.now()}`;
    await prisma.agency.create({ data: { id: agencyId, name: "Unique Test PD", timeZone: "America/Chicago" } });
    const conversation = await prisma.conversation.create({
      data: { agencyId, channel: "sms", participant: "+15125550100" },
    });
    conversationId = conversation.id;
  });

  afterAll(async () => {
    await prisma.$disconnect();
  });

  function makeMessage(providerId: string): Prisma.MessageUncheckedCreateInput {
    return {
      conversationId,
      direction: "inbound",
      channel: "sms",
      from: "+15125550100",
      to: "+15205550100",
      body: "hello",
      providerId,
      status: "received",
    };
  }

  it("rejects a second message with the same provider id (P2002)", async () => {
    await prisma.message.create({ data: makeMessage("SM00000000000000000000000000000001") });
    const duplicate = prisma.message.create({ data: makeMessage("SM00000000000000000000000000000001") });
    await expect(duplicate).rejects.toMatchObject({ code: "P2002" });
    expect(await prisma.message.count({ where: { providerId: "SM00000000000000000000000000000001" } })).toBe(1);
  });

  it("rejects a duplicate inside a transaction and rolls the whole transaction back", async () => {
    const attempt = prisma.$transaction(async (tx) => {
      await tx.message.create({ data: makeMessage("SM00000000000000000000000000000002") });
      await tx.message.create({ data: makeMessage("SM00000000000000000000000000000002") });
    });
    await expect(attempt).rejects.toBeInstanceOf(Prisma.PrismaClientKnownRequestError);
    expect(await prisma.message.count({ where: { providerId: "SM00000000000000000000000000000002" } })).toBe(0);
  });

  it("keeps one officer per phone number within an agency", async () => {
    const agencyId = (await prisma.conversation.findUniqueOrThrow({ where: { id: conversationId } })).agencyId;
    const officer = {
      agencyId,
      badgeNumber: "U-1",
      firstName: "Ann",
      lastName: "Lee",
      phone: "+15125550199",
      rank: "officer" as const,
      seniorityDate: new Date("2015-01-01"),
    };
    await prisma.officer.create({ data: officer });
    await expect(prisma.officer.create({ data: { ...officer, badgeNumber: "U-2" } })).rejects.toMatchObject({
      code: "P2002",
    });
  });
});
