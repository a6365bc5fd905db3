import type { FieldErrors, FieldValues, Resolver } from 'react-hook-form';
import type { z } from 'zod';

/**
 * react-hook-form ↔ zod for the search forms, whose fields are flat: the first message per field,
 * under the field's name. (A resolver package would be one more dependency for ten lines.)
 */
export function zodResolver<T extends FieldValues>(schema: z.ZodType<unknown>): Resolver<T> {
  return (values) => {
    const result = schema.safeParse(values);
    if (result.success) return { values, errors: {} };
    const errors: Record<string, { type: string; message: string }> = {};
    for (const issue of result.error.issues) {
      const name = String(issue.path[0] ?? 'root');
      errors[name] ??= { type: 'validate', message: issue.message };
    }
    return { values: {}, errors: errors as FieldErrors<T> };
  };
}
