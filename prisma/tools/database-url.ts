/** The database used when DATABASE_URL is not set (local PostgreSQL, trust auth). */
export const DEFAULT_DATABASE_URL = "postgresql://postgres@127.0.0.1:5432/detaildesk";

/** DATABASE_URL from the environment, or the local default. */
export function databaseUrlFromEnv(env: NodeJS.ProcessEnv = process.env): string {
  const url = env.DATABASE_URL?.trim();
  return url ? url : DEFAULT_DATABASE_URL;
}

const MASK = "****";

/**
 * A connection string that is safe to print: the password (in the userinfo part or a
 * `password=` query parameter) is replaced by `****`. When a user is given, the result always
 * reads `user:****@`, so it does not reveal whether a password was set. A string that cannot be
 * parsed as a URL is masked from the first `:` after the scheme up to the last `@`.
 */
export function maskDatabaseUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return url.replace(/^([a-z][a-z0-9+.-]*:\/\/[^:/?#@]*):[^/?#]*@/i, `$1:${MASK}@`);
  }
  if (parsed.username) parsed.password = MASK;
  for (const key of [...parsed.searchParams.keys()]) {
    if (key.toLowerCase() === "password") parsed.searchParams.set(key, MASK);
  }
  // URL encodes "*" in neither userinfo nor query, so this prints as user:****@host.
  return parsed.toString();
}

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
