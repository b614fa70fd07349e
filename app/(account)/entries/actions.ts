"use server";
import { after } from "next/server";
import { prisma } from "@/lib/db";
import { requireUser } from "@/lib/auth/guards";
import { can } from "@/lib/auth/permissions";
import { redirectWithFlash } from "@/lib/flash";
import { formAction, plainFields } from "@/lib/forms/form-action";
import { createProfile, updateProfile } from "@/lib/festival/profiles";
import { EntryRulesError, saveEntry, withdrawEntry, type EntryActor } from "@/lib/festival/entries";
import type { CurrentUser } from "@/lib/auth/sessions";
import { sendEntryReceipt } from "@/lib/festival/receipt";
import { getCurrentSeason } from "@/lib/festival/current-season";
import { entryFormObject, entrySchema, PROFILE_FIELD_LIMITS, profileSchema, type ProfileField } from "@/lib/validation/entries";
import { formFields } from "@/lib/validation/user";
import type { FormState } from "@/components/forms/form-state";
import type { EntryFormState } from "./entry-form-state";

// The entrant's server actions. Each checks the session itself (requireUser), and the services scope
// every read and write to the account: another account's profile or entry id is a 404, nothing changed.

/** The signed-in account as the entry services see it: organizers (festival.manage) may change any entry. */
function entryActor(user: CurrentUser): EntryActor {
  return { userId: user.id, email: user.email, canManage: can(user, "festival.manage") };
}

/** Where to go after a change: an organizer who changed someone else's entry goes back to the office's list. */
function afterChange(user: CurrentUser, accountId: string | null): string {
  return accountId === user.id ? "/entries" : "/admin/festival/entries";
}

/** The entry rules' refusals, each next to its field (several on one field are joined). */
function entryRefusal(error: unknown) {
  if (!(error instanceof EntryRulesError)) return undefined;
  const errors: Record<string, string> = {};
  for (const f of error.failures) errors[f.field] = errors[f.field] ? `${errors[f.field]} ${f.message}` : f.message;
  return errors;
}

export async function saveProfileAction(_prev: FormState<ProfileField>, formData: FormData): Promise<FormState<ProfileField>> {
  const profileId = formFields(formData, ["profileId"]).profileId;
  return formAction(formData, {
    guard: () => requireUser(),
    schema: profileSchema,
    echo: PROFILE_FIELD_LIMITS,
    where: "save-profile",
    missingIsNotFound: true, // another account's profile: 404, nothing changed
    run: async (user, data) => {
      if (profileId) await updateProfile(prisma, user.id, profileId, data);
      else await createProfile(prisma, user.id, data);
      await redirectWithFlash(profileId ? `${data.name} has been saved.` : `${data.name} has been added to your people.`, "/entries/people");
    },
  });
}

export async function saveEntryAction(prev: EntryFormState, formData: FormData): Promise<EntryFormState> {
  const entryId = formData.get("entryId");
  const id = typeof entryId === "string" && entryId ? entryId : null;
  const state = await formAction(formData, {
    guard: () => requireUser(),
    schema: entrySchema,
    input: entryFormObject,
    echo: entryFormObject, // bounded by the action body limit and the schema's list sizes
    where: "save-entry",
    missingIsNotFound: true,
    refusal: entryRefusal,
    run: async (user, data) => {
      const saved = await saveEntry(prisma, entryActor(user), id, data);
      if (saved.submitted) {
        const season = await getCurrentSeason();
        const accountId = saved.accountId;
        // After the answer: the entrant does not wait for the mail server. The receipt goes to the entry's
        // account (an organizer may have submitted it for them).
        if (season && accountId)
          after(async () => {
            const account = accountId === user.id ? user : await prisma.user.findUnique({ where: { id: accountId }, select: { id: true, email: true } });
            if (account) await sendEntryReceipt(prisma, account, season.id);
          });
      }
      await redirectWithFlash(
        data.intent === "draft" && !saved.submitted && !id
          ? "Your entry is saved as a draft. Submit it before entries close."
          : saved.submitted
            ? "Your entry is submitted. A receipt is on its way to your e-mail."
            : saved.accountId === user.id
              ? "Your entry has been saved."
              : "The entry has been saved.",
        afterChange(user, saved.accountId),
      );
    },
  });
  return { values: state.values, errors: state.errors as Record<string, string>, version: prev.version + 1 };
}

export async function withdrawEntryAction(_prev: FormState<string>, formData: FormData): Promise<FormState<string>> {
  return formAction(formData, {
    guard: () => requireUser(),
    schema: plainFields(["entryId"]),
    echo: {},
    where: "withdraw-entry",
    missingIsNotFound: true,
    run: async (user, data) => {
      const { accountId } = await withdrawEntry(prisma, entryActor(user), data.entryId);
      await redirectWithFlash("The entry has been withdrawn.", afterChange(user, accountId));
    },
  });
}
