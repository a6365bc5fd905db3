import type { Control, FieldPath, FieldValues } from 'react-hook-form';
import { useController } from 'react-hook-form';
import type { CheckboxProps, InputProps, SelectProps } from '@fluentui/react-components';
import { Checkbox, Input, Select } from '@fluentui/react-components';

// Fluent UI v9 inputs keep their own state, so react-hook-form drives them as controlled inputs
// (register() alone would lose values set from outside: loading a draft, the character picker).

const text = (value: unknown) => (typeof value === 'string' ? value : '');

interface Bound<T extends FieldValues> {
  readonly name: FieldPath<T>;
  readonly control: Control<T>;
}

/** The props that bind a Fluent text control to one form field, and the field's error message. */
export function useBoundText<T extends FieldValues>({ name, control }: Bound<T>) {
  const {
    field: { ref, value, onChange, onBlur },
    fieldState,
  } = useController({ name, control });
  return {
    bind: {
      name,
      ref,
      value: text(value),
      onChange: (_event: unknown, data: { value: string }) => onChange(data.value),
      onBlur,
    },
    error: fieldState.error?.message,
  };
}

type Unbound<P> = Omit<P, 'name' | 'value' | 'onChange' | 'onBlur'>;

export function ControlledInput<T extends FieldValues>({
  name,
  control,
  ...props
}: Bound<T> & Unbound<InputProps>) {
  const { bind } = useBoundText({ name, control });
  return <Input {...props} {...bind} />;
}

export function ControlledSelect<T extends FieldValues>({
  name,
  control,
  ...props
}: Bound<T> & Unbound<SelectProps>) {
  const { bind } = useBoundText({ name, control });
  return <Select {...props} {...bind} />;
}

export function ControlledCheckbox<T extends FieldValues>({
  name,
  control,
  label,
}: Bound<T> & { readonly label: CheckboxProps['label'] }) {
  const {
    field: { ref, value, onChange, onBlur },
  } = useController({ name, control });
  return (
    <Checkbox
      name={name}
      ref={ref}
      checked={value === true}
      onChange={(_event, data) => onChange(data.checked === true)}
      onBlur={onBlur}
      label={label}
    />
  );
}
