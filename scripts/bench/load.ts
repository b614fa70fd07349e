// `npm run bench:load`: 60 s of mixed traffic at 50 connections against `next start` on loopback:
// 45 connections browse (home, signed-in account page and its data, sign-in page), 5 keep failing to sign in.
// Prints requests/s, p50/p99 and error counts. Flags: --no-build, --duration=N.
import autocannon from "autocannon";
import { BENCH_PASSWORD, build, printTable, seedUsers, signInCookie, startServer, type Row } from "./server";
import { benchHash } from "./hash";

const duration = Number(process.argv.find((a) => a.startsWith("--duration="))?.split("=")[1] ?? 60);

function row(name: string, r: autocannon.Result): Row {
  const bad = Object.entries(r.statusCodeStats ?? {})
    .filter(([code]) => !/^[23]/.test(code))
    .reduce((sum, [, v]) => sum + (v as { count: number }).count, 0);
  return { name, requestsPerSec: Math.round(r.requests.average), p50: r.latency.p50, p99: r.latency.p99, non2xx3xx: bad, errors: r.errors + r.timeouts };
}

async function main() {
  if (!process.argv.includes("--no-build")) build();
  // One address sends everything here: per-address limits would turn the test into a 429 test.
  const server = await startServer({
    port: Number(process.env.BENCH_PORT ?? 3401),
    seed: async (url) => seedUsers(url, 1_000, await benchHash()),
    env: { SIGN_IN_IP_LIMIT: "1000000", SIGN_IN_ACCOUNT_LIMIT: "1000000" },
  });
  try {
    const base = server.baseUrl;
    const cookie = await signInCookie(base, "user7@bench.test", BENCH_PASSWORD);
    const csrf = await fetch(`${base}/api/auth/csrf`);
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    const csrfCookie = csrf.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
    let n = 0;
    const [browse, failing] = await Promise.all([
      autocannon({
        url: base,
        connections: 45,
        duration,
        timeout: 30,
        requests: [
          { method: "GET", path: "/" },
          { method: "GET", path: "/account", headers: { cookie } },
          { method: "GET", path: "/api/account", headers: { cookie } },
          { method: "GET", path: "/sign-in" },
        ],
      }),
      autocannon({
        url: base,
        connections: 5,
        duration,
        timeout: 30,
        requests: [
          {
            method: "POST",
            path: "/api/auth/callback/credentials",
            headers: { "content-type": "application/x-www-form-urlencoded", cookie: csrfCookie },
            setupRequest: (req) => ({
              ...req,
              body: new URLSearchParams({ csrfToken, email: `user${n++ % 1000}@bench.test`, password: "not the right password at all" }).toString(),
            }),
          },
        ],
      }),
    ]);
    console.log(`\nMixed load: ${duration} s, 50 connections (45 browsing, 5 failing sign-ins), server RSS ${Math.round(server.rssMiB())} MiB\n`);
    printTable([row("browse: /, /account and /api/account (signed in), /sign-in", browse), row("failed sign-ins (POST credentials)", failing)]);
    const fiveXx = [browse, failing].reduce((s, r) => s + r["5xx"], 0);
    console.log(`\n5xx responses: ${fiveXx}; connection errors and timeouts: ${browse.errors + browse.timeouts + failing.errors + failing.timeouts}`);
  } finally {
    await server.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
