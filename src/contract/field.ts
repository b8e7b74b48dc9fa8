import { z } from 'zod';

/** Sensitivity classes of a column (GDPR): identifying columns are pseudonymised on import. */
export const Sensitivity = z.enum(['identifying', 'special', 'ordinary']);
export type Sensitivity = z.infer<typeof Sensitivity>;

/** A column of a contract table, in Frictionless Table Schema terms plus our own properties. */
export const FieldSchema = z.object({
  name: z.string().regex(/^[a-z][a-z0-9_]*$/),
  /** Frictionless type. */
  type: z.enum(['string', 'integer', 'number', 'boolean', 'date']),
  title: z.string(),
  title_nl: z.string(),
  description: z.string(),
  constraints: z
    .object({
      required: z.boolean().optional(),
      unique: z.boolean().optional(),
      enum: z.array(z.string()).optional(),
      minimum: z.union([z.number(), z.string()]).optional(),
      maximum: z.union([z.number(), z.string()]).optional(),
    })
    .strict()
    .default({}),
  sensitivity: Sensitivity,
  /** Usable as a breakdown dimension in indicators. */
  dimension: z.boolean().default(false),
});
export type Field = z.infer<typeof FieldSchema>;

export const TableSchema = z.object({
  name: z.string().regex(/^[a-z][a-z0-9_]*$/),
  title: z.string(),
  title_nl: z.string(),
  description: z.string(),
  grain: z.string(),
  fields: z.array(FieldSchema).min(1),
  primaryKey: z.array(z.string()),
  foreignKeys: z
    .array(
      z.object({
        fields: z.array(z.string()),
        reference: z.object({ resource: z.string(), fields: z.array(z.string()) }),
      }),
    )
    .default([]),
  /** Measurable results (of the IDW plan) that read this table. */
  usedBy: z.array(z.string()).default([]),
});
export type Table = z.infer<typeof TableSchema>;

type FieldInput = z.input<typeof FieldSchema>;
type Opts = Partial<Omit<FieldInput, 'name' | 'type' | 'title' | 'title_nl' | 'description'>> & {
  required?: boolean;
  enum?: readonly string[];
  unique?: boolean;
  minimum?: number | string;
  maximum?: number | string;
};

/** Compact field constructor used by the table definitions. */
export function field(
  name: string,
  type: Field['type'],
  title: string,
  title_nl: string,
  description: string,
  opts: Opts = {},
): FieldInput {
  const { required, enum: en, unique, minimum, maximum, ...rest } = opts;
  const constraints: Record<string, unknown> = {};
  if (required) constraints.required = true;
  if (unique) constraints.unique = true;
  if (en) constraints.enum = [...en];
  if (minimum !== undefined) constraints.minimum = minimum;
  if (maximum !== undefined) constraints.maximum = maximum;
  return {
    name,
    type,
    title,
    title_nl,
    description,
    constraints,
    sensitivity: 'ordinary',
    ...rest,
  };
}
