import { describe, expect, it } from "vitest";
import { safeRedirectPath } from "@/lib/auth/safe-redirect";

describe("safeRedirectPath", () => {
  it.each([
    ["/account", "/account"],
    ["/admin?page=2", "/admin?page=2"],
    ["/account#roles", "/account#roles"],
    ["/admin?q=john%20doe", "/admin?q=john%20doe"],
    ["/a/../account", "/account"],
  ])("keeps the same-origin path %s", (input, expected) => {
    expect(safeRedirectPath(input)).toBe(expected);
  });

  it.each([
    "https://evil.example",
    "http://evil.example/account",
    "//evil.example",
    "///evil.example",
    "/\\evil.example",
    "\\\\evil.example",
    "/%2F%2Fevil.example",
    "%2F%2Fevil.example",
    "/%5Cevil.example",
    "/%252F%252Fevil.example",
    "https:evil.example",
    "javascript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    " /account",
    "/\taccount",
    "/\n/evil.example",
    "/%0a/evil.example",
    "account",
    "",
    "%",
    "/%E0%A4%A",
    "x".repeat(3000),
  ])("falls back for %j", (input) => {
    expect(safeRedirectPath(input)).toBe("/account");
  });

  // Whatever comes in, what comes out resolves to this origin, in a browser and after a decode.
  const ORIGIN = "https://mfo.example";
  const hostile = [
    "/.//evil.example",
    "/./\\evil.example",
    "/..//evil.example",
    "/a/..//evil.example",
    "/a/../..//evil.example",
    "/%2e//evil.example",
    "/%2e%2e//evil.example",
    "/./%2F/evil.example",
    "/.%2F/evil.example",
    "/%2F/evil.example",
    "/%2f%2fevil.example",
    "/%5C%5Cevil.example",
    "/%5c/evil.example",
    "/\\/evil.example",
    "/\\evil.example",
    "\\/evil.example",
    "/\t/evil.example",
    "/\r\n/evil.example",
    "/%09/evil.example",
    "/%0d%0a/evil.example",
    "\t//evil.example",
    "//\tevil.example",
    "/ /evil.example",
    "/%20/evil.example",
    "/.//evil.example/account?x=1#y",
    "/././/evil.example",
    "/%252e//evil.example",
    "/%25252F/evil.example",
    "/\u3002/evil.example",
    "/\uff0f/evil.example",
    "/\u2215evil.example",
    "http:/evil.example",
    "http:\\\\evil.example",
    "/http://evil.example",
    "/?//evil.example",
    "/#//evil.example",
    "///\\evil.example",
    "/.\\evil.example",
    "/..\\evil.example",
  ];
  it.each(hostile)("returns a same-origin path for %j", (input) => {
    const out = safeRedirectPath(input);
    expect(out.startsWith("/")).toBe(true);
    expect(out.startsWith("//")).toBe(false);
    expect(out).not.toMatch(/\\/);
    expect(new URL(out, ORIGIN).origin).toBe(ORIGIN);
    // Decoding once more (a proxy, a later parse) must not make it another origin either.
    expect(new URL(decodeURIComponent(out), ORIGIN).origin).toBe(ORIGIN);
    // A fixed point: normalising the answer again gives the answer.
    const again = new URL(out, ORIGIN);
    expect(`${again.pathname}${again.search}${again.hash}`).toBe(out);
  });

  it.each(["/.//evil.example", "/..//evil.example", "/a/..//evil.example", "/%2e//evil.example", "/./\\evil.example"])(
    "falls back, not to a normalised other origin, for %j",
    (input) => {
      expect(safeRedirectPath(input)).toBe("/account");
    },
  );

  it("falls back for non-strings and honours a given fallback", () => {
    expect(safeRedirectPath(undefined)).toBe("/account");
    expect(safeRedirectPath(["/admin"])).toBe("/account");
    expect(safeRedirectPath(42, "/")).toBe("/");
  });
});
