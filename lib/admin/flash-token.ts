import "server-only";
import { cookies } from "next/headers";
import { FLASH_COOKIE } from "@/lib/flash/cookie";

/** The pending flash message, if any, for components/flash-check.tsx (dynamic pages only). */
export async function flashToken(): Promise<string | undefined> {
  return (await cookies()).get(FLASH_COOKIE)?.value;
}
