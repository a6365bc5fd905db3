import type { Control, FieldPath } from 'react-hook-form';
import { useController } from 'react-hook-form';
import type { InputProps, SelectProps } from '@fluentui/react-components';
import { Checkbox, Input, Select } from '@fluentui/react-components';
import type { DraftContent } from '../../../shared/domain/draft';

// Fluent UI v9 inputs keep their own state, so react-hook-form drives them as controlled inputs
// (register() alone would lose values set from outside: loading a draft, the character picker).

type Path = FieldPath<DraftContent>;

const text = (value: unknown) => (typeof value === 'string' ? value : '');

export function FormInput({
  name,
  control,
  ...props
}: { readonly name: Path; readonly control: Control<DraftContent> } & Omit<
  InputProps,
  'name' | 'value' | 'onChange' | 'onBlur'
>) {
  const {
    field: { ref, value, onChange, onBlur },
  } = useController({ name, control });
  return (
    <Input
      {...props}
      name={name}
      ref={ref}
      value={text(value)}
      onChange={(_event, data) => onChange(data.value)}
      onBlur={onBlur}
    />
  );
}

export function FormSelect({
  name,
  control,
  children,
  ...props
}: { readonly name: Path; readonly control: Control<DraftContent> } & Omit<
  SelectProps,
  'name' | 'value' | 'onChange' | 'onBlur'
>) {
  const {
    field: { ref, value, onChange, onBlur },
  } = useController({ name, control });
  return (
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
  );
}

export function FormCheckbox({
  name,
  control,
  label,
}: {
  readonly name: Path;
  readonly control: Control<DraftContent>;
  readonly label: string;
}) {
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
