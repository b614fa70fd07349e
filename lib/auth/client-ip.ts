import { env } from "@/lib/env";

/**
 * The client's address for per-address limits and sign-in history: the X-Forwarded-For entry the
 * nearest trusted proxy added (TRUSTED_PROXY_HOPS from the right). The leftmost entry is whatever the
 * client chose to send; reading it would let anyone pick a fresh address per request and walk past the
 * limits. With `next start` facing the internet directly, Next.js fills in the socket's address only
 * when the header is missing, so a client-sent one cannot be told apart: put a proxy in front.
 */
export function clientIp(headers: Headers, hops: number = env().TRUSTED_PROXY_HOPS): string | null {
  const chain = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  const address = chain.length ? chain[Math.max(0, chain.length - hops)] : headers.get("x-real-ip");
  return address?.slice(0, 64) || null;
}
