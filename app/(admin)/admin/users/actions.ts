"use server";
import { notFound } from "next/navigation";
import { prisma } from "@/lib/db";
import { requireAdmin } from "@/lib/admin/guard";
import { requestIp } from "@/lib/auth/request-ip";
import { requireFreshAuth } from "@/lib/auth/freshness";
import { RuleError, userOperator } from "@/lib/auth/operator";
import { requestPasswordReset } from "@/lib/account/service";
import { deleteUser, endUserSessions, grantRole, revokeRole, setActive, subjectWithin } from "@/lib/users/admin";
import { finishAdminChange } from "@/lib/admin/action-result";
import { formFields } from "@/lib/validation/user";
import type { FormState } from "@/components/forms/form-state";

// Public endpoints: each checks admin.access and users.manage first (a refusal is a 403), then lets the service apply
// its rules (last role manager, no granting what one does not hold) and write the audit event.

type State = FormState<string>;

async function operator(freshFor?: string) {
  const me = await requireAdmin("users.manage", "/admin/users");
  // Role changes need a recent authentication (lib/auth/freshness.ts); `freshFor` is the page to come back to.
  if (freshFor) requireFreshAuth(me, freshFor);
  return userOperator(me, await requestIp());
}

function userPath(id: string) {
  return `/admin/users/${encodeURIComponent(id)}`;
}

export async function grantRoleAction(_prev: State, formData: FormData): Promise<State> {
  const { userId = "", role = "" } = formFields(formData, ["userId", "role"]);
  const op = await operator(userPath(userId));
  return finishAdminChange(() => grantRole(prisma, op, userId, role), { flash: `Role ${role} granted.`, redirectTo: userPath(userId) });
}

export async function revokeRoleAction(_prev: State, formData: FormData): Promise<State> {
  const { userId = "", role = "" } = formFields(formData, ["userId", "role"]);
  const op = await operator(userPath(userId));
  return finishAdminChange(() => revokeRole(prisma, op, userId, role), { flash: `Role ${role} removed.`, redirectTo: userPath(userId) });
}

export async function setActiveAction(_prev: State, formData: FormData): Promise<State> {
  const op = await operator();
  const { userId = "", active } = formFields(formData, ["userId", "active"]);
  const on = active === "true";
  return finishAdminChange(() => setActive(prisma, op, userId, on), {
    flash: on ? "The user is active again." : "The user is deactivated; their sessions have ended.",
    redirectTo: userPath(userId),
  });
}

export async function deleteUserAction(_prev: State, formData: FormData): Promise<State> {
  const op = await operator();
  const { userId = "" } = formFields(formData, ["userId"]);
  return finishAdminChange(() => deleteUser(prisma, op, userId), { flash: "The user has been deleted.", redirectTo: "/admin/users" });
}

/** An organizer sends the reset link a user would ask for themselves (same token, same mail, audited). */
export async function sendPasswordResetAction(_prev: State, formData: FormData): Promise<State> {
  const op = await operator();
  const { userId = "" } = formFields(formData, ["userId"]);
  return finishAdminChange(
    async () => {
      const user = await subjectWithin(prisma, op, userId);
      if (!user.active) throw new RuleError("Activate the user before sending a password-reset link.");
      // False here means the per-account mail limit held it back (RESET_ACCOUNT_LIMIT): say so.
      if (!(await requestPasswordReset(prisma, user.email, op.ip, op.actor))) throw new RuleError("This user was sent the most reset links allowed for now. Try again in 15 minutes.");
    },
    { flash: "A password-reset link has been sent.", redirectTo: userPath(userId) },
  );
}

/** Ends one session of the user (`sessionId`, which must be theirs: otherwise 404), or all of them. */
export async function endUserSessionsAction(_prev: State, formData: FormData): Promise<State> {
  const op = await operator();
  const { userId = "", sessionId } = formFields(formData, ["userId", "sessionId"]);
  return finishAdminChange(
    async () => {
      try {
        await endUserSessions(prisma, op, userId, sessionId || undefined);
      } catch (error) {
        if (error instanceof RuleError && error.kind === "not_found") notFound();
        throw error;
      }
    },
    { flash: sessionId ? "The session has been signed out." : "All of the user's sessions have been signed out.", redirectTo: userPath(userId) },
  );
}
