// The original app (the Flask-Security-Too anchor in ../shared/anchors/flask-mfo) under gunicorn with 2
// workers, as its own bench.sh runs it: `npm run bench` measures it in the same run as MFO, so the
// ratios compare like with like on whatever load the machine has. Needs Debian's python3-flask-security,
// gunicorn and friends (the anchor's README lists them); without them the bench says so and goes on.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

const PYTHON = "/usr/bin/python3"; // Debian's: a pyenv python on PATH cannot see the Debian packages
const GUNICORN = "/usr/bin/gunicorn";
// Flask-Login's session protection hashes address + User-Agent into the session: the same agent for the
// sign-in and the measurement, or every answer would carry a new cookie.
export const FLASK_USER_AGENT = "mfo-bench/1.0";

export interface FlaskServer {
  baseUrl: string;
  /** The session cookie of a registered, signed-in user. */
  cookie: string;
  stop(): Promise<void>;
}

/** Where the anchor is: BENCH_FLASK_DIR, or ../shared/anchors/flask-mfo beside the project. */
function anchorDir(): string {
  return resolve(process.env.BENCH_FLASK_DIR ?? "../shared/anchors/flask-mfo");
}

/** Null when it can run here, else why not. */
export function flaskUnavailable(): string | null {
  const dir = anchorDir();
  if (!existsSync(join(dir, "mfo", "app.py"))) return `no Flask anchor at ${dir} (set BENCH_FLASK_DIR)`;
  if (!existsSync(PYTHON) || !existsSync(GUNICORN)) return `${PYTHON} or ${GUNICORN} missing (see the anchor's README for the Debian packages)`;
  const probe = spawnSync(PYTHON, ["-c", "import flask_security, flask_sqlalchemy, flask_wtf"], { encoding: "utf8" });
  if (probe.status !== 0) return `its Python packages are missing (${probe.stderr.trim().split("\n").pop()}); see the anchor's README`;
  return null;
}

function cookiesOf(response: Response, jar: Map<string, string>) {
  for (const c of response.headers.getSetCookie()) {
    const [pair] = c.split(";");
    const eq = pair.indexOf("=");
    jar.set(pair.slice(0, eq), pair.slice(eq + 1));
  }
}

const header = (jar: Map<string, string>) => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");

async function registerAndSignIn(baseUrl: string): Promise<string> {
  const jar = new Map<string, string>();
  const headers = () => ({ "user-agent": FLASK_USER_AGENT, cookie: header(jar) });
  const form = await fetch(`${baseUrl}/register`, { headers: headers() });
  cookiesOf(form, jar);
  const csrf = /name="csrf_token" type="hidden" value="([^"]+)"/.exec(await form.text())?.[1];
  if (!csrf) throw new Error("Flask anchor: no csrf_token on /register");
  const password = "festival-pass-1";
  const response = await fetch(`${baseUrl}/register`, {
    method: "POST",
    redirect: "manual",
    headers: { ...headers(), "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ csrf_token: csrf, email: `bench-${Date.now()}@secure.com`, password, password_confirm: password }),
  });
  cookiesOf(response, jar);
  if (response.status !== 302) throw new Error(`Flask anchor: registering answered ${response.status}`);
  const cookie = `session=${jar.get("session")}`;
  const account = await fetch(`${baseUrl}/account/`, { redirect: "manual", headers: { "user-agent": FLASK_USER_AGENT, cookie } });
  if (account.status !== 200) throw new Error(`Flask anchor: /account/ answered ${account.status} signed in`);
  return cookie;
}

export async function startFlask(port: number): Promise<FlaskServer> {
  const dir = anchorDir();
  const work = mkdtempSync(join(tmpdir(), "mfo-flask-"));
  const env = {
    ...process.env,
    SQLALCHEMY_DATABASE_URI: `sqlite:///${join(work, "bench.sqlite")}`,
    FLASK_DEBUG: "0",
    PYTHONDONTWRITEBYTECODE: "1", // the anchor's folder is shared and may be read-only
  };
  // Create the tables once, before two workers race to create them (as the anchor's bench.sh does).
  const init = spawnSync(PYTHON, ["-c", "import mfo.app"], { cwd: dir, env, encoding: "utf8" });
  if (init.status !== 0) throw new Error(`Flask anchor: creating its database failed: ${init.stderr}`);
  const child: ChildProcess = spawn(GUNICORN, ["-w", "2", "-b", `127.0.0.1:${port}`, "--log-level", "warning", "mfo.app:app"], {
    cwd: dir,
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let log = "";
  child.stdout?.on("data", (d) => (log += d));
  child.stderr?.on("data", (d) => (log += d));
  const baseUrl = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null) {
      child.kill("SIGTERM");
      await new Promise((r) => child.once("exit", r));
    }
    rmSync(work, { recursive: true, force: true });
  };
  try {
    const deadline = Date.now() + 30_000;
    for (;;) {
      if ((await fetch(`${baseUrl}/`).then((r) => r.ok, () => false))) break;
      if (Date.now() > deadline || child.exitCode !== null) throw new Error(`Flask anchor did not start:\n${log}`);
      await new Promise((r) => setTimeout(r, 200));
    }
    return { baseUrl, cookie: await registerAndSignIn(baseUrl), stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
