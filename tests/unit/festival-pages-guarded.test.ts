import { describe, expect, it } from "vitest";
import { readFileSync, readdirSync } from "node:fs";
import { join, relative } from "node:path";

// Layouts are not guards: every organizers' festival page checks its own permission before reading, and
// every exported server action authorizes (festival.manage) before it reads the form. This keeps a new
// page or action from forgetting; the e2e suite replays an action without the permission (403).
const root = join(process.cwd(), "app", "(admin)", "admin", "festival");

function files(dir: string, name: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? files(join(dir, entry.name), name) : entry.name === name ? [join(dir, entry.name)] : [],
  );
}

describe("the organizers' festival pages", () => {
  const pages = files(root, "page.tsx");
  it("are found", () => expect(pages.length).toBeGreaterThanOrEqual(5));
  it.each(pages.map((p) => [relative(root, p), p]))("%s checks festival.read or festival.manage before reading data", (_name, path) => {
    const body = readFileSync(path, "utf8").split("export default async function")[1] ?? "";
    const guard = body.search(/await requirePermission\("festival\.(read|manage)"/);
    expect(guard).toBeGreaterThan(0);
    expect(body.search(/prisma|searchParams\b.*await|getSyllabus/)).toBeGreaterThan(guard);
  });

  it("each server action authorizes before it reads the database", () => {
    const source = readFileSync(join(root, "actions.ts"), "utf8");
    const actions = source.split(/\nexport async function /).slice(1);
    expect(actions.length).toBeGreaterThanOrEqual(7);
    for (const action of actions) {
      const name = action.slice(0, action.indexOf("("));
      // The shared helper (whose first step is the guard) or the guard itself; services only after it.
      const guard = action.search(/festivalChange\(|festivalOperator\(/);
      expect(guard, name).toBeGreaterThan(0);
      expect(action.indexOf("prisma"), name).toBeGreaterThan(guard);
    }
  });
});
