-- AlterTable
ALTER TABLE "Conversation" ADD COLUMN     "reference" JSONB;
