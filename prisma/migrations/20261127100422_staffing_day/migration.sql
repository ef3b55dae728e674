-- AlterTable
ALTER TABLE "Assignment" ADD COLUMN     "autoClosedAt" TIMESTAMPTZ(3);

-- AlterTable
ALTER TABLE "Offer" ADD COLUMN     "expiresAt" TIMESTAMPTZ(3);

-- AlterTable
ALTER TABLE "Officer" ADD COLUMN     "communityServiceOfficer" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "notifyWhenFilled" BOOLEAN NOT NULL DEFAULT true;

-- AlterTable
ALTER TABLE "Request" ADD COLUMN     "siteContactName" TEXT,
ADD COLUMN     "siteContactPhone" TEXT;
