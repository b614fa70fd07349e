import { expect, test, type Page } from "@playwright/test";
import { landAsAdmin } from "./setup";

// At a phone's width no page scrolls sideways: wide tables scroll inside their own box
// (components/table-scroll.tsx). Checked on every page a crawl of the site reaches, signed in as an admin.

const MAX_PAGES = 40;
// Links that would end the session or are not pages.
const SKIP = [/^\/api\//, /^\/session-ended/, /^\/test-only\//, /^\/_next\//, /^\/confirm-email-change/];

/**
 * The same page kind once or twice, not once per user, season, class or entry: ids and query strings
 * folded (the festival specs may be adding seasons and classes while this crawl runs).
 */
function kind(url: URL): string {
  const path = url.pathname
    .replace(/\/admin\/(users|roles)\/[^/]+/, "/admin/$1/:id")
    .replace(/\/admin\/festival\/(seasons|classes)\/(?!new$)[^/]+/, "/admin/festival/$1/:id")
    .replace(/^\/syllabus\/[^/]+/, "/syllabus/:code")
    .replace(/^\/entries\/(?!new$|students$|people$)[^/]+/, "/entries/:id");
  return path + (url.search ? "?…" : "");
}

async function overflow(page: Page) {
  return page.evaluate(() => {
    const root = document.documentElement;
    const wide = [...document.querySelectorAll("body *")]
      .filter((el) => el.getBoundingClientRect().right > root.clientWidth + 1 && !el.closest(".table-wrap, .visually-hidden, .skip-link"))
      .slice(0, 5)
      .map((el) => `${el.tagName.toLowerCase()}.${[...el.classList].join(".")} (${Math.round(el.getBoundingClientRect().right)} px)`);
    return { scrollWidth: root.scrollWidth, clientWidth: root.clientWidth, wide };
  });
}

test.use({ viewport: { width: 390, height: 844 } });

test("at 390 px no page of the site scrolls sideways (a crawl signed in as an admin)", async ({ page, baseURL }) => {
  test.slow();
  await landAsAdmin(page);
  const origin = new URL(baseURL!).origin;
  const queue = ["/", "/admin", "/account", "/account/security", "/sign-in", "/sign-up", "/forgot-password", "/no-such-page"];
  const seen = new Set<string>();
  const perKind = new Map<string, number>();
  const visited: string[] = [];
  while (queue.length && visited.length < MAX_PAGES) {
    const path = queue.shift()!;
    if (seen.has(path)) continue;
    seen.add(path);
    const k = kind(new URL(path, origin));
    if ((perKind.get(k) ?? 0) >= 2) continue;
    perKind.set(k, (perKind.get(k) ?? 0) + 1);
    await page.goto(path);
    await page.waitForLoadState("networkidle");
    visited.push(path);
    const { scrollWidth, clientWidth, wide } = await overflow(page);
    expect(scrollWidth, `${path} scrolls sideways; too wide: ${wide.join(", ")}`).toBeLessThanOrEqual(clientWidth);
    const links = await page.locator("a[href]").evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
    for (const href of links) {
      const url = new URL(href);
      const next = `${url.pathname}${url.search}`;
      if (url.origin === origin && !SKIP.some((re) => re.test(url.pathname)) && !seen.has(next)) queue.push(next);
    }
  }
  // The crawl reached the admin console's pages, not just the start list.
  for (const expected of ["/admin/users", "/admin/roles", "/admin/audit", "/admin/users/:id", "/admin/roles/:id"]) {
    expect(visited.map((p) => kind(new URL(p, origin))), expected).toContain(expected);
  }
});

test("a wide table scrolls inside its own box, which keyboard users can reach and screen readers name", async ({ page }) => {
  await landAsAdmin(page, "/admin/audit");
  const box = page.getByRole("region", { name: "Security events, newest first" });
  await expect(box).toHaveAttribute("tabindex", "0");
  const { scrollWidth, clientWidth } = await box.evaluate((el) => ({ scrollWidth: el.scrollWidth, clientWidth: el.clientWidth }));
  expect(scrollWidth).toBeGreaterThan(clientWidth); // the table is wider than a phone, and scrolls here
  await box.focus();
  await page.keyboard.press("ArrowRight");
  await expect.poll(() => box.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);
});

test.describe("at 1280 px", () => {
  test.use({ viewport: { width: 1280, height: 800 } });

  test("the admin cards line up with the admin navigation, and the roles table fits its card", async ({ page }) => {
    test.slow(); // six admin pages
    await landAsAdmin(page, "/admin/roles");
    const firstRole = await page.getByRole("region", { name: "Roles and the permissions they grant" }).locator("tbody th a").first().getAttribute("href");
    for (const path of ["/admin", "/admin/users", "/admin/roles", firstRole!, "/admin/audit"]) {
      await page.goto(path);
      const nav = await page.getByRole("navigation", { name: "Admin" }).boundingBox();
      const card = await page.locator(".admin > .panel").first().boundingBox();
      expect([card?.x, card?.width], path).toEqual([nav?.x, nav?.width]);
    }
    await page.goto("/admin/roles");
    const box = page.getByRole("region", { name: "Roles and the permissions they grant" });
    const { scrollWidth, clientWidth } = await box.evaluate((el) => ({ scrollWidth: el.scrollWidth, clientWidth: el.clientWidth }));
    expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
  });
});
