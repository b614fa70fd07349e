// Where the time goes: serves the build on a seeded temp database and measures the given paths signed in
// (tsx scripts/bench/profile.ts /account/security /admin/users; /admin paths as the admin). With
// BENCH_CPU_PROF=dir the server writes a V8 CPU profile there (open it in Chrome DevTools, or summarise it
// with `tsx scripts/bench/profile-summary.ts dir/*.cpuprofile`). BENCH_SECONDS sets the seconds per path
// (default 8), BENCH_PORT the port. Needs a build (npm run build).
import { benchHash } from "./hash";
import { BENCH_PASSWORD, measure, seedUsers, signInCookie, startServer } from "./server";

async function main() {
  const paths = process.argv.slice(2);
  const seconds = Number(process.env.BENCH_SECONDS ?? 8);
  const hash = await benchHash();
  const server = await startServer({ port: Number(process.env.BENCH_PORT ?? 3450), seed: (url) => seedUsers(url, 10_000, hash), env: { MFO_TEST_ROUTES: "true" } });
  try {
    const user = await signInCookie(server.baseUrl, "user42@bench.test", BENCH_PASSWORD);
    const admin = await signInCookie(server.baseUrl, "admin@bench.test", BENCH_PASSWORD);
    for (const path of paths) {
      const headers = { cookie: path.startsWith("/admin") ? admin : user };
      await measure("warm", { url: server.baseUrl + path, duration: 2, headers });
      const row = await measure(path, { url: server.baseUrl + path, duration: seconds, headers });
      console.log(row.name, row.requestsPerSec, "req/s p50", row.p50, "p99", row.p99, "bad", row.non2xx3xx);
    }
  } finally {
    await server.stop();
  }
}
void main();
