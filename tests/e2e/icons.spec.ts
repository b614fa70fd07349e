import { expect, test } from "@playwright/test";

test("the festival's icon: /favicon.ico and every icon the HTML names answer 200 with an image", async ({ page, request }) => {
  const favicon = await request.get("/favicon.ico");
  expect(favicon.status()).toBe(200);
  expect(favicon.headers()["content-type"]).toMatch(/^image\//);
  await page.goto("/");
  const named = await page.locator('link[rel~="icon"], link[rel="apple-touch-icon"]').evaluateAll((links) =>
    links.map((l) => ({ rel: l.getAttribute("rel"), href: (l as HTMLLinkElement).href, type: l.getAttribute("type") })),
  );
  // The SVG for browsers, the ICO as the fallback, the PNG phones put on the home screen.
  expect(named.map((l) => l.rel).sort()).toEqual(["apple-touch-icon", "icon", "icon"]);
  expect(named.some((l) => l.type === "image/svg+xml")).toBe(true);
  for (const icon of named) {
    const response = await request.get(icon.href);
    expect(response.status(), icon.href).toBe(200);
    expect(response.headers()["content-type"], icon.href).toMatch(/^image\/(svg\+xml|png|x-icon|vnd\.microsoft\.icon)/);
  }
});
