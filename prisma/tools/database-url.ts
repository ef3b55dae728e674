import { maskUrlPassword } from "../../config/redact.ts";

/** The database used when DATABASE_URL is not set (local PostgreSQL, trust auth). */
export const DEFAULT_DATABASE_URL = "postgresql://postgres@127.0.0.1:5432/detaildesk";

/** DATABASE_URL from the environment, or the local default. */
export function databaseUrlFromEnv(env: NodeJS.ProcessEnv = process.env): string {
  const url = env.DATABASE_URL?.trim();
  return url ? url : DEFAULT_DATABASE_URL;
}

/** A connection string safe to print (password masked). */
export const maskDatabaseUrl = maskUrlPassword;

/** The database name in a postgres connection string (the path without the leading slash). */
export function databaseNameOf(url: string): string {
  const name = decodeURIComponent(new URL(url).pathname.replace(/^\//, ""));
  if (!name) throw new Error(`no database name in ${maskDatabaseUrl(url)}`);
  return name;
}

/** The same server and credentials, another database. */
export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${encodeURIComponent(database)}`;
  return parsed.toString();
}
