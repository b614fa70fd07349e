import { existsSync, readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { BCRYPT_NICE, bcryptPoolSize, bcryptWorkers } from "@/lib/auth/bcrypt-workers";

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

// The nice value is field 19 of /proc/<pid>/task/<tid>/stat (after the parenthesised name, field 17).
function threadNiceValues(): number[] {
  return readdirSync("/proc/self/task").map((tid) => {
    const stat = readFileSync(`/proc/self/task/${tid}/stat`, "utf8");
    return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[16]);
  });
}

describe.runIf(existsSync("/proc/thread-self"))("bcrypt threads give way to the pages", () => {
  it("hash on a thread of lower priority than the process's others", async () => {
    const mainNice = () => readFileSync("/proc/self/stat", "utf8").split(") ")[1].split(" ")[16];
    const main = mainNice();
    const atBcryptNice = () => threadNiceValues().filter((nice) => nice === BCRYPT_NICE).length;
    const before = atBcryptNice();
    expect(await bcryptWorkers.compare("password", await bcryptWorkers.hash("password", 4))).toBe(true);
    expect(atBcryptNice()).toBeGreaterThan(before);
    // The main thread (whose tid is the pid) is untouched.
    expect(mainNice()).toBe(main);
  });
});
