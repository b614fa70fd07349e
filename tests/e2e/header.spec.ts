import { expect, test, type Page } from "@playwright/test";
import { signInAsAdmin } from "./helpers";
import { landAsAdmin } from "./setup";

// The header's session controls are in the HTML of every page (both variants; CSS shows one), picked
// before the first paint by an inline script (lib/session-hint/script.ts): nothing moves at hydration,
// the signed-out links work without JavaScript, and a signed-in visitor never sees them.

interface Shift {
  value: number;
  inHeader: boolean;
  hadRecentInput: boolean;
  /** What moved, and from where to where (x,y w×h), for the failure message. */
  moved: string[];
}

/** Records every layout shift of the page's lifetime, and whether it moved something in the header. */
async function recordLayoutShifts(page: Page) {
  await page.addInitScript(() => {
    const shifts: Shift[] = [];
    (window as unknown as { __shifts: Shift[] }).__shifts = shifts;
    type Rect = { x: number; y: number; width: number; height: number };
    type LayoutShift = PerformanceEntry & { value: number; hadRecentInput: boolean; sources?: { node?: Node | null; previousRect: Rect; currentRect: Rect }[] };
    const rect = (r: Rect) => `${Math.round(r.x)},${Math.round(r.y)} ${Math.round(r.width)}×${Math.round(r.height)}`;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as LayoutShift[]) {
        const moved = (entry.sources ?? []).map((s) => (s.node instanceof Element ? s.node : s.node?.parentElement) ?? null);
        shifts.push({
          value: entry.value,
          inHeader: moved.some((el) => Boolean(el?.closest(".site-header"))),
          hadRecentInput: entry.hadRecentInput,
          moved: moved.map((el, i) => {
            const source = entry.sources![i];
            const name = el ? `${el.tagName.toLowerCase()}.${[...el.classList].join(".")}` : "(gone)";
            return `${name} ${rect(source.previousRect)} -> ${rect(source.currentRect)} at ${Math.round(entry.startTime)} ms`;
          }),
        });
      }
    }).observe({ type: "layout-shift", buffered: true });
  });
}

/** Loads a page, waits until it has hydrated and settled, and returns its layout shifts. */
async function shiftsOf(page: Page, path: string, settled?: () => Promise<void>): Promise<Shift[]> {
  await page.goto(path);
  await expect(page.locator(".session-box[data-state]")).toBeAttached(); // hydrated: the cookie was read
  if (settled) await settled();
  await page.waitForLoadState("networkidle");
  await page.waitForTimeout(300); // layout-shift entries are delivered after the frame that shifted
  return page.evaluate(() => (window as unknown as { __shifts: Shift[] }).__shifts);
}

function expectStill(shifts: Shift[], where: string) {
  const counted = shifts.filter((s) => !s.hadRecentInput);
  expect(counted.filter((s) => s.inHeader), `${where}: layout shifts in the header`).toEqual([]);
  const total = counted.reduce((sum, s) => sum + s.value, 0);
  expect(total, `${where}: cumulative layout shift (${JSON.stringify(counted)})`).toBeLessThan(0.1);
}

for (const width of [1280, 390]) {
  test.describe(`at ${width} px`, () => {
    test.use({ viewport: { width, height: 800 } });

    test("signed out, nothing moves in the header and the page shifts less than 0.1", async ({ page }) => {
      await recordLayoutShifts(page);
      for (const path of ["/", "/sign-in", "/account", "/admin"]) {
        expectStill(await shiftsOf(page, path), `${path} signed out`);
        await expect(page.getByRole("banner").getByRole("link", { name: "Sign in", exact: true })).toBeVisible();
      }
    });

    test("signed in as an admin, nothing moves in the header and the page shifts less than 0.1", async ({ page }) => {
      test.slow(); // four pages
      await landAsAdmin(page);
      await recordLayoutShifts(page);
      const accountLoaded = () => expect(page.getByTestId("sign-in-history")).toBeVisible();
      for (const [path, settled] of [["/", undefined], ["/sign-in", undefined], ["/account", accountLoaded], ["/admin", undefined]] as const) {
        expectStill(await shiftsOf(page, path, settled), `${path} signed in`);
        await expect(page.getByRole("banner").getByRole("button", { name: "Sign out" })).toBeVisible();
      }
    });
  });
}

test("signed-in visitors get the signed-in header from the first paint, before any bundle runs", async ({ page }) => {
  // Through the form: the hint cookie the first paint reads is the one a real sign-in sets.
  await signInAsAdmin(page);
  // Only the HTML and its inline scripts: no framework code, so no hydration.
  await page.route("**/_next/static/**/*.js", (route) => route.abort());
  await page.goto("/");
  const header = page.getByRole("banner");
  await expect(header.getByRole("button", { name: "Sign out" })).toBeVisible();
  await expect(header.getByRole("link", { name: "Admin" })).toBeVisible();
  await expect(header.getByRole("link", { name: "Sign in" })).toHaveCount(0);
  await expect(page.locator(".session-box[data-state]")).toHaveCount(0); // indeed not hydrated
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the header offers Sign in and Sign up, and they work", async ({ page }) => {
    for (const path of ["/", "/forgot-password", "/sign-up", "/no-such-page"]) {
      await page.goto(path);
      const header = page.getByRole("banner");
      await expect(header.getByRole("link", { name: "Sign in", exact: true }), path).toBeVisible();
      await expect(header.getByRole("link", { name: "Sign up", exact: true }), path).toBeVisible();
      await expect(header.getByRole("button", { name: "Sign out" }), path).toHaveCount(0);
      await expect(header.getByRole("link", { name: "Admin" }), path).toHaveCount(0);
    }
    await page.goto("/");
    await page.getByRole("banner").getByRole("link", { name: "Sign in", exact: true }).click();
    await expect(page).toHaveURL(/\/sign-in$/);
    await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
    await page.getByRole("banner").getByRole("link", { name: "Sign up", exact: true }).click();
    await expect(page).toHaveURL(/\/sign-up$/);
  });
});
