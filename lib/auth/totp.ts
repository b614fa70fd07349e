import "server-only";
import { generateSecret, generateURI, verify } from "otplib";
import { TOTP_STEP_SECONDS, TOTP_TOLERANCE_STEPS } from "./second-factor-rules";

// The authenticator app's codes (RFC 6238 through otplib): secrets, the otpauth:// address for the QR
// code, and checking a code. Replay is refused by the caller with the returned time step.

export function newTotpSecret(): string {
  return generateSecret();
}

export function totpUri(secret: string, email: string): string {
  return generateURI({ issuer: "Music Festival Organizer", label: email, secret });
}

/**
 * The time step a code belongs to (within ±1 step of now), or null. Codes of `afterStep` or earlier are
 * refused: a code that was accepted once is not accepted again.
 */
export async function totpStep(secret: string, code: string, afterStep: number | null, now = Date.now()): Promise<number | null> {
  try {
    const result = await verify({
      secret,
      token: code,
      epoch: Math.floor(now / 1000),
      epochTolerance: TOTP_STEP_SECONDS * TOTP_TOLERANCE_STEPS,
      ...(afterStep !== null ? { afterTimeStep: afterStep } : {}),
    });
    return result.valid && "timeStep" in result ? result.timeStep : null;
  } catch {
    // otplib throws on a malformed token or secret: not a valid code.
    return null;
  }
}
