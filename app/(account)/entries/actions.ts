"use server";
import { after } from "next/server";
import { notFound, redirect } from "next/navigation";
import { prisma } from "@/lib/db";
import { requireUser } from "@/lib/auth/guards";
import { can } from "@/lib/auth/permissions";
import { RuleError } from "@/lib/auth/operator";
import { setFlash } from "@/lib/flash";
import { createProfile, updateProfile } from "@/lib/festival/profiles";
import { EntryRulesError, saveEntry, withdrawEntry, type EntryActor } from "@/lib/festival/entries";
import type { CurrentUser } from "@/lib/auth/sessions";
import { sendEntryReceipt } from "@/lib/festival/receipt";
import { getCurrentSeason } from "@/lib/festival/current-season";
import { entryFormObject, entrySchema, fieldErrors, PROFILE_FIELDS, profileSchema, type ProfileField } from "@/lib/validation/entries";
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

function refusal(error: unknown): string {
  if (error instanceof RuleError) {
    if (error.kind === "not_found") notFound();
    return error.message;
  }
  throw error;
}

export async function saveProfileAction(_prev: FormState<ProfileField>, formData: FormData): Promise<FormState<ProfileField>> {
  const user = await requireUser("/entries/people");
  const raw = formFields(formData, [...PROFILE_FIELDS, "profileId"]);
  const values = Object.fromEntries(PROFILE_FIELDS.map((k) => [k, raw[k]?.slice(0, 400) ?? ""]));
  const parsed = profileSchema.safeParse(raw);
  if (!parsed.success) return { values, errors: fieldErrors(parsed.error) };
  try {
    if (raw.profileId) await updateProfile(prisma, user.id, raw.profileId, parsed.data);
    else await createProfile(prisma, user.id, parsed.data);
  } catch (error) {
    return { values, errors: { form: refusal(error) } };
  }
  await setFlash(raw.profileId ? `${parsed.data.name} has been saved.` : `${parsed.data.name} has been added to your people.`);
  redirect("/entries/people");
}

export async function saveEntryAction(prev: EntryFormState, formData: FormData): Promise<EntryFormState> {
  const entryId = formData.get("entryId");
  const id = typeof entryId === "string" && entryId ? entryId : null;
  const user = await requireUser(id ? `/entries/${encodeURIComponent(id)}/edit` : "/entries/new");
  const values = entryFormObject(formData);
  const version = prev.version + 1;
  const parsed = entrySchema.safeParse(values);
  if (!parsed.success) return { values, errors: fieldErrors(parsed.error), version };
  let saved;
  try {
    saved = await saveEntry(prisma, entryActor(user), id, parsed.data);
  } catch (error) {
    if (error instanceof EntryRulesError) {
      const errors: Record<string, string> = {};
      for (const f of error.failures) errors[f.field] = errors[f.field] ? `${errors[f.field]} ${f.message}` : f.message;
      return { values, errors, version };
    }
    return { values, errors: { form: refusal(error) }, version };
  }
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
  await setFlash(
    parsed.data.intent === "draft" && !saved.submitted && !id
      ? "Your entry is saved as a draft. Submit it before entries close."
      : saved.submitted
        ? "Your entry is submitted. A receipt is on its way to your e-mail."
        : saved.accountId === user.id
          ? "Your entry has been saved."
          : "The entry has been saved.",
  );
  redirect(afterChange(user, saved.accountId));
}

export async function withdrawEntryAction(_prev: FormState<string>, formData: FormData): Promise<FormState<string>> {
  const user = await requireUser("/entries");
  const { entryId = "" } = formFields(formData, ["entryId"]);
  let accountId: string | null;
  try {
    accountId = (await withdrawEntry(prisma, entryActor(user), entryId)).accountId;
  } catch (error) {
    return { values: {}, errors: { form: refusal(error) } };
  }
  await setFlash("The entry has been withdrawn.");
  redirect(afterChange(user, accountId));
}
