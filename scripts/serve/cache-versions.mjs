// @ts-check
// The versions of the festival's public data, read for the public page cache (public-page-cache.mjs) on
// every request to a cached page: one primary-key range read of the CacheVersion rows that every change
// to the syllabus or the programme bumps in its own transaction (lib/cache/versions.ts owns the rows and
// their meaning; this is the one other reader, outside Next's bundles, so it cannot import the Prisma
// client). Both views in one string: the programme names classes, so a syllabus change is one of its own.
//
// Its own libSQL connection, for reads only. On a local file the database is in WAL mode (scripts/
// prepare.ts), where a reader never waits for a writer; and this connection keeps SQLite's default
// busy timeout of 0, so in the rare case it cannot read at once it fails at once (the request then goes
// to Next uncached) instead of blocking the event loop that another connection's transaction needs.
import { createClient } from "@libsql/client";

const QUERY = `SELECT "key", "version" FROM "CacheVersion" WHERE "key" IN ('syllabus', 'programme') ORDER BY "key"`;

/** @param {{ url: string, authToken?: string }} config */
export function cacheVersionReader(config) {
  const client = createClient(config);
  return {
    /** "programme:3,syllabus:12"; a missing row (never changed) is absent. */
    async read() {
      const result = await client.execute(QUERY);
      return result.rows.map((row) => `${row.key}:${row.version}`).join(",");
    },
    close: () => client.close(),
  };
}
