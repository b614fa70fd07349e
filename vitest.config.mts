import { defineConfig } from "vitest/config";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL(".", import.meta.url));

export default defineConfig({
  resolve: {
    alias: [
      { find: /^@\//, replacement: `${root}` },
      { find: "server-only", replacement: `${root}tests/support/empty.ts` },
    ],
  },
  test: {
    include: ["tests/unit/**/*.test.ts", "tests/integration/**/*.test.ts", "tests/security/**/*.test.ts"],
    environment: "node",
    // A focused test left in by mistake would silently skip the rest of the suite, locally as in CI.
    allowOnly: false,
    pool: "forks",
    maxWorkers: 2, // the machines have 2 cores
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
