import { describe, expect, it } from "vitest";
import { bcryptPoolSize } from "@/lib/auth/bcrypt-workers";

// `npm start` runs one server process per core (scripts/start.mjs); each has its own bcrypt pool.
describe("bcrypt worker threads per process", () => {
  it("keeps one core for the main thread of a single process, up to 4 threads", () => {
    expect(bcryptPoolSize(2, 1)).toBe(1);
    expect(bcryptPoolSize(4, 1)).toBe(3);
    expect(bcryptPoolSize(16, 1)).toBe(4);
  });

  it("never gives all processes together more threads than there are cores", () => {
    for (let cores = 1; cores <= 32; cores++) {
      for (let processes = 1; processes <= cores; processes++) {
        const size = bcryptPoolSize(cores, processes);
        expect(size).toBeGreaterThanOrEqual(1);
        expect(size * processes).toBeLessThanOrEqual(Math.max(cores, processes));
      }
    }
    expect(bcryptPoolSize(2, 2)).toBe(1);
    expect(bcryptPoolSize(8, 2)).toBe(3);
  });
});
