import type { FastifyRequest } from 'fastify';

/** The subset of JSON Schema the strict type check reads. */
interface TypedSchema {
  readonly type?: string | readonly string[];
  readonly properties?: Readonly<Record<string, TypedSchema>>;
  readonly items?: TypedSchema;
}

function jsonTypeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

function accepts(expected: string | readonly string[] | undefined, actual: string): boolean {
  if (expected === undefined) return true;
  const list = typeof expected === 'string' ? [expected] : expected;
  return list.includes(actual) || (actual === 'integer' && list.includes('number'));
}

function findMismatch(schema: TypedSchema, value: unknown, pointer: string): string | undefined {
  if (!accepts(schema.type, jsonTypeOf(value))) return pointer;
  if (schema.properties && jsonTypeOf(value) === 'object') {
    for (const [key, sub] of Object.entries(schema.properties)) {
      const v = (value as Record<string, unknown>)[key];
      if (v === undefined) continue;
      const found = findMismatch(sub, v, `${pointer}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`);
      if (found !== undefined) return found;
    }
  }
  if (schema.items && Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findMismatch(schema.items, value[i], `${pointer}/${i}`);
      if (found !== undefined) return found;
    }
  }
  return undefined;
}

/**
 * A `preValidation` hook that refuses JSON bodies whose values have the wrong JSON type BEFORE
 * Fastify's Ajv runs: the shared Ajv coerces types (`coerceTypes: 'array'`), which would turn
 * `{"street": 42}` into `"42"` and `{"reason": true}` into `"true"`. The error has the shape of a
 * Fastify validation error, so server-kit renders it as the usual 400 `ERR_INPUT_INVALID`
 * problem with the field's JSON Pointer. An absent body becomes `{}` (bodiless POSTs).
 */
export function strictJsonBody(schema: TypedSchema) {
  return async (request: FastifyRequest): Promise<void> => {
    if (request.body === undefined || request.body === null) request.body = {};
    const pointer = findMismatch(schema, request.body, '');
    if (pointer !== undefined) {
      const error = Object.assign(new Error('body has a value of the wrong JSON type'), {
        statusCode: 400,
        validation: [{ instancePath: pointer, keyword: 'type' }],
        validationContext: 'body',
      });
      throw error;
    }
  };
}
