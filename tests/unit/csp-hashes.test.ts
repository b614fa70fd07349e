import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { inlineScriptHashes, inlineScripts, replaceBaselineCsp, scriptHash } from "@/lib/security/csp-hashes";
import { STATIC_PAGE_CSP, hashCsp, nonceCsp } from "@/lib/security/headers";

const sha256 = (text: string) => `sha256-${createHash("sha256").update(text, "utf8").digest("base64")}`;
const scriptSrc = (csp: string) => csp.split("; ").find((d) => d.startsWith("script-src")) ?? "";

describe("inline script extraction", () => {
  it("hashes like the CSP specification's own example", () => {
    expect(scriptHash("alert('Hello, world.');")).toBe("sha256-qznLcsROx4GACP2dm0UCKCzCG+HiZ1guq6ZZDob/Tng=");
  });

  it("keeps character references as written and turns CR LF and CR into LF, as the HTML parser does", () => {
    const html = `<p>a &amp; b</p><script>if (a &amp;&amp; b) say("&lt;é&#x27;");\r\nnext();\rlast();</script>`;
    const [script] = inlineScripts(html);
    expect(script.text).toBe(`if (a &amp;&amp; b) say("&lt;é&#x27;");\nnext();\nlast();`);
    expect(inlineScriptHashes(html)).toEqual([sha256(script.text)]);
  });

  it("skips external scripts, data blocks and commented-out scripts; keeps modules and attributes", () => {
    const html = [
      `<script src="/_next/static/chunks/a.js" async=""></script>`,
      `<script async src=/b.js>ignored()</script>`,
      `<script type="application/json" id="data">{"a":1}</script>`,
      `<script type="application/ld+json">{"@context":"https://schema.org"}</script>`,
      `<!-- <script>commented()</script> -->`,
      `<script id="_R_">one()</script>`,
      `<SCRIPT type="module" data-x="a>b">two()</SCRIPT >`,
      `<script type="text/javascript">three()</script>`,
      `<script>\n</script>`,
      `<script>one()</script>`,
    ].join("\n");
    expect(inlineScripts(html).map((s) => s.text)).toEqual(["one()", "two()", "three()", "\n", "one()"]);
    expect(inlineScriptHashes(html)).toEqual(["one()", "two()", "three()", "\n"].map(sha256)); // distinct only
  });

  it("ends a script at the first </script, whatever its case, as the browser does", () => {
    expect(inlineScripts(`<script>a("</scripty>")</script/><script>b()</SCRIPT\n>`).map((s) => s.text)).toEqual([`a("</scripty>")`, "b()"]);
  });

  it("refuses what it cannot hash reliably", () => {
    expect(() => inlineScripts(`<script>x = "<!--<script>"</script>`)).toThrow(/cannot hash/);
    expect(() => inlineScripts(`<script>never closed`)).toThrow(/unterminated/);
  });
});

describe("the hash-based policy", () => {
  it("lists the hashes in script-src, sorted and once, with no 'unsafe-inline'; the other directives are the baseline's", () => {
    const a = sha256("a()");
    const b = sha256("b()");
    const csp = hashCsp([b, a, b]);
    expect(scriptSrc(csp)).toBe(`script-src 'self' '${[a, b].sort().join("' '")}'`);
    expect(scriptSrc(csp)).not.toContain("unsafe-inline");
    expect(csp.split("; ").slice(1)).toEqual(STATIC_PAGE_CSP.split("; ").slice(1));
    expect(csp.split("; ").slice(1)).toEqual(nonceCsp("n", false).split("; ").slice(1));
    expect(() => hashCsp([])).toThrow();
    expect(() => hashCsp(["sha256-abc' 'unsafe-inline"])).toThrow(/not a CSP hash/);
  });

  it("replaces the baseline in routes-manifest.json, again on a second run, and refuses anything else", () => {
    const manifest = () => ({
      headers: [
        { source: "/:path*", headers: [{ key: "Content-Security-Policy", value: STATIC_PAGE_CSP }, { key: "X-Frame-Options", value: "DENY" }] },
      ],
    });
    const m = manifest();
    const first = hashCsp([sha256("a()")]);
    replaceBaselineCsp(m, STATIC_PAGE_CSP, first);
    expect(m.headers[0].headers[0].value).toBe(first);
    expect(m.headers[0].headers[1].value).toBe("DENY");
    const second = hashCsp([sha256("b()")]);
    replaceBaselineCsp(m, STATIC_PAGE_CSP, second);
    expect(m.headers[0].headers[0].value).toBe(second);

    expect(() => replaceBaselineCsp({ headers: [] }, STATIC_PAGE_CSP, first)).toThrow(/found 0/);
    expect(() => replaceBaselineCsp({}, STATIC_PAGE_CSP, first)).toThrow(/found 0/);
    const foreign = manifest();
    foreign.headers[0].headers[0].value = "script-src *";
    expect(() => replaceBaselineCsp(foreign, STATIC_PAGE_CSP, first)).toThrow(/not the baseline/);
  });
});
