import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpApp, createLogger, type HttpApp } from '../../src/index.js';

const quiet = createLogger({ name: 'test', level: 'silent' });

describe('schema validation: strict bodies, coerced query strings', () => {
  let app: HttpApp;
  beforeAll(async () => {
    app = await createHttpApp({ name: 'test', version: '0.0.1', logger: quiet, openapi: false });
    app.post(
      '/things',
      {
        schema: {
          body: {
            type: 'object',
            additionalProperties: false,
            required: ['street', 'count'],
            properties: { street: { type: 'string' }, count: { type: 'integer' } },
          },
          querystring: {
            type: 'object',
            additionalProperties: false,
            properties: { limit: { type: 'integer', minimum: 1 } },
          },
        },
      },
      async (request) => ({ body: request.body, query: request.query }),
    );
    await app.ready();
  });
  afterAll(() => app.close());

  it('refuses a number where the body schema wants text, and text where it wants a number', async () => {
    for (const payload of [
      { street: 42, count: 1 },
      { street: 'x', count: '1' },
      { street: 'x', count: true },
    ]) {
      const response = await app.inject({ method: 'POST', url: '/things', payload });
      expect(response.statusCode).toBe(400);
      expect(response.json().code).toBe('ERR_INPUT_INVALID');
    }
  });

  it('still turns query-string text into the integers its schema asks for', async () => {
    const response = await app.inject({ method: 'POST', url: '/things?limit=5', payload: { street: 'x', count: 1 } });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ body: { street: 'x', count: 1 }, query: { limit: 5 } });
    const bad = await app.inject({ method: 'POST', url: '/things?limit=abc', payload: { street: 'x', count: 1 } });
    expect(bad.statusCode).toBe(400);
  });
});
