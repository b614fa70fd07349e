export const FLASH_COOKIE = "mfo-flash";
