import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { createInterface } from "node:readline";
import { devices, expect, type BrowserContext, type Page } from "@playwright/test";
import { E2E } from "./env";
import { uniqueEmail } from "./helpers";
import { SESSION_HINT_COOKIE } from "../../lib/session-hint/index";

// Users and signed-in browsers made through the app's services (tests/e2e/setup-cli.ts), for tests in
// which they are only the set-up: no sign-up form, no sign-in form, one bcrypt hash per worker instead
// of two per user. Tests of signing up and signing in themselves use the forms (helpers.ts).

/** One of the config's two servers, or one a spec starts itself (its database and address). */
type Server = "main" | "confirm" | { databaseUrl: string; baseURL: string };
const named = { main: { databaseUrl: E2E.databaseUrl, baseURL: E2E.baseURL }, confirm: { databaseUrl: E2E.confirmDatabaseUrl, baseURL: E2E.confirmBaseURL } };
const serverOf = (server: Server = "main") => (typeof server === "string" ? named[server] : server);
/** The database a request goes to; a spec's own server's is let go after each request (`transient`). */
const db = (server?: Server) => ({ db: serverOf(server).databaseUrl, transient: typeof server === "object" });

let cli: { child: ChildProcessWithoutNullStreams; pending: Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }> } | null = null;
let nextId = 1;

/** The worker's set-up process, started at its first use; it exits when this worker does (stdin closes). */
function setupCli() {
  if (cli) return cli;
  const child = spawn("node_modules/.bin/tsx", ["--conditions=react-server", "tests/e2e/setup-cli.ts"], {
    // The servers' secret (for the cookies); the per-address limits of the server that keeps them
    // (playwright.config.ts), for countAttempts.
    env: { ...process.env, AUTH_SECRET: E2E.authSecret, DATABASE_URL: E2E.databaseUrl, NODE_ENV: "production", SIGN_UP_IP_LIMIT: "20", EMAIL_IP_LIMIT: "10" },
    stdio: ["pipe", "pipe", "pipe"],
  });
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  let stderr = "";
  child.stderr.on("data", (chunk) => (stderr = (stderr + String(chunk)).slice(-4000)));
  createInterface({ input: child.stdout }).on("line", (line) => {
    const answer = JSON.parse(line) as { id: number; result?: unknown; error?: string };
    const waiting = pending.get(answer.id);
    pending.delete(answer.id);
    if (answer.error) waiting?.reject(new Error(`setup-cli: ${answer.error}`));
    else waiting?.resolve(answer.result);
  });
  child.on("exit", (code) => {
    for (const waiting of pending.values()) waiting.reject(new Error(`setup-cli exited (${code}): ${stderr}`));
    pending.clear();
    cli = null;
  });
  // Neither the process nor its pipes keep this worker alive.
  child.unref();
  for (const stream of [child.stdin, child.stdout, child.stderr]) (stream as unknown as { unref?: () => void }).unref?.();
  cli = { child, pending };
  return cli;
}

function call<T>(request: Record<string, unknown>): Promise<T> {
  const { child, pending } = setupCli();
  const id = nextId++;
  return new Promise<T>((resolve, reject) => {
    pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
    child.stdin.write(`${JSON.stringify({ id, ...request })}\n`);
  });
}

export interface NewUserOptions {
  prefix?: string;
  /** This exact address instead of a unique one made from the prefix. */
  email?: string;
  /** Roles besides the sign-up role (participant), e.g. ["organizer"]. */
  roles?: string[];
  /** E-mail confirmed (needed to sign in where REQUIRE_EMAIL_CONFIRMATION is on). */
  confirmed?: boolean;
  server?: Server;
}

/** A new account as sign-up makes it (registerUser: participant role, audit event), password E2E.password. */
export async function newUser(options: NewUserOptions = {}): Promise<string> {
  const email = options.email ?? uniqueEmail(options.prefix);
  await call({ op: "user", ...db(options.server), email, password: E2E.password, roles: options.roles, confirmed: options.confirmed });
  return email;
}

export interface SessionOptions {
  /** The user agent the session row records (default: the chromium project's, "Chrome on Windows"). */
  userAgent?: string;
  /** The address it records (default: loopback, as a sign-in from the test browser records). */
  ip?: string | null;
  server?: Server;
}

/**
 * Signs `email` in in this browser without the form: a session row through lib/auth/sessions.ts
 * (startSession), the Auth.js cookie carrying its id, and the header's hint cookie.
 */
export async function signInDirectly(target: Page | BrowserContext, email: string, options: SessionOptions = {}): Promise<void> {
  const context = "context" in target ? target.context() : target;
  const { cookie, hint } = await call<{ cookie: { name: string; value: string }; hint: string }>({
    op: "session",
    ...db(options.server),
    email,
    userAgent: options.userAgent ?? devices["Desktop Chrome"].userAgent,
    ip: options.ip === undefined ? "127.0.0.1" : options.ip,
  });
  const url = serverOf(options.server).baseURL;
  await context.addCookies([
    { ...cookie, url, httpOnly: true, sameSite: "Lax" },
    // As Next's cookies().set writes it (URI-encoded), for the header's pre-paint script.
    { name: SESSION_HINT_COOKIE, value: encodeURIComponent(hint), url, sameSite: "Lax" },
  ]);
}

/**
 * Counts `times` attempts of a per-address action (sign-up, forgot-password, resend-confirmation) from
 * `ip`, as the forms do (lib/auth/throttles.ts attemptByIp, default limits); returns how many were
 * allowed. Brings an address near its limit without paying for each form submission.
 */
export async function countAttempts(action: "sign-up" | "forgot-password" | "resend-confirmation", ip: string, times: number, server: Server = "main"): Promise<number> {
  const { allowed } = await call<{ allowed: number }>({ op: "attempts", ...db(server), action, ip, times });
  return allowed;
}

/** signUpAndLand's contract without the forms: a new signed-in user on /account; returns the e-mail. */
export async function landAsNewUser(page: Page, prefix = "user", options: Omit<NewUserOptions, "prefix"> & SessionOptions = {}): Promise<string> {
  const email = await newUser({ ...options, prefix });
  await signInDirectly(page, email, options);
  await page.goto(`${serverOf(options.server).baseURL}/account`);
  await expect(page).toHaveURL(/\/account$/);
  return email;
}

/** The seeded admin, signed in without the form, on `path` (default /admin). */
export async function landAsAdmin(page: Page, path = "/admin"): Promise<void> {
  await signInDirectly(page, E2E.admin.email);
  await page.goto(path);
  await expect(page).toHaveURL(new RegExp(`${path.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`));
}
