"use client";
import { useEffect, useState } from "react";
import { usePathname } from "next/navigation";
import { FLASH_COOKIE } from "@/lib/flash/cookie";

function takeFlash(): string | null {
  const entry = document.cookie.split("; ").find((c) => c.startsWith(`${FLASH_COOKIE}=`));
  if (!entry) return null;
  document.cookie = `${FLASH_COOKIE}=; Max-Age=0; Path=/; SameSite=Lax`;
  try {
    return decodeURIComponent(entry.slice(FLASH_COOKIE.length + 1)) || null;
  } catch {
    return null;
  }
}

/** components/flash-check.tsx fires this when an action redirected to the page already shown. */
export const FLASH_CHECK_EVENT = "mfo:flash-check";

/** Shows the one-time message a server action left (lib/flash/index.ts), once, then forgets it. */
export function FlashMessage() {
  const pathname = usePathname();
  const [message, setMessage] = useState<string | null>(null);
  useEffect(() => {
    const next = takeFlash();
    // Reading a cookie is a browser-only side effect: it cannot happen during render.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    if (next) setMessage(next);
    const check = () => {
      const later = takeFlash();
      if (later) setMessage(later);
    };
    window.addEventListener(FLASH_CHECK_EVENT, check);
    return () => window.removeEventListener(FLASH_CHECK_EVENT, check);
  }, [pathname]);
  return (
    <div className="flash-region" role="status" aria-live="polite">
      {message && (
        <div className="flash">
          <span>{message}</span>
          <button type="button" className="flash-close" onClick={() => setMessage(null)} aria-label="Dismiss message">
            ×
          </button>
        </div>
      )}
    </div>
  );
}
