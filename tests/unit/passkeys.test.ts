import { describe, expect, it } from "vitest";
import { relyingParty } from "@/lib/auth/passkeys/relying-party";
import { userHandleOf } from "@/lib/auth/passkeys/user-handle";
import { parseEnv } from "@/lib/env";
import { authenticationResponseSchema, parseJsonField, passkeyNameSchema } from "@/lib/validation/passkey";
import { signInLinkMessage } from "@/lib/mail/messages";

// The pure rules behind passkeys and sign-in links.

describe("relying party from the site's address", () => {
  it("takes the RP id (host name) and the exact origin from AUTH_URL", () => {
    expect(relyingParty("https://festival.example.org", "F")).toEqual({ id: "festival.example.org", origin: "https://festival.example.org", name: "F" });
    expect(relyingParty("https://festival.example.org:8443", "F")).toMatchObject({ id: "festival.example.org", origin: "https://festival.example.org:8443" });
    expect(relyingParty("http://localhost:3000", "F")).toMatchObject({ id: "localhost", origin: "http://localhost:3000" });
  });

  it("is unavailable without a site, on an IP address, or on plain http away from localhost", () => {
    expect(relyingParty(null, "F")).toBeNull();
    expect(relyingParty("https://203.0.113.9", "F")).toBeNull();
    expect(relyingParty("http://127.0.0.1:3000", "F")).toBeNull();
    expect(relyingParty("https://[2001:db8::1]", "F")).toBeNull();
    expect(relyingParty("http://festival.example.org", "F")).toBeNull();
  });
});

describe("AUTH_URL is the site's address alone (it is the WebAuthn origin)", () => {
  it.each(["https://festival.example.org", "https://festival.example.org/", "http://localhost:3000"])("accepts %s", (url) => {
    expect(parseEnv({ AUTH_URL: url }).AUTH_URL).toBe(url);
  });
  it.each(["https://festival.example.org/app", "https://festival.example.org/?x=1", "https://festival.example.org/#top", "ftp://festival.example.org"])(
    "refuses %s at start-up",
    (url) => {
      expect(() => parseEnv({ AUTH_URL: url })).toThrow(/AUTH_URL/);
    },
  );
});

describe("passkey input", () => {
  it("a name is trimmed, required, bounded and has no control characters", () => {
    expect(passkeyNameSchema.parse("  Laptop ")).toBe("Laptop");
    expect(passkeyNameSchema.safeParse("   ").success).toBe(false);
    expect(passkeyNameSchema.safeParse("x".repeat(61)).success).toBe(false);
    expect(passkeyNameSchema.safeParse("Lap\u0000top").success).toBe(false);
  });

  it("an assertion must have the WebAuthn shape; anything else is refused before verification", () => {
    const assertion = { id: "abc", rawId: "abc", type: "public-key", response: { clientDataJSON: "e30", authenticatorData: "AA", signature: "AA" } };
    expect(parseJsonField(authenticationResponseSchema, JSON.stringify(assertion))).toMatchObject({ id: "abc", clientExtensionResults: {} });
    expect(parseJsonField(authenticationResponseSchema, JSON.stringify({ ...assertion, type: "password" }))).toBeNull();
    expect(parseJsonField(authenticationResponseSchema, JSON.stringify({ ...assertion, id: "a b" }))).toBeNull();
    expect(parseJsonField(authenticationResponseSchema, "{not json")).toBeNull();
    expect(parseJsonField(authenticationResponseSchema, 42)).toBeNull();
    expect(parseJsonField(authenticationResponseSchema, "x".repeat(64_001))).toBeNull();
  });

  it("the user handle is the account id's bytes, not the e-mail", () => {
    expect(new TextDecoder().decode(userHandleOf("ckuser123"))).toBe("ckuser123");
  });
});

describe("sign-in link mail", () => {
  it("says the link works once, for 15 minutes, and links to the open page", () => {
    const m = signInLinkMessage("https://festival.example.org", "T".repeat(43), 900);
    expect(m.text).toContain("works once, for 15 minutes");
    expect(m.text).toContain(`https://festival.example.org/sign-in-link/open?token=${"T".repeat(43)}`);
  });
});
