import "server-only";
import { headers } from "next/headers";
import { clientIp } from "./client-ip";

/** The client address of the request being handled (server actions, pages). */
export async function requestIp(): Promise<string | null> {
  return clientIp(await headers());
}
