-- Exactly one officer holds each position, whatever the concurrency: enforced by the database.
-- A partial index cannot be expressed in schema.prisma, so it lives only here.
CREATE UNIQUE INDEX "Assignment_one_live_per_position"
  ON "Assignment" ("positionId")
  WHERE "status" IN ('assigned', 'checked_in', 'checked_out');
