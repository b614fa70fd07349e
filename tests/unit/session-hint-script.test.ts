import { describe, expect, it } from "vitest";
import { scriptHash } from "@/lib/security/csp-hashes";
import { nonceCsp } from "@/lib/security/headers";
import { SESSION_ATTRIBUTE, SESSION_HINT_SCRIPT, SESSION_HINT_SCRIPT_HASH } from "@/lib/session-hint/script";
import { SESSION_HINT_COOKIE, encodeSessionHint } from "@/lib/session-hint";

/** Runs the script against a fake document with the given cookie header; returns the attribute it set. */
function run(cookie: string): string | undefined {
  const attributes = new Map<string, string>();
  const document = { cookie, documentElement: { setAttribute: (name: string, value: string) => attributes.set(name, value) } };
  new Function("document", SESSION_HINT_SCRIPT)(document);
  return attributes.get(SESSION_ATTRIBUTE);
}

const hintCookie = (email: string, admin: boolean) => `${SESSION_HINT_COOKIE}=${encodeURIComponent(encodeSessionHint({ email, admin }))}`;

describe("the header's pre-paint session script", () => {
  it("is allowed by the hash the nonce policy lists (a changed script needs a new literal)", () => {
    expect(scriptHash(SESSION_HINT_SCRIPT)).toBe(SESSION_HINT_SCRIPT_HASH);
    expect(nonceCsp("n", false)).toContain(`'${SESSION_HINT_SCRIPT_HASH}'`);
  });

  it("cannot end its own <script> element or switch the HTML parser's state", () => {
    expect(SESSION_HINT_SCRIPT).not.toMatch(/<\/script|<!--/i);
  });

  it("names the state from the hint cookie: none, a member, an admin; garbage counts as signed out", () => {
    expect(run("")).toBeUndefined();
    expect(run("other=1")).toBeUndefined();
    expect(run(`a=b; ${hintCookie("ann@example.org", false)}; c=d`)).toBe("in");
    expect(run(hintCookie("root@example.org", true))).toBe("admin");
    expect(run(`${SESSION_HINT_COOKIE}=%7Bnot-json`)).toBeUndefined();
    expect(run(`${SESSION_HINT_COOKIE}=%E0%A4%A`)).toBeUndefined(); // malformed escape: decodeURIComponent throws
    expect(run(`x${SESSION_HINT_COOKIE}=${encodeURIComponent(encodeSessionHint({ email: "a@b.c", admin: true }))}`)).toBeUndefined();
  });
});
