// The WebAuthn user handle of an account: its database id as bytes. Stable, unique, and no personal
// data (the spec asks that it not be the e-mail), so an authenticator keeps one passkey per account.
export function userHandleOf(userId: string): Uint8Array<ArrayBuffer> {
  return new TextEncoder().encode(userId) as Uint8Array<ArrayBuffer>;
}
