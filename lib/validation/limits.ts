// Field limits shared by the zod schemas (server) and the forms' HTML attributes (client), so the
// browser and the server never disagree. No zod here: this module ships to the browser.
export const EMAIL_MAX_LENGTH = 254; // RFC 5321 path limit
export const PASSWORD_MAX_LENGTH = 128; // NIST SP 800-63B-4 asks verifiers to allow at least 64
export const NAME_MAX_LENGTH = 100;
export const CALLBACK_URL_MAX_LENGTH = 2048;
export const TOKEN_MAX_LENGTH = 64; // mailed tokens are 43 characters (32 bytes, base64url)
export { MAX_ACTION_BODY_BYTES } from "./body-limit.mjs";
export const ROLE_NAME_MAX_LENGTH = 40;
export const ROLE_DESCRIPTION_MAX_LENGTH = 200;
export const PASSKEY_NAME_MAX_LENGTH = 60;
/** Dates, numbers, ids and choices: the fields with no limit of their own. */
export const SHORT_FIELD_MAX_LENGTH = 40;

/**
 * How much of a refused field goes back into the form: twice the field's limit, so a visitor who pasted
 * too much sees what they typed next to "at most N characters", and never the megabyte a script can post.
 */
export function echoLength(fieldMaxLength: number): number {
  return fieldMaxLength * 2;
}
