// The client's address as the nearest proxy reported it. Used for sign-in tracking only, never for
// access decisions, so a spoofed header misleads a log line at worst.
export function clientIp(headers: Headers): string | null {
  const forwarded = headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  return (forwarded || headers.get("x-real-ip") || null)?.slice(0, 64) ?? null;
}
