import { isIP } from "node:net";

// Pure: the WebAuthn relying party of this site, from the site's one public address (AUTH_URL, or
// http://localhost:PORT in development; lib/env.ts siteUrl). A passkey is bound to the RP id for good,
// so it must come from configuration, never from a request's Host header.

export interface RelyingParty {
  /** The registrable domain passkeys are bound to: AUTH_URL's host name, without port. */
  id: string;
  /** The exact origin the browser must report in every ceremony: AUTH_URL's scheme, host and port. */
  origin: string;
  name: string;
}

/**
 * Null when passkeys cannot work on this address: no site URL, an IP address (WebAuthn refuses IP
 * literals as RP ids), or plain http anywhere but localhost (browsers offer WebAuthn only in secure contexts).
 */
export function relyingParty(siteUrl: string | null, name: string): RelyingParty | null {
  if (!siteUrl) return null;
  const url = new URL(siteUrl);
  const host = url.hostname.replace(/^\[|\]$/g, "");
  if (isIP(host)) return null;
  const local = host === "localhost" || host.endsWith(".localhost");
  if (url.protocol !== "https:" && !local) return null;
  return { id: host, origin: url.origin, name };
}
