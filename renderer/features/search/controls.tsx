import type { Control, FieldPath, FieldValues } from 'react-hook-form';
import { useController } from 'react-hook-form';
import type { InputProps, SelectProps } from '@fluentui/react-components';
import { Field, Input, Select } from '@fluentui/react-components';
import type { ReactNode } from 'react';

// Fluent UI v9 inputs keep their own state, so react-hook-form drives them as controlled inputs,
// as in the drafts' form; these are generic over the form's values (the drafts' are not).

const text = (value: unknown) => (typeof value === 'string' ? value : '');

interface FieldProps<T extends FieldValues> {
  readonly name: FieldPath<T>;
  readonly control: Control<T>;
  readonly label: string;
  readonly hint?: string;
  readonly required?: boolean;
  readonly className?: string;
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
  const {
    field: { ref, value, onChange, onBlur },
    fieldState,
  } = useController({ name, control });
  const message = fieldState.error?.message;
  return (
    <Field
      label={label}
      hint={hint}
      required={required}
      className={className}
      validationState={message ? 'error' : 'none'}
      validationMessage={message}
    >
      <Input
        {...props}
        name={name}
        ref={ref}
        value={text(value)}
        onChange={(_event, data) => onChange(data.value)}
        onBlur={onBlur}
        autoComplete="off"
        spellCheck={false}
      />
    </Field>
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
  const {
    field: { ref, value, onChange, onBlur },
    fieldState,
  } = useController({ name, control });
  const message = fieldState.error?.message;
  return (
    <Field
      label={label}
      hint={hint}
      required={required}
      className={className}
      validationState={message ? 'error' : 'none'}
      validationMessage={message}
    >
      <Select
        {...props}
        name={name}
        ref={ref}
        value={text(value)}
        onChange={(_event, data) => onChange(data.value)}
        onBlur={onBlur}
      >
        {children}
      </Select>
    </Field>
  );
}
