import { describe, expect, it } from "vitest";
import { readFileSync, readdirSync } from "node:fs";
import { join, relative } from "node:path";

// The (account) group has no guarding layout (its /account page is prerendered, its data checked by
// /api/account), so each other page there must check the session itself: the middleware only reads
// the JWT and knows nothing of revocation. This keeps a new page from forgetting.
const root = join(process.cwd(), "app", "(account)");

function pages(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? pages(join(dir, entry.name)) : entry.name === "page.tsx" ? [join(dir, entry.name)] : [],
  );
}

describe("account pages", () => {
  const all = pages(root);
  it("are found", () => {
    expect(all.map((p) => relative(root, p))).toContain(join("account", "page.tsx"));
  });
  it.each(all.filter((p) => relative(root, p) !== join("account", "page.tsx")).map((p) => [relative(root, p), p]))(
    "%s checks the session on the server (requireUser)",
    (_name, path) => {
      expect(readFileSync(path, "utf8")).toMatch(/await requireUser\(/);
    },
  );
  it("the prerendered /account page reads no session: its data route does", () => {
    const page = readFileSync(join(root, "account", "page.tsx"), "utf8");
    expect(page).not.toMatch(/cookies\(|headers\(|requireUser/);
    // The data route's answer lives with the page (data-answer.ts: the access decision and its one read),
    // given by Next's route (data.ts) and by the custom server (front-answer.ts); /api/account's route
    // file only gives the route its address.
    expect(readFileSync(join(root, "account", "data-answer.ts"), "utf8")).toMatch(/accountDecision\(await sessionUser\(/);
    for (const adapter of ["data.ts", "front-answer.ts"]) expect(readFileSync(join(root, "account", adapter), "utf8")).toMatch(/await accountDataAnswer\(/);
    expect(readFileSync(join(process.cwd(), "app", "api", "account", "route.ts"), "utf8")).toMatch(/export \{ GET \} from "@\/app\/\(account\)\/account\/data"/);
  });
});
