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

  it("falls back for non-strings and honours a given fallback", () => {
    expect(safeRedirectPath(undefined)).toBe("/account");
    expect(safeRedirectPath(["/admin"])).toBe("/account");
    expect(safeRedirectPath(42, "/")).toBe("/");
  });
});
