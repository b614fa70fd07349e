// `npm run dev`: when SMTP_URL is not set, starts maildev (a real SMTP server with a web UI, on
// loopback) and points the app at it, prints where to read the mail, then runs `next dev`. Stopping
// dev (Ctrl+C) stops both.
import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import { resolve } from "node:path";
import { loadEnvConfig } from "@next/env";

const root = process.cwd();
loadEnvConfig(root, true);

/** The preferred port when it is free on loopback, or any free one. */
function freePort(preferred: number): Promise<number> {
  return new Promise((done) => {
    const probe = createServer();
    probe.once("error", () => {
      const any = createServer();
      any.listen(0, "127.0.0.1", () => {
        const { port } = any.address() as { port: number };
        any.close(() => done(port));
      });
    });
    probe.listen(preferred, "127.0.0.1", () => probe.close(() => done(preferred)));
  });
}

const children: ChildProcess[] = [];
function stopAll(code: number) {
  for (const child of children) if (child.exitCode === null) child.kill("SIGTERM");
  process.exit(code);
}
process.on("SIGINT", () => stopAll(0));
process.on("SIGTERM", () => stopAll(0));

async function main() {
  const env = { ...process.env };
  if (!env.SMTP_URL) {
    const smtp = await freePort(1025);
    const web = await freePort(1080);
    const maildev = spawn(
      resolve(root, "node_modules/.bin/maildev"),
      ["--smtp", String(smtp), "--web", String(web), "--ip", "127.0.0.1", "--web-ip", "127.0.0.1", "--silent"],
      { stdio: "inherit" },
    );
    children.push(maildev);
    maildev.on("exit", (code) => {
      if (code) console.error(`mfo: maildev stopped (exit ${code})`);
    });
    env.SMTP_URL = `smtp://127.0.0.1:${smtp}`;
    console.log(`mfo: mail goes to maildev; read it at http://127.0.0.1:${web}/`);
  }
  console.log("mfo: for a festival to click through, load the demo season once: npm run mfo -- demo");
  const next = spawn(resolve(root, "node_modules/.bin/next"), ["dev", ...process.argv.slice(2)], { stdio: "inherit", env });
  children.push(next);
  next.on("exit", (code) => stopAll(code ?? 0));
}

main().catch((error: unknown) => {
  console.error(error);
  stopAll(1);
});
