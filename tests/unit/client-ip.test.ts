import { describe, expect, it } from "vitest";
import { clientIp } from "@/lib/auth/client-ip";

const headers = (init: Record<string, string>) => new Headers(init);

describe("clientIp (per-address limits and sign-in history)", () => {
  it("reads the address the trusted proxy appended, not what the client put before it", () => {
    // nginx (proxy_add_x_forwarded_for) appends the socket address to whatever the client sent.
    expect(clientIp(headers({ "x-forwarded-for": "203.0.113.99, 198.51.100.7" }), 1)).toBe("198.51.100.7");
    expect(clientIp(headers({ "x-forwarded-for": "spoofed,also-spoofed, 198.51.100.7" }), 1)).toBe("198.51.100.7");
  });

  it("with two proxies, skips the nearer one", () => {
    expect(clientIp(headers({ "x-forwarded-for": "203.0.113.99, 198.51.100.7, 10.0.0.2" }), 2)).toBe("198.51.100.7");
    // Fewer entries than hops: the leftmost there is.
    expect(clientIp(headers({ "x-forwarded-for": "198.51.100.7" }), 2)).toBe("198.51.100.7");
  });

  it("falls back to X-Real-IP, then to nothing, and bounds the length", () => {
    expect(clientIp(headers({ "x-real-ip": "192.0.2.4" }), 1)).toBe("192.0.2.4");
    expect(clientIp(headers({ "x-forwarded-for": " , " }), 1)).toBeNull();
    expect(clientIp(headers({}), 1)).toBeNull();
    expect(clientIp(headers({ "x-forwarded-for": "x".repeat(500) }), 1)).toHaveLength(64);
  });
});
