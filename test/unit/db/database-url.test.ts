import { describe, expect, it } from "vitest";
import { maskDatabaseUrl, withDatabase } from "../../../prisma/tools/database-url.ts";
import { managesOwnTransaction } from "../../../prisma/tools/migrate.ts";

describe("maskDatabaseUrl", () => {
  it("masks the password in the userinfo and in a password parameter", () => {
    expect(
      maskDatabaseUrl("postgresql://app:s3cr%40t@db.example:5432/detaildesk?password=x&sslmode=require"),
    ).toBe("postgresql://app:****@db.example:5432/detaildesk?password=****&sslmode=require");
  });

  it("prints user:****@ even without a password, so the output never tells", () => {
    expect(maskDatabaseUrl("postgresql://postgres@127.0.0.1:5432/detaildesk")).toBe(
      "postgresql://postgres:****@127.0.0.1:5432/detaildesk",
    );
  });

  it("leaves a URL without credentials alone", () => {
    expect(maskDatabaseUrl("postgresql://127.0.0.1/detaildesk")).toBe("postgresql://127.0.0.1/detaildesk");
  });
});

describe("withDatabase", () => {
  it("swaps the database and keeps credentials and parameters", () => {
    expect(withDatabase("postgresql://u:p@h:5433/app?sslmode=disable", "postgres")).toBe(
      "postgresql://u:p@h:5433/postgres?sslmode=disable",
    );
  });
});

describe("managesOwnTransaction", () => {
  it("spots top-level BEGIN/COMMIT but not plpgsql bodies, strings or comments", () => {
    expect(managesOwnTransaction("-- AlterEnum\nBEGIN;\nCREATE TYPE x AS ENUM ('a');\nCOMMIT;\n")).toBe(true);
    expect(managesOwnTransaction('CREATE TABLE "t" (id int);\n')).toBe(false);
    expect(
      managesOwnTransaction(
        "CREATE FUNCTION f() RETURNS trigger AS $$ BEGIN RETURN NEW; END; $$ LANGUAGE plpgsql;\n-- BEGIN;\nSELECT 'COMMIT;';",
      ),
    ).toBe(false);
  });
});
