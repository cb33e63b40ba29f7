// OpenAPI request-body schemas generated from the payload classes of libs/contracts (their
// class-validator rules), inlined so they stand alone in the document: nothing hand-copied.
import { validationMetadatasToSchemas } from 'class-validator-jsonschema';
import type { SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';

// class-transformer keeps the nested types (@Type) here; the path has no typings of its own.
const { defaultMetadataStorage } = require('class-transformer/cjs/storage') as typeof import('class-transformer/types/storage');

const REF_PREFIX = '#/definitions/';

/** The schema of a payload class; `optional` fields are left out of `required`. */
export function contractSchemaOf(payload: Function, options: { optional?: string[]; description?: string } = {}): SchemaObject {
  const definitions = validationMetadatasToSchemas({ classTransformerMetadataStorage: defaultMetadataStorage, refPointerPrefix: REF_PREFIX }) as Record<string, SchemaObject>;
  const schema = inline(definitions[payload.name], definitions, 0) as SchemaObject;
  const required = (schema.required ?? []).filter((name) => !options.optional?.includes(name));
  return { ...schema, required, ...(options.description ? { description: options.description } : {}) };
}

function inline(value: unknown, definitions: Record<string, SchemaObject>, depth: number): unknown {
  if (depth > 10 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((item) => inline(item, definitions, depth + 1));
  const ref = (value as { $ref?: string }).$ref;
  if (typeof ref === 'string' && ref.startsWith(REF_PREFIX)) return inline(definitions[ref.slice(REF_PREFIX.length)] ?? {}, definitions, depth + 1);
  return Object.fromEntries(Object.entries(value).map(([key, field]) => [key, inline(field, definitions, depth + 1)]));
}
