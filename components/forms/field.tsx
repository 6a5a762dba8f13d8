import { LabelledField } from './labelled-field';

type FieldProps = {
  label: string;
  name: string;
  type?: 'text' | 'email' | 'password';
  autoComplete?: string;
  hint?: string;
  required?: boolean;
};

export function Field({ label, name, type = 'text', autoComplete, hint, required = true }: FieldProps) {
  return (
    <LabelledField id={`field-${name}`} label={label} hint={hint}>
      {(props) => <input {...props} name={name} type={type} autoComplete={autoComplete} required={required} />}
    </LabelledField>
  );
}
