import "server-only";

// The one answer to "is this error the database being out of reach?", so every caller that turns it
// into the 503 page or a form message agrees. The shapes were provoked, not guessed
// (tests/security/db-unavailable.test.ts makes each one with the real client):
// - a local file another process holds locked: the libSQL driver waits, then SQLite fails with
//   SQLITE_BUSY (5; Prisma turns it into P1008 "Operation has timed out") or, when the WAL read locks
//   are held, SQLITE_PROTOCOL (15, "locking protocol"), as a DriverAdapterError whose cause carries
//   the SQLite code (or a P2010 raw-query error with that DriverAdapterError in meta);
// - a file that cannot be opened: the libSQL driver's plain Error "Failed to connect to database";
// - a remote libSQL URL (http, libsql) that does not answer: TypeError "fetch failed" whose cause
//   has ECONNREFUSED / ENOTFOUND; over WebSockets: "HRANA_WEBSOCKET_ERROR: connect ECONNREFUSED".
// A constraint violation, a missing row or a bug is none of these: it stays a 500.

/** SQLite primary result codes for a database that is busy, locked, full or cannot be read. */
const SQLITE_UNAVAILABLE = new Set([
  5, // SQLITE_BUSY
  6, // SQLITE_LOCKED
  10, // SQLITE_IOERR (and its extended codes)
  13, // SQLITE_FULL
  14, // SQLITE_CANTOPEN
  15, // SQLITE_PROTOCOL: the WAL locks could not be taken
]);

const UNAVAILABLE_CODES = new Set([
  // Prisma: cannot reach, timed out (SQLITE_BUSY through the adapter), server closed the connection,
  // no connection from the pool in time.
  "P1001",
  "P1002",
  "P1008",
  "P1017",
  "P2024",
  // Node and undici, for a remote libSQL server.
  "ECONNREFUSED",
  "ECONNRESET",
  "ENOTFOUND",
  "EAI_AGAIN",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "EPIPE",
  "UND_ERR_CONNECT_TIMEOUT",
  "UND_ERR_SOCKET",
  "HRANA_WEBSOCKET_ERROR",
]);

const SQLITE_NAME = /^SQLITE_(BUSY|LOCKED|IOERR|FULL|CANTOPEN|PROTOCOL)(_|$)/;

const UNAVAILABLE_MESSAGE =
  /database is locked|database table is locked|locking protocol|unable to open database file|disk I\/O error|database or disk is full|^Failed to connect to database|^fetch failed$|HRANA_WEBSOCKET_ERROR/i;

type Node = Record<string, unknown>;

/** The error, its causes and Prisma's wrapped driver error, outermost first. */
function chain(error: unknown): Node[] {
  const seen: Node[] = [];
  const queue: unknown[] = [error];
  while (queue.length && seen.length < 8) {
    const next = queue.shift();
    if (typeof next !== "object" || next === null || seen.includes(next as Node)) continue;
    const node = next as Node;
    seen.push(node);
    queue.push(node.cause, (node.meta as Node | undefined)?.driverAdapterError);
  }
  return seen;
}

function sqliteCode(value: unknown): number | null {
  const n = typeof value === "string" && /^\d+$/.test(value) ? Number(value) : value;
  return typeof n === "number" && Number.isInteger(n) ? n & 0xff : null;
}

function nodeIsUnavailable(node: Node): boolean {
  const code = node.code;
  if (typeof code === "string" && (UNAVAILABLE_CODES.has(code) || SQLITE_NAME.test(code))) return true;
  for (const raw of [node.rawCode, node.extendedCode, node.originalCode]) {
    const primary = sqliteCode(raw);
    if (primary !== null && SQLITE_UNAVAILABLE.has(primary)) return true;
  }
  for (const text of [node.message, node.originalMessage]) {
    if (typeof text === "string" && UNAVAILABLE_MESSAGE.test(text)) return true;
  }
  return false;
}

export function isDatabaseUnavailable(error: unknown): boolean {
  return chain(error).some(nodeIsUnavailable);
}

/**
 * One line for the log: the innermost code and message (the outer Prisma message quotes source code
 * and SQL, which the log does not need). Never sent to the client.
 */
export function describeDatabaseError(error: unknown): string {
  const nodes = chain(error);
  const inner = nodes.findLast(nodeIsUnavailable) ?? nodes.at(-1);
  if (!inner) return String(error);
  const code = [inner.code, inner.originalCode].find((c) => typeof c === "string" && c.length > 0);
  const message = [inner.message, inner.originalMessage].find((m): m is string => typeof m === "string" && m.length > 0) ?? "";
  const firstLine = message.trim().split("\n")[0]?.slice(0, 200) ?? "";
  return [code, firstLine].filter(Boolean).join(" ");
}

/** The one log line for an unreachable database: where it happened and why, no stack. */
export function logDatabaseUnavailable(where: string, error: unknown): void {
  console.error(`[db] unavailable (${where}): ${describeDatabaseError(error)}`);
}
