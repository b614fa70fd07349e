// Field limits of the festival's entrant forms, shared by the zod schemas (server) and the forms' HTML
// attributes (client). No zod here: this module ships to the browser.
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
