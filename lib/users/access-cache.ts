import "server-only";
import { cache } from "react";
import { prisma } from "@/lib/db";
import { loadUserAccess } from "./access";

/**
 * The user's access record, read once per request however many times it is asked for (the jwt
 * callback in auth.ts and the guards in lib/auth/guards.ts both ask). Outside a React request
 * (route handlers) cache() is a plain call.
 */
export const loadUserAccessOncePerRequest = cache((userId: string) => loadUserAccess(prisma, userId));
