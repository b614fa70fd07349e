// npm's postbuild step, after the CSP hashes: bundles the answers the custom server (scripts/start.mjs)
// gives before Next, from the app's own TypeScript, into .next/mfo/. Today one: GET /api/account
// (app/(account)/account/front-answer.ts, the same answer as the Next route's). Packages stay imports of
// node_modules (they are the ones Next's own bundles load, and the process-wide state of lib/process-wide.ts
// is shared with them); the app's modules are compiled in, "server-only" as the empty module it is on
// the server. Without this file the server leaves the route to Next.
import { build } from "esbuild";
import { fileURLToPath } from "node:url";

export const FRONT_ANSWER_BUNDLE = ".next/mfo/front-answer.mjs";

const root = fileURLToPath(new URL("../..", import.meta.url));

export async function buildFront(dist = ".next") {
  await build({
    absWorkingDir: root,
    entryPoints: ["app/(account)/account/front-answer.ts"],
    outfile: `${dist}/mfo/front-answer.mjs`,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    packages: "external",
    alias: { "server-only": "./scripts/serve/empty.mjs" },
    tsconfig: "tsconfig.json",
    logLevel: "warning",
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await buildFront(process.argv[2]);
  console.log(`build-front: ${FRONT_ANSWER_BUNDLE}`);
}
