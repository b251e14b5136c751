import type { ReactNode } from "react";

/** What a labelled control receives: its id, its form name, and the ids of its hint and error. */
export interface LabelledControlProps {
  id: string;
  name: string;
  "aria-invalid": boolean;
  "aria-describedby"?: string;
}

/**
 * A form control with its label, its error under it (announced through aria-describedby) and an
 * optional hint. `idPrefix` is the form's useId(), so two forms on a page never share ids.
 */
export function LabelledField({
  idPrefix,
  name,
  label,
  error,
  hint,
  control,
}: {
  idPrefix: string;
  name: string;
  label: string;
  error: string | undefined;
  hint?: ReactNode;
  control: (props: LabelledControlProps) => ReactNode;
}) {
  const controlId = `${idPrefix}-${name}`;
  const describedBy = [hint ? `${controlId}-hint` : null, error ? `${controlId}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div>
      <label htmlFor={controlId} className="field-label">
        {label}
      </label>
      {control({ id: controlId, name, "aria-invalid": Boolean(error), ...(describedBy ? { "aria-describedby": describedBy } : {}) })}
      {error ? (
        <p id={`${controlId}-error`} className="field-error">
          {error}
        </p>
      ) : null}
      {hint ? (
        <p id={`${controlId}-hint`} className="field-hint">
          {hint}
        </p>
      ) : null}
    </div>
  );
}
