"use client";
import { useActionState } from "react";
import { emptyFormState, type FormState } from "@/components/forms/form-state";
import { TextField } from "@/components/forms/text-field";
import { SubmitButton } from "@/components/forms/submit-button";
import { FormAlert } from "@/components/forms/form-alert";
import { SelectField, TextAreaField } from "@/components/festival/fields";
import { CLASS_DESCRIPTION_MAX_LENGTH, CLASS_NAME_MAX_LENGTH, TEST_PIECES_MAX_LENGTH } from "@/lib/validation/festival-limits";
import type { ClassFields } from "@/lib/validation/festival";

type Action = (prev: FormState<ClassFields>, formData: FormData) => Promise<FormState<ClassFields>>;
type Option = { value: string; label: string };

/** A class of the syllabus: creating one (in a season) and editing one. */
export function ClassForm({
  action,
  hidden,
  initial,
  lookups,
  submitLabel,
}: {
  action: Action;
  hidden: Record<string, string>;
  initial: Partial<Record<ClassFields, string>>;
  lookups: { disciplines: Option[]; levels: Option[]; performanceTypes: Option[] };
  submitLabel: string;
}) {
  const [state, formAction] = useActionState(action, emptyFormState<ClassFields>());
  const v = { ...initial, ...state.values };
  const e = state.errors;
  return (
    <form action={formAction} className="stack" noValidate>
      <FormAlert message={e.form} />
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {/* Remounted after a refusal, so the fields show what was sent (React resets a form after its action). */}
      <div key={JSON.stringify(state.values)} className="stack">
        <TextField name="number" label="Number" required inputMode="numeric" maxLength={4} defaultValue={v.number} error={e.number} hint="4 digits, like 2101" />
        <TextField name="suffix" label="Suffix" maxLength={2} defaultValue={v.suffix} error={e.suffix} hint="Optional: up to 2 letters, like A" />
        <TextField name="name" label="Name" required maxLength={CLASS_NAME_MAX_LENGTH} defaultValue={v.name} error={e.name} />
        <SelectField name="disciplineId" label="Discipline" required empty="Choose…" options={lookups.disciplines} defaultValue={v.disciplineId ?? ""} error={e.disciplineId} />
        <SelectField name="levelId" label="Level" required empty="Choose…" options={lookups.levels} defaultValue={v.levelId ?? ""} error={e.levelId} />
        <SelectField name="performanceTypeId" label="Performance type" required empty="Choose…" options={lookups.performanceTypes} defaultValue={v.performanceTypeId ?? ""} error={e.performanceTypeId} />
        <TextField name="fee" label="Fee (dollars)" required inputMode="decimal" maxLength={12} defaultValue={v.fee} error={e.fee} hint="Like 25 or 25.50" />
        <TextField name="minAge" label="Minimum age" inputMode="numeric" maxLength={3} defaultValue={v.minAge} error={e.minAge} hint="Optional; on the season's age cut-off date" />
        <TextField name="maxAge" label="Maximum age" inputMode="numeric" maxLength={3} defaultValue={v.maxAge} error={e.maxAge} hint="Optional" />
        <TextField name="maxPerformanceTime" label="Maximum performance time" maxLength={6} defaultValue={v.maxPerformanceTime} error={e.maxPerformanceTime} hint="Optional: minutes, or minutes:seconds like 5:30" />
        <TextField name="adjudicationTime" label="Adjudication time per entry" maxLength={6} defaultValue={v.adjudicationTime} error={e.adjudicationTime} hint="Minutes or minutes:seconds; for the schedule" />
        <TextField name="moveTime" label="Move time per entry" maxLength={6} defaultValue={v.moveTime} error={e.moveTime} hint="Minutes or minutes:seconds; for the schedule" />
        <TextAreaField name="testPieces" label="Test pieces" rows={3} maxLength={TEST_PIECES_MAX_LENGTH} defaultValue={v.testPieces} error={e.testPieces} hint="Optional: the required pieces, as the syllabus prints them" />
        <TextAreaField name="description" label="Description" rows={4} maxLength={CLASS_DESCRIPTION_MAX_LENGTH} defaultValue={v.description} error={e.description} />
      </div>
      <SubmitButton pendingLabel="Saving…">{submitLabel}</SubmitButton>
    </form>
  );
}
