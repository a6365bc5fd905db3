import { z } from 'zod';

// The register's message schemas strip unknown keys (the register decides what it ignores). At the
// bridge a key main does not know is a mistake of the renderer, and stripping it would drop data
// silently: "a schema failure is an error, never a coercion" (architecture §4). `deepStrict` makes
// every object inside a schema reject unknown keys, keeping each node's own checks and refinements.

interface SchemaNode {
  readonly def: { readonly type: string } & Readonly<Record<string, unknown>>;
  clone(def: Readonly<Record<string, unknown>>): z.ZodType;
}

const node = (schema: z.ZodType) => schema as unknown as SchemaNode;

/** Containers whose inner objects this helper cannot reach: refused instead of left lenient. */
const UNSUPPORTED = new Set(['record', 'tuple', 'intersection', 'lazy', 'map', 'set', 'promise']);

function strictCopy(schema: z.ZodType): z.ZodType {
  const { def } = node(schema);
  switch (def.type) {
    case 'object': {
      const shape = def['shape'] as Record<string, z.ZodType>;
      return node(schema).clone({
        ...def,
        shape: Object.fromEntries(
          Object.entries(shape).map(([key, value]) => [key, strictCopy(value)]),
        ),
        catchall: z.never(),
      });
    }
    case 'array':
      return node(schema).clone({ ...def, element: strictCopy(def['element'] as z.ZodType) });
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'nonoptional':
      return node(schema).clone({ ...def, innerType: strictCopy(def['innerType'] as z.ZodType) });
    case 'union':
      return node(schema).clone({
        ...def,
        options: (def['options'] as readonly z.ZodType[]).map(strictCopy),
      });
    case 'pipe':
      return node(schema).clone({
        ...def,
        in: strictCopy(def['in'] as z.ZodType),
        out: strictCopy(def['out'] as z.ZodType),
      });
    default:
      if (UNSUPPORTED.has(def.type))
        throw new Error(`deepStrict: cannot make a ${def.type} schema strict`);
      return schema;
  }
}

/** The same schema, but every nested object rejects keys it does not declare. */
export function deepStrict<T extends z.ZodType>(schema: T): T {
  return strictCopy(schema) as T;
}
