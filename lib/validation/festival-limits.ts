// Field limits of the festival's forms (organizers' and entrants'), shared by the zod schemas (lib/validation/festival.ts)
// and the forms' HTML attributes. No zod here: this module ships to the browser.
export const SEASON_NAME_MAX_LENGTH = 40;
export const LOOKUP_NAME_MAX_LENGTH = 60;
export const CLASS_NAME_MAX_LENGTH = 120;
export const CLASS_SUFFIX_MAX_LENGTH = 2;
export const TEST_PIECES_MAX_LENGTH = 1000;
export const CLASS_DESCRIPTION_MAX_LENGTH = 2000;
/** $10,000.00: no class fee comes near it, and it keeps sums of thousands of entries far from 2^31. */
export const FEE_MAX_CENTS = 1_000_000;
export const AGE_MAX = 120;
/** 3 hours: the longest recital slot a festival would plan. */
export const DURATION_MAX_SECONDS = 3 * 60 * 60;
export const PERFORMERS_MAX = 500;
export const SORT_ORDER_MAX = 10_000;
// The entrant forms' limits (lib/validation/entries.ts).
export const PERSON_NAME_MAX_LENGTH = 120;
export const PHONE_MAX_LENGTH = 40;
export const ADDRESS_MAX_LENGTH = 300;
export const PIECE_TEXT_MAX_LENGTH = 200;
export const ENTRY_NOTES_MAX_LENGTH = 1000;
export const CLASS_CODE_MAX_LENGTH = 200;
export const ID_MAX_LENGTH = 40;
export const MAX_PERFORMERS = 60;
export const MAX_PIECES = 10;
export { EMAIL_MAX_LENGTH } from "./limits";
