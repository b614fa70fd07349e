import { describe, expect, it } from "vitest";
import { BCRYPT_COST, hashPassword, verifyPassword } from "@/lib/auth/password";

describe("password hashing", () => {
  it("verifies the right password and refuses a wrong one, at cost 12", async () => {
    const hash = await hashPassword("a festival of many violins");
    expect(hash).toMatch(new RegExp(`^\\$2[aby]\\$${BCRYPT_COST}\\$`));
    expect(await verifyPassword("a festival of many violins", hash)).toBe(true);
    expect(await verifyPassword("a festival of many violas", hash)).toBe(false);
  });

  it("keeps every character significant past bcrypt's 72 bytes", async () => {
    const base = "x".repeat(99);
    const hash = await hashPassword(`${base}a`);
    expect(await verifyPassword(`${base}a`, hash)).toBe(true);
    expect(await verifyPassword(`${base}b`, hash)).toBe(false);
  });

  it("treats NFKC-equivalent spellings as the same password", async () => {
    const hash = await hashPassword("\uFB01ddle and drums in spring");
    expect(await verifyPassword("fiddle and drums in spring", hash)).toBe(true);
  });
});
