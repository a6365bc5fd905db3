import type { Control, FieldPath, FieldValues } from 'react-hook-form';
import type { InputProps, SelectProps } from '@fluentui/react-components';
import { Field, Input, Select } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { useBoundText } from '../../ui/controlled';

// The search form's labelled fields: a Fluent Field around a controlled input, with the form's
// validation message under it.

interface FieldProps<T extends FieldValues> {
  readonly name: FieldPath<T>;
  readonly control: Control<T>;
  readonly label: string;
  readonly hint?: string;
  readonly required?: boolean;
  readonly className?: string;
}

function LabelledField({
  label,
  hint,
  required,
  className,
  error,
  children,
}: Omit<FieldProps<FieldValues>, 'name' | 'control'> & {
  readonly error: string | undefined;
  readonly children: ReactNode;
}) {
  return (
    <Field
      label={label}
      hint={hint}
      required={required}
      className={className}
      validationState={error ? 'error' : 'none'}
      validationMessage={error}
    >
      {children}
    </Field>
  );
}

export function TextField<T extends FieldValues>({
  name,
  control,
  label,
  hint,
  required,
  className,
  ...props
}: FieldProps<T> & Omit<InputProps, 'name' | 'value' | 'onChange' | 'onBlur' | 'required'>) {
  const { bind, error } = useBoundText({ name, control });
  return (
    <LabelledField {...{ label, hint, required, className, error }}>
      <Input {...props} {...bind} autoComplete="off" spellCheck={false} />
    </LabelledField>
  );
}

export function SelectField<T extends FieldValues>({
  name,
  control,
  label,
  hint,
  required,
  className,
  children,
  ...props
}: FieldProps<T> & { readonly children: ReactNode } & Omit<
    SelectProps,
    'name' | 'value' | 'onChange' | 'onBlur' | 'required' | 'children'
  >) {
  const { bind, error } = useBoundText({ name, control });
  return (
    <LabelledField {...{ label, hint, required, className, error }}>
      <Select {...props} {...bind}>
        {children}
      </Select>
    </LabelledField>
  );
}
