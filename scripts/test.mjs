// `npm test`: type check, lint, unit + integration tests (vitest), then the e2e suite (Playwright) against
// a production build. The build starts first and runs alongside the rest: type check and lint use one
// thread each, and vitest's longest files spend much of their time waiting on child processes, locks
// and bcrypt's worker, so on a 2-core machine the build fills that idle core instead of adding its own
// minute after them (issue 13: CI's time). Plain JavaScript: it runs before anything is compiled.
import { spawn } from "node:child_process";
import { createWriteStream, readFileSync } from "node:fs";

const BUILD_LOG = ".e2e-build.log";

/** Runs an npm script; resolves with its exit code. `output`: "inherit", or a file to write it to. */
function npmRun(script, { output = "inherit", env = {} } = {}) {
  const child = spawn("npm", ["run", "--silent", script], {
    env: { ...process.env, ...env },
    detached: output !== "inherit", // its own process group, so that stop() ends what it started too
    stdio: output === "inherit" ? "inherit" : ["ignore", "pipe", "pipe"],
  });
  if (output !== "inherit") {
    const file = createWriteStream(output);
    child.stdout.pipe(file);
    child.stderr.pipe(file);
  }
  const done = new Promise((resolve) => child.on("close", (code, signal) => resolve(code ?? (signal ? 1 : 0))));
  return { child, done };
}

/** Runs scripts at once, printing each one's output when it ends (so they do not interleave). */
async function together(scripts) {
  const runs = scripts.map((script) => {
    const file = `.e2e-${script}.log`;
    return { script, file, ...npmRun(script, { output: file }) };
  });
  let failed = false;
  for (const run of runs) {
    const code = await run.done;
    process.stdout.write(`\n> ${run.script} (exit ${code})\n${readFileSync(run.file, "utf8")}`);
    if (code !== 0) failed = true;
  }
  return !failed;
}

const build = npmRun("build", { output: BUILD_LOG });
const stop = (code) => {
  try {
    process.kill(-build.child.pid, "SIGTERM");
  } catch {
    // it had ended
  }
  process.exit(code);
};

// Ctrl-C reaches this process group, not the build's.
process.on("SIGINT", () => stop(130));
process.on("SIGTERM", () => stop(143));

if (!(await together(["typecheck", "lint"]))) stop(1);
if ((await npmRun("test:unit").done) !== 0) stop(1);

const buildCode = await build.done;
if (buildCode !== 0) {
  process.stdout.write(readFileSync(BUILD_LOG, "utf8"));
  console.error(`npm test: the build failed (exit ${buildCode})`);
  process.exit(1);
}
console.log("\nnpm test: the production build is ready (its output: .e2e-build.log); now the e2e suite");
// tests/e2e/serve.sh serves this build as it is (it still refreshes the CSP hashes, a no-op here).
process.exit(await npmRun("test:e2e", { env: { E2E_SKIP_BUILD: "1" } }).done);
