import { describe, expect, it } from "vitest";
import { mustEnrolSecondFactor, parseTypedCode, pendingExpiry, recoveryCodesFile } from "@/lib/auth/second-factor-rules";
import { isFreshAuthentication } from "@/lib/auth/session-rules";
import { parseEnv } from "@/lib/env";

describe("the code field", () => {
  it("takes six digits, spaced as apps show them", () => {
    expect(parseTypedCode("123456")).toEqual({ kind: "totp", code: "123456" });
    expect(parseTypedCode(" 123 456 ")).toEqual({ kind: "totp", code: "123456" });
  });

  it("takes a recovery code in any case, with or without its dash", () => {
    expect(parseTypedCode("ABCDE-FGHJK")).toEqual({ kind: "recovery", code: "abcdefghjk" });
    expect(parseTypedCode("abcde fghjk")).toEqual({ kind: "recovery", code: "abcdefghjk" });
  });

  it.each([["12345"], ["1234567"], ["12ab56"], ["abcde-fghj"], ["abcde-fghjo"], ["'; DROP TABLE--"], [""], ["1".repeat(41)]])("refuses %j", (input) => {
    expect(parseTypedCode(input)).toBeNull();
  });

  it("refuses what is not a string", () => {
    expect(parseTypedCode(undefined)).toBeNull();
    expect(parseTypedCode(123456)).toBeNull();
  });
});

describe("recovery codes and the pending sign-in", () => {
  it("writes the codes into the download with the account", () => {
    const file = recoveryCodesFile(["abcde-fghjk", "mnpqr-stvwx"], "ann@example.org");
    expect(file).toContain("ann@example.org");
    expect(file.split("\n")).toEqual(expect.arrayContaining(["abcde-fghjk", "mnpqr-stvwx"]));
  });

  it("gives the second step five minutes", () => {
    expect(pendingExpiry(new Date(0)).getTime()).toBe(5 * 60 * 1000);
  });
});

describe("who must enrol", () => {
  const required = ["users.manage", "roles.manage"];
  it("is a holder of a required permission without a second factor", () => {
    expect(mustEnrolSecondFactor({ permissions: ["admin.access", "users.manage"], secondFactor: false }, required)).toBe(true);
    expect(mustEnrolSecondFactor({ permissions: ["admin.access", "users.manage"], secondFactor: true }, required)).toBe(false);
    expect(mustEnrolSecondFactor({ permissions: ["admin.access", "audit.read"], secondFactor: false }, required)).toBe(false);
    expect(mustEnrolSecondFactor({ permissions: ["users.manage"], secondFactor: false }, [])).toBe(false);
  });

  it("reads TWO_FACTOR_REQUIRED_PERMISSIONS, refusing unknown names", () => {
    expect(parseEnv({}).TWO_FACTOR_REQUIRED_PERMISSIONS).toEqual(["users.manage", "roles.manage"]);
    expect(parseEnv({ TWO_FACTOR_REQUIRED_PERMISSIONS: "none" }).TWO_FACTOR_REQUIRED_PERMISSIONS).toEqual([]);
    expect(parseEnv({ TWO_FACTOR_REQUIRED_PERMISSIONS: " audit.read , users.read" }).TWO_FACTOR_REQUIRED_PERMISSIONS).toEqual(["audit.read", "users.read"]);
    expect(() => parseEnv({ TWO_FACTOR_REQUIRED_PERMISSIONS: "users.manage,root" })).toThrow(/TWO_FACTOR_REQUIRED_PERMISSIONS: unknown permission root/);
  });
});

describe("freshness", () => {
  const now = new Date("2026-03-04T12:00:00Z");
  it("holds for FRESHNESS_MINUTES after an authentication", () => {
    expect(isFreshAuthentication(new Date(now.getTime() - 15 * 60_000), now, 15)).toBe(true);
    expect(isFreshAuthentication(new Date(now.getTime() - 15 * 60_000 - 1), now, 15)).toBe(false);
    expect(isFreshAuthentication(new Date(now.getTime() + 60_000), now, 15)).toBe(true);
  });

  it("reads FRESHNESS_MINUTES, refusing nonsense", () => {
    expect(parseEnv({}).FRESHNESS_MINUTES).toBe(15);
    expect(parseEnv({ FRESHNESS_MINUTES: "5" }).FRESHNESS_MINUTES).toBe(5);
    expect(() => parseEnv({ FRESHNESS_MINUTES: "0" })).toThrow(/FRESHNESS_MINUTES/);
    expect(() => parseEnv({ FRESHNESS_MINUTES: "soon" })).toThrow(/FRESHNESS_MINUTES/);
  });
});
