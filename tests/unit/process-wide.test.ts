import { afterEach, expect, it, vi } from "vitest";
import type { PrismaClient } from "@/lib/generated/prisma/client";

// Next evaluates a module once per chunk that bundles it. vi.resetModules() between two imports gives two
// copies of a module, as two chunks of one server process have: what one copy registers, the other must
// find (lib/process-wide.ts). With module-level state the guards' copy of lib/db/readers.ts never found
// the reader lib/db/index.ts registered, and every signed-in read went through Prisma.

async function freshCopy<T>(path: string): Promise<T> {
  vi.resetModules();
  return (await import(/* @vite-ignore */ path)) as T;
}

afterEach(() => vi.resetModules());

it("a reader registered by one chunk's copy of lib/db/readers.ts is found by another's", async () => {
  type Readers = typeof import("@/lib/db/readers");
  const registering = await freshCopy<Readers>("@/lib/db/readers");
  const reading = await freshCopy<Readers>("@/lib/db/readers");
  expect(reading).not.toBe(registering);
  const client = {} as PrismaClient;
  const reader = { all: async () => [], close: () => {} };
  registering.registerReader(client, () => reader);
  expect(reading.readerOf(client)).toBe(reader);
  expect(reading.readerOf({} as PrismaClient), "a client nobody registered").toBeNull();
});

it("a round trip noted by one chunk's copy is counted by another's countRoundTrips", async () => {
  type RoundTrips = typeof import("@/lib/db/round-trips");
  const noting = await freshCopy<RoundTrips>("@/lib/db/round-trips");
  const counting = await freshCopy<RoundTrips>("@/lib/db/round-trips");
  const { roundTrips } = await counting.countRoundTrips(async () => {
    noting.noteRoundTrip();
    noting.noteRoundTrip();
  });
  expect(roundTrips).toBe(2);
});

it("processWide makes a value once, however many copies ask", async () => {
  type ProcessWide = typeof import("@/lib/process-wide");
  const a = await freshCopy<ProcessWide>("@/lib/process-wide");
  const b = await freshCopy<ProcessWide>("@/lib/process-wide");
  const make = vi.fn(() => ({ made: Symbol("one") }));
  const key = `test-${Math.random()}`;
  expect(b.processWide(key, make)).toBe(a.processWide(key, make));
  expect(make).toHaveBeenCalledTimes(1);
});
