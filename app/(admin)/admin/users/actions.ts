"use server";
import { notFound } from "next/navigation";
import { prisma } from "@/lib/db";
import { requireAdmin } from "@/lib/admin/guard";
import { requestIp } from "@/lib/auth/request-ip";
import { requireFreshAuth } from "@/lib/auth/freshness";
import { RuleError, userActor, type Actor } from "@/lib/auth/actor";
import { requestPasswordReset } from "@/lib/account/service";
import { deleteUser, endUserSessions, grantRole, revokeRole, setActive, subjectWithin } from "@/lib/users/admin";
import { redirectWithFlash } from "@/lib/flash";
import { formAction, plainFields } from "@/lib/forms/form-action";
import { formFields } from "@/lib/validation/user";
import type { FormState } from "@/components/forms/form-state";

// Public endpoints: each checks admin.access and users.manage first (a refusal is a 403), then lets the service apply
// its rules (last role manager, no granting what one does not hold) and write the audit event.

type State = FormState<string>;

async function userManager(fresh = false) {
  const me = await requireAdmin("users.manage");
  // Role changes need a recent authentication (lib/auth/freshness.ts), which leads back to the user's page.
  if (fresh) await requireFreshAuth(me);
  return userActor(me, await requestIp());
}

function userPath(id: string) {
  return `/admin/users/${encodeURIComponent(id)}`;
}

/** A change to one user: users.manage (and for role changes a recent authentication) first, then `change`. */
function userChange(formData: FormData, where: string, change: (actor: Actor, userId: string) => Promise<string>, fresh = false) {
  const { userId = "" } = formFields(formData, ["userId"]);
  return formAction(formData, {
    guard: () => userManager(fresh),
    schema: plainFields([]),
    echo: {},
    where,
    run: async (actor) => redirectWithFlash(await change(actor, userId), userPath(userId)),
  });
}

export async function grantRoleAction(_prev: State, formData: FormData): Promise<State> {
  const { role = "" } = formFields(formData, ["role"]);
  return userChange(formData, "grant-role", async (actor, userId) => (await grantRole(prisma, actor, userId, role), `Role ${role} granted.`), true);
}

export async function revokeRoleAction(_prev: State, formData: FormData): Promise<State> {
  const { role = "" } = formFields(formData, ["role"]);
  return userChange(formData, "revoke-role", async (actor, userId) => (await revokeRole(prisma, actor, userId, role), `Role ${role} removed.`), true);
}

export async function setActiveAction(_prev: State, formData: FormData): Promise<State> {
  const on = formData.get("active") === "true";
  return userChange(formData, "set-active", async (actor, userId) => {
    await setActive(prisma, actor, userId, on);
    return on ? "The user is active again." : "The user is deactivated; their sessions have ended.";
  });
}

export async function deleteUserAction(_prev: State, formData: FormData): Promise<State> {
  const { userId = "" } = formFields(formData, ["userId"]);
  return formAction(formData, {
    guard: () => userManager(),
    schema: plainFields([]),
    echo: {},
    where: "delete-user",
    run: async (actor) => {
      await deleteUser(prisma, actor, userId);
      await redirectWithFlash("The user has been deleted.", "/admin/users");
    },
  });
}

/** An organizer sends the reset link a user would ask for themselves (same token, same mail, audited). */
export async function sendPasswordResetAction(_prev: State, formData: FormData): Promise<State> {
  return userChange(formData, "send-password-reset", async (actor, userId) => {
    const user = await subjectWithin(prisma, actor, userId);
    if (!user.active) throw new RuleError("Activate the user before sending a password-reset link.");
    // False here means the per-account mail limit held it back (RESET_ACCOUNT_LIMIT): say so.
    if (!(await requestPasswordReset(prisma, user.email, actor.ip, actor.audit))) throw new RuleError("This user was sent the most reset links allowed for now. Try again in 15 minutes.");
    return "A password-reset link has been sent.";
  });
}

/** Ends one session of the user (`sessionId`, which must be theirs: otherwise 404), or all of them. */
export async function endUserSessionsAction(_prev: State, formData: FormData): Promise<State> {
  const { sessionId } = formFields(formData, ["sessionId"]);
  return userChange(formData, "end-user-sessions", async (actor, userId) => {
    try {
      await endUserSessions(prisma, actor, userId, sessionId || undefined);
    } catch (error) {
      if (error instanceof RuleError && error.kind === "not_found") notFound();
      throw error;
    }
    return sessionId ? "The session has been signed out." : "All of the user's sessions have been signed out.";
  });
}
