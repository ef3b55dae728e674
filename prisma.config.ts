import { defineConfig } from "prisma/config";
import { databaseUrlFromEnv } from "./prisma/tools/database-url.ts";

// Read by the Prisma CLI (`prisma generate`, and `prisma migrate deploy` where the native engine is
// available). Offline, migrations are made and applied by prisma/tools/make-migration.ts and
// prisma/tools/migrate.ts, which use the same schema, migrations folder and DATABASE_URL.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: databaseUrlFromEnv() },
});
