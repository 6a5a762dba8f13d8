type FieldProps = {
  label: string;
  name: string;
  type?: 'text' | 'email' | 'password';
  autoComplete?: string;
  hint?: string;
  required?: boolean;
};

export function Field({ label, name, type = 'text', autoComplete, hint, required = true }: FieldProps) {
  const id = `field-${name}`;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p className="field__hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      <input id={id} name={name} type={type} autoComplete={autoComplete} required={required} aria-describedby={hint ? `${id}-hint` : undefined} />
    </div>
  );
}
