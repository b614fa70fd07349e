// `npm run bench:enumeration`: does sign-in take the same time for an unknown e-mail as for a known one
// with a wrong password? Sequential real sign-ins against `next start`; prints both medians.
import { build, seedUsers, startServer } from "./server";
import { benchHash } from "./hash";

const ROUNDS = Number(process.env.ROUNDS ?? 40);

async function timedSignIn(base: string, email: string): Promise<number> {
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const cookie = csrf.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
  const t = performance.now();
  const r = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie },
    body: new URLSearchParams({ csrfToken, email, password: "a wrong password for everyone" }),
  });
  await r.arrayBuffer();
  if (!(r.headers.get("location") ?? "").includes("error=CredentialsSignin")) throw new Error(`unexpected answer ${r.status}`);
  return performance.now() - t;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function main() {
  if (!process.argv.includes("--no-build")) build();
  const server = await startServer({
    port: Number(process.env.BENCH_PORT ?? 3402),
    seed: async (url) => seedUsers(url, 200, await benchHash()),
    env: { SIGN_IN_IP_LIMIT: "1000000", SIGN_IN_ACCOUNT_LIMIT: "1000000" },
  });
  try {
    const known: number[] = [];
    const unknown: number[] = [];
    for (let i = 0; i < 5; i++) await timedSignIn(server.baseUrl, `user${i}@bench.test`); // warm-up
    // Interleaved, so drift in machine load hits both alike.
    for (let i = 0; i < ROUNDS; i++) {
      known.push(await timedSignIn(server.baseUrl, `user${i % 200}@bench.test`));
      unknown.push(await timedSignIn(server.baseUrl, `nobody${i}@bench.test`));
    }
    const k = median(known);
    const u = median(unknown);
    const diff = (Math.abs(k - u) / Math.max(k, u)) * 100;
    console.log(`\nSign-in timing, ${ROUNDS} sequential attempts each (bcrypt cost 12):`);
    console.log(`  known e-mail, wrong password: median ${k.toFixed(1)} ms`);
    console.log(`  unknown e-mail:               median ${u.toFixed(1)} ms`);
    console.log(`  difference: ${diff.toFixed(1)} % (target: within 10 %) -> ${diff <= 10 ? "OK" : "OVER"}`);
  } finally {
    await server.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
