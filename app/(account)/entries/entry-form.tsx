"use client";
import { useActionState, useState } from "react";
import { useFormStatus } from "react-dom";
import { saveEntryAction } from "./actions";
import type { EntryFormState, EntryFormValues } from "./entry-form-state";
import { FormAlert } from "@/components/forms/form-alert";
import { CLASS_CODE_MAX_LENGTH, ENTRY_NOTES_MAX_LENGTH, MAX_PIECES, PIECE_TEXT_MAX_LENGTH } from "@/lib/validation/festival-limits";

interface Option {
  id: string;
  name: string;
}

interface Props {
  entryId?: string;
  /** "2101A Piano Solo, Junior", for the suggestions under the class field. */
  classes: string[];
  people: Option[];
  accompanists: Option[];
  teachers: Option[];
  initial: EntryFormValues;
  /** An entry already submitted stays submitted: one "Save changes" button. */
  submitted?: boolean;
}

function FieldError({ id, message }: { id: string; message?: string }) {
  if (!message) return null;
  return (
    <p id={id} className="field-error" role="alert">
      {message}
    </p>
  );
}

function IntentButtons({ submitted }: { submitted?: boolean }) {
  const { pending, data } = useFormStatus();
  const sending = pending ? data?.get("intent") : null;
  if (submitted) {
    return (
      <button type="submit" name="intent" value="submit" className="button" disabled={pending} aria-disabled={pending}>
        {pending ? "Saving…" : "Save changes"}
      </button>
    );
  }
  return (
    <div className="actions-row">
      <button type="submit" name="intent" value="submit" className="button" disabled={pending} aria-disabled={pending}>
        {sending === "submit" ? "Submitting…" : "Submit entry"}
      </button>
      <button type="submit" name="intent" value="draft" className="button button-quiet" disabled={pending} aria-disabled={pending}>
        {sending === "draft" ? "Saving…" : "Save as draft"}
      </button>
    </div>
  );
}

export function EntryForm(props: Props) {
  const [state, action] = useActionState(saveEntryAction, { values: props.initial, errors: {}, version: 0 } as EntryFormState);
  return (
    <form action={action} className="stack" noValidate>
      <FormAlert message={state.errors.form} />
      {props.entryId && <input type="hidden" name="entryId" value={props.entryId} />}
      <EntryFields key={state.version} {...props} values={state.values} errors={state.errors} />
      <IntentButtons submitted={props.submitted} />
    </form>
  );
}

function PersonSelect({ name, label, none, options, value, error }: { name: string; label: string; none: string; options: Option[]; value?: string | null; error?: string }) {
  const id = `field-${name}`;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} name={name} defaultValue={value ?? ""} aria-invalid={error ? true : undefined} aria-describedby={describedBy(error && `${id}-error`)}>
        <option value="">{none}</option>
        {options.map((p) => (
          <option key={p.id} value={p.id}>
            {p.name}
          </option>
        ))}
      </select>
      <FieldError id={`${id}-error`} message={error} />
    </div>
  );
}

function describedBy(...ids: (string | false | undefined)[]) {
  return ids.filter(Boolean).join(" ") || undefined;
}

function EntryFields({ classes, people, accompanists, teachers, values, errors }: Props & { values: EntryFormValues; errors: Record<string, string> }) {
  // Without JavaScript the rows the server rendered are all there is (the edit page adds a spare one).
  const [rows, setRows] = useState(() => {
    // Every posted row comes back (errors name rows by their index), empty ones included.
    const start = values.pieces.length ? values.pieces : [{ title: "", composer: "", duration: "" }];
    return start.map((p, i) => ({ key: i, ...p }));
  });
  const [nextKey, setNextKey] = useState(rows.length);
  const chosen = new Set(values.performers);
  return (
    <>
      <div className="field">
        <label htmlFor="field-classCode">Class</label>
        <p id="field-classCode-hint" className="field-hint">
          The class number from the syllabus, like 2101A; type a number or a name to see suggestions.
        </p>
        <input
          id="field-classCode"
          name="classCode"
          list="class-list"
          required
          maxLength={CLASS_CODE_MAX_LENGTH}
          defaultValue={values.classCode}
          autoComplete="off"
          aria-invalid={errors.classCode ? true : undefined}
          aria-describedby={describedBy("field-classCode-hint", errors.classCode && "field-classCode-error")}
        />
        <datalist id="class-list">
          {classes.map((c) => (
            <option key={c} value={c} />
          ))}
        </datalist>
        <FieldError id="field-classCode-error" message={errors.classCode} />
      </div>

      <fieldset className="checkboxes" aria-describedby={describedBy(errors.performers && "field-performers-error")}>
        <legend>Performers</legend>
        {people.length === 0 && <p className="muted">Add the people you enter on the People page first.</p>}
        {people.map((p) => (
          <label key={p.id} className="checkbox">
            <input type="checkbox" name="performers" value={p.id} defaultChecked={chosen.has(p.id)} />
            {p.name}
          </label>
        ))}
        <FieldError id="field-performers-error" message={errors.performers} />
      </fieldset>

      <PersonSelect name="accompanistId" label="Accompanist (optional)" none="No accompanist" options={accompanists} value={values.accompanistId} error={errors.accompanistId} />
      <PersonSelect name="teacherId" label="Teacher (optional)" none="No teacher" options={teachers} value={values.teacherId} error={errors.teacherId} />

      <fieldset className="checkboxes" aria-describedby={describedBy(errors.pieces && "field-pieces-error")}>
        <legend>Pieces</legend>
        <p className="field-hint">Title, composer and the duration of your performance (m:ss). Leave a row empty to skip it.</p>
        <FieldError id="field-pieces-error" message={errors.pieces} />
        {rows.map((row, i) => (
          <div key={row.key} className="inline-form piece-row">
            {(["title", "composer", "duration"] as const).map((part) => {
              const name = `pieces.${i}.${part}`;
              const error = errors[name];
              const fieldId = `field-pieces-${row.key}-${part}`;
              return (
                <div key={part} className="field">
                  <label htmlFor={fieldId}>
                    {part === "title" ? "Title" : part === "composer" ? "Composer" : "Duration (m:ss)"} of piece {i + 1}
                  </label>
                  <input
                    id={fieldId}
                    name={name}
                    defaultValue={row[part]}
                    maxLength={part === "duration" ? 8 : PIECE_TEXT_MAX_LENGTH}
                    inputMode={part === "duration" ? "numeric" : undefined}
                    placeholder={part === "duration" ? "3:30" : undefined}
                    size={part === "duration" ? 6 : undefined}
                    aria-invalid={error ? true : undefined}
                    aria-describedby={describedBy(error && `${fieldId}-error`)}
                  />
                  <FieldError id={`${fieldId}-error`} message={error} />
                </div>
              );
            })}
            {rows.length > 1 && (
              <button type="button" className="button button-quiet" onClick={() => setRows(rows.filter((r) => r.key !== row.key))}>
                Remove piece {i + 1}
              </button>
            )}
          </div>
        ))}
        {rows.length < MAX_PIECES && (
          <button
            type="button"
            className="button button-quiet"
            onClick={() => {
              setRows([...rows, { key: nextKey, title: "", composer: "", duration: "" }]);
              setNextKey(nextKey + 1);
            }}
          >
            Add a piece
          </button>
        )}
      </fieldset>

      <div className="field">
        <label htmlFor="field-notes">Notes for the organizers (optional)</label>
        <textarea id="field-notes" name="notes" rows={3} maxLength={ENTRY_NOTES_MAX_LENGTH} defaultValue={values.notes} />
        <FieldError id="field-notes-error" message={errors.notes} />
      </div>
    </>
  );
}
