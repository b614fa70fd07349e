"use client";
import { useEffect } from "react";
import { FLASH_CHECK_EVENT } from "./flash-message";

/**
 * The flash message (components/flash-message.tsx) is read when the path changes; an action that
 * redirects to the page already shown (grant a role, then see the same user) changes no path. Pages
 * with such actions render this with the flash cookie's value: a new value means a new message.
 */
export function FlashCheck({ token }: { token: string | undefined }) {
  useEffect(() => {
    if (token) window.dispatchEvent(new Event(FLASH_CHECK_EVENT));
  }, [token]);
  return null;
}
