// Where the time goes: serves the build on a seeded temp database and measures the given paths signed in
// (tsx scripts/bench/profile.ts /account /api/account). With BENCH_CPU_PROF=dir the server writes a V8
// CPU profile there (open it in Chrome DevTools). Needs a build (npm run build).
import { benchHash } from "./hash";
import { BENCH_PASSWORD, measure, seedUsers, signInCookie, startServer } from "./server";

async function main() {
  const paths = process.argv.slice(2);
  const hash = await benchHash();
  const server = await startServer({ port: 3450, seed: (url) => seedUsers(url, 10_000, hash) });
  try {
    const cookie = await signInCookie(server.baseUrl, "user42@bench.test", BENCH_PASSWORD);
    for (const path of paths) {
      await measure("warm", { url: server.baseUrl + path, duration: 2, headers: { cookie } });
      const row = await measure(path, { url: server.baseUrl + path, duration: 8, headers: { cookie } });
      console.log(row.name, row.requestsPerSec, "req/s p50", row.p50, "p99", row.p99, "bad", row.non2xx3xx);
    }
    const rest = await measure("/", { url: server.baseUrl + "/", duration: 5 });
    console.log("/ signed out", rest.requestsPerSec, "req/s p50", rest.p50, "p99", rest.p99);
  } finally {
    await server.stop();
  }
}
void main();
