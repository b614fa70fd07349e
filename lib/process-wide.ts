// State that must exist once per server process, whatever evaluates this code.
// Next bundles a module into every chunk that imports it (the pages', each group of route handlers', the
// server actions'), and each chunk evaluates its copy: a module-level `new Map()` is one map per chunk.
// That is harmless for a cache, and wrong for anything that other modules must find or that must be
// bounded per process: one database client (two held two write queues and stalled on each other,
// stop 19), the round-trip counter, the hot read's connection registered beside that client (lib/db/
// readers.ts: found by no other chunk, so every read fell back to Prisma, issue 15), the bcrypt threads.
// Such state is made here, on globalThis under a registered symbol, and every copy gets the same value.

/** The process's one `key`, made by `make` the first time any copy of any module asks for it. */
export function processWide<T>(key: string, make: () => T): T {
  const slot = Symbol.for(`mfo.process-wide.${key}`);
  const store = globalThis as unknown as Record<symbol, T | undefined>;
  return (store[slot] ??= make());
}
