/**
 * Which database the benches use: --database-url, else BENCH_DATABASE_URL, else the server of
 * DATABASE_URL (or 127.0.0.1:5432) with the database `iamfit_bench`. Its name must contain
 * "bench": bench:history drops and recreates it, so it can never be the database iamfit uses.
 */
export function benchDatabaseUrl(explicit: string | undefined, env: NodeJS.ProcessEnv = process.env): URL {
  const given = explicit ?? env.BENCH_DATABASE_URL;
  const url = new URL(given ?? env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres");
  if (!given) url.pathname = "/iamfit_bench";
  const name = benchDatabaseName(url);
  if (!/^[a-z0-9_]*bench[a-z0-9_]*$/.test(name)) {
    throw new Error(`"${name}" does not look like a bench database: the benches only use a database whose name contains "bench" (lower case letters, digits and _).`);
  }
  return url;
}

export function benchDatabaseName(url: URL): string {
  return decodeURIComponent(url.pathname.slice(1));
}
