import { AsyncLocalStorage } from "node:async_hooks";
import { processWide } from "@/lib/process-wide";

// Counts the statements a piece of work sends to the database (each one is a round trip to the
// libSQL driver, or over the network to Turso). lib/db/index.ts reports every call here; a route handler
// that wants its figure wraps its work in countRoundTrips and sends it as Server-Timing, which the
// e2e suite holds to the performance budget (at most 2 per signed-in page).
// Process-wide (lib/process-wide.ts), like lib/db/index.ts's client: the one shared client must report to
// the same store that a route handler's countRoundTrips reads, from another chunk.
const counter = processWide("db-round-trips", () => new AsyncLocalStorage<{ count: number }>());

export function noteRoundTrip(): void {
  const store = counter.getStore();
  if (store) store.count++;
}

export async function countRoundTrips<T>(work: () => Promise<T>): Promise<{ result: T; roundTrips: number }> {
  const store = { count: 0 };
  const result = await counter.run(store, work);
  return { result, roundTrips: store.count };
}
