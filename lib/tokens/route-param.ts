/**
 * The [token] segment of a mailed link. Undecodable input ("%FF") is not a token: Next's params
 * would throw a URIError (a 500), so the segment is read raw; real tokens are base64url and never
 * percent-encoded.
 */
export function tokenFromPath(pathname: string): string {
  return pathname.split("/").filter(Boolean).at(-1) ?? "";
}
