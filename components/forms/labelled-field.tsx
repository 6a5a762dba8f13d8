import type { ReactNode } from 'react';

type LabelledFieldProps = {
  id: string;
  label: string;
  hint?: string;
  errors?: string[];
  /** The control; it receives `id` and `aria-describedby` from here. */
  children: (described: { id: string; 'aria-describedby'?: string; 'aria-invalid'?: true }) => ReactNode;
};

/** A labelled control with its hint and, after a refused save, its problems listed under it. */
export function LabelledField({ id, label, hint, errors, children }: LabelledFieldProps) {
  const described = [hint ? `${id}-hint` : '', errors?.length ? `${id}-errors` : ''].filter(Boolean).join(' ');
  return (
    <div className="field">
      <label htmlFor={id} id={`${id}-label`}>
        {label}
      </label>
      {hint ? (
        <p className="field__hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {children({ id, ...(described ? { 'aria-describedby': described } : {}), ...(errors?.length ? { 'aria-invalid': true as const } : {}) })}
      {errors?.length ? (
        <ul className="form-status form-status--error" id={`${id}-errors`}>
          {errors.map((error) => (
            <li key={error}>{error}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
