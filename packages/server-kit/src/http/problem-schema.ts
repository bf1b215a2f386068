/** The RFC 9457 problem document every error response carries (server-kit's edge). */
export const PROBLEM_SCHEMA = {
  type: 'object',
  description: 'RFC 9457 problem details with a stable `code`',
  properties: {
    type: { type: 'string' },
    title: { type: 'string' },
    status: { type: 'integer' },
    detail: { type: 'string' },
    instance: { type: 'string' },
    code: { type: 'string' },
    errors: { type: 'array', items: { type: 'object', additionalProperties: true } },
  },
  required: ['type', 'title', 'status', 'code'],
} as const;

/** OpenAPI response entries for the listed error statuses. */
export function problemResponses(...statuses: number[]): Record<number, typeof PROBLEM_SCHEMA> {
  return Object.fromEntries(statuses.map((s) => [s, PROBLEM_SCHEMA]));
}
