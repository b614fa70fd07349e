// Set-up for the e2e suite through the app's own services, run with tsx (Playwright cannot load Prisma's
// generated client): one long-lived process per Playwright worker (tests/e2e/setup.ts starts it), which
// reads one JSON request a line on stdin and answers one JSON line on stdout, so a test pays for neither
// a process start nor the sign-up form when a user is only its set-up. Exits when stdin closes.
//   {"id":1,"op":"user","db":"file:…","email":"…","roles":["organizer"],"confirmed":true}
//   {"id":2,"op":"session","db":"file:…","email":"…","userAgent":"…","ip":"127.0.0.1"}
//   {"id":3,"op":"attempts","db":"file:…","action":"sign-up","ip":"198.18.0.1","times":19}
import { createInterface } from "node:readline";
import { encode } from "next-auth/jwt";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { createPrismaClient } from "@/lib/db";
import { bcryptWorkers } from "@/lib/auth/bcrypt-workers";
import { registerUser } from "@/lib/users/service";
import { startSession } from "@/lib/auth/sessions";
import { attemptByIp } from "@/lib/auth/throttles";
import { loadUserAccess } from "@/lib/users/access";
import { can } from "@/lib/auth/permissions";
import { encodeSessionHint } from "@/lib/session-hint";
import { authConfig } from "@/auth.config";

// Every e2e user has the same password (E2E.password): hash it once per process, not once per user
// (bcrypt at cost 12 is most of a sign-up's time). A hash of the same input verifies the same.
const hashes = new Map<string, Promise<string>>();
const hash = bcryptWorkers.hash;
bcryptWorkers.hash = (data, cost) => {
  const key = `${cost}\0${data}`;
  if (!hashes.has(key)) hashes.set(key, hash(data, cost));
  return hashes.get(key)!;
};

const clients = new Map<string, PrismaClient>();
function db(url: string): PrismaClient {
  if (!clients.has(url)) clients.set(url, createPrismaClient(url));
  return clients.get(url)!;
}

/** Auth.js's cookie over http (the e2e servers' AUTH_URL); its name is also the encryption salt. */
const SESSION_COOKIE = "authjs.session-token";

/** Every request names its database; `transient` ones (a spec's own server) are not kept open after it. */
type Request = { transient?: boolean } & (
  | { id: number; op: "user"; db: string; email: string; password: string; roles?: string[]; confirmed?: boolean }
  | { id: number; op: "session"; db: string; email: string; userAgent?: string | null; ip?: string | null }
  | { id: number; op: "attempts"; db: string; action: Parameters<typeof attemptByIp>[1]; ip: string; times: number }
);

async function handle(request: Request): Promise<unknown> {
  const prisma = db(request.db);
  if (request.op === "user") {
    // The sign-up form's own service: the participant role and the "signed up" audit event.
    const user = await registerUser(prisma, { email: request.email, password: request.password, ip: null });
    for (const name of request.roles ?? []) {
      const role = await prisma.role.findUniqueOrThrow({ where: { name }, select: { id: true } });
      await prisma.userRole.create({ data: { userId: user.id, roleId: role.id } });
    }
    if (request.confirmed) await prisma.user.update({ where: { id: user.id }, data: { emailVerified: new Date() } });
    return { id: user.id };
  }
  if (request.op === "session") {
    // What a sign-in does after the password check (auth.ts): a session row, a JWT carrying its id
    // only, and the header's display hint.
    const user = await prisma.user.findUniqueOrThrow({ where: { email: request.email }, select: { id: true } });
    const sid = await startSession(prisma, user.id, { ip: request.ip ?? null, userAgent: request.userAgent ?? null });
    const secret = process.env.AUTH_SECRET!;
    const token = await encode({ token: { sid }, secret, salt: SESSION_COOKIE, maxAge: authConfig.session.maxAge });
    const access = await loadUserAccess(prisma, user.id);
    const hint = encodeSessionHint({ email: request.email, admin: access ? can(access, "admin.access") : false });
    return { cookie: { name: SESSION_COOKIE, value: token }, hint };
  }
  if (request.op === "attempts") {
    // Counted by the forms' own throttle (lib/auth/throttles.ts), with this process's limits (those of
    // the e2e server that keeps them, set by setup.ts). Answers how many went through.
    let allowed = 0;
    for (let i = 0; i < request.times; i++) if (!(await attemptByIp(prisma, request.action, request.ip)).limited) allowed++;
    return { allowed };
  }
  throw new Error(`unknown op ${(request as { op: string }).op}`);
}

const inFlight = new Set<Promise<unknown>>();
const lines = createInterface({ input: process.stdin });
lines.on("line", (line) => {
  const request = JSON.parse(line) as Request;
  const work = handle(request)
    .finally(async () => {
      if (!request.transient) return;
      await clients.get(request.db)?.$disconnect();
      clients.delete(request.db);
    })
    .then(
      (result) => process.stdout.write(`${JSON.stringify({ id: request.id, result })}\n`),
      (error: unknown) => process.stdout.write(`${JSON.stringify({ id: request.id, error: String((error as Error)?.stack ?? error) })}\n`),
    );
  inFlight.add(work);
  void work.finally(() => inFlight.delete(work));
});
lines.on("close", () => {
  void Promise.allSettled([...inFlight])
    .then(() => Promise.allSettled([...clients.values()].map((c) => c.$disconnect())))
    .finally(() => process.exit(0));
});
