import { ERROR_CATALOGUE, type ErrorCode, ZzError } from '@zhengzhao/core';
import fc from 'fast-check';
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpApp, createLogger, type HttpApp, toProblemDetails } from '../../src/index.js';

const PROBLEM = 'application/problem+json; charset=utf-8';
const quiet = createLogger({ name: 'test', level: 'silent' });

let app: HttpApp;

beforeAll(async () => {
  app = await createHttpApp({ name: 'test', version: '0.0.1', logger: quiet, bodyLimit: 1024 });
  app.get('/zz/:code', async (request) => {
    throw new ZzError((request.params as { code: ErrorCode }).code, 'A safe message');
  });
  app.post(
    '/citizens/:id',
    {
      schema: {
        params: { type: 'object', properties: { id: { type: 'string', pattern: '^[0-9]{17}[0-9X]$' } } },
        querystring: {
          type: 'object',
          properties: { limit: { type: 'integer', minimum: 1 } },
          additionalProperties: false,
        },
        body: {
          type: 'object',
          required: ['given_name'],
          properties: { given_name: { type: 'string', maxLength: 20 }, address: { type: 'object' } },
          additionalProperties: false,
        },
      },
    },
    async () => ({ ok: true }),
  );
  app.get('/boom', async () => {
    const error = new Error('db said: Key (id_number)=(11010119900307777X) already exists');
    Object.assign(error, { detail: '11010119900307777X', statusCode: 500 });
    throw error;
  });
  app.get('/throws-string', async () => {
    throw 'Zhang San 11010119900307777X';
  });
  await app.ready();
});

afterAll(() => app.close());

async function problemOf(options: InjectOptions) {
  const res = await app.inject(options);
  expect(res.headers['content-type']).toBe(PROBLEM);
  return { status: res.statusCode, body: res.json(), raw: res.body, headers: res.headers };
}

describe('problem details (RFC 9457) at the edge', () => {
  it.each(['ERR_STATUS_REVOKED', 'ERR_READER_SCOPE', 'ERR_KEYSTORE_PASSPHRASE', 'ERR_HTTP_NOT_FOUND'] as const)(
    'renders ZzError %s with its catalogue status, code and type URI',
    async (code) => {
      const { status, body, headers } = await problemOf({ method: 'GET', url: `/zz/${code}` });
      expect(status).toBe(ERROR_CATALOGUE[code].status);
      expect(body).toMatchObject({
        type: `https://zhengzhao.dev/problems/${code}`,
        title: ERROR_CATALOGUE[code].title,
        status: ERROR_CATALOGUE[code].status,
        detail: 'A safe message',
        code,
      });
      expect(body.instance).toBe(`urn:uuid:${headers['x-request-id']}`);
    },
  );

  it('keeps the detail of a 5xx ZzError generic', async () => {
    const { status, body } = await problemOf({ method: 'GET', url: '/zz/ERR_CRYPTO_OPERATION' });
    expect(status).toBe(500);
    expect(body.code).toBe('ERR_CRYPTO_OPERATION');
    expect(body.detail).toBe(ERROR_CATALOGUE.ERR_CRYPTO_OPERATION.title);
  });

  it('maps a body validation failure to 400 ERR_INPUT_INVALID naming the field, not its value', async () => {
    const value = 'Zhang San Zhang San Zhang San';
    const { status, body, raw } = await problemOf({
      method: 'POST',
      url: '/citizens/11010119900307777X',
      payload: { given_name: value },
    });
    expect(status).toBe(400);
    expect(body.code).toBe('ERR_INPUT_INVALID');
    expect(body.errors).toEqual([{ in: 'body', pointer: '/given_name', keyword: 'maxLength' }]);
    expect(raw).not.toContain('Zhang');
  });

  it('names missing and unknown properties, and params and query failures', async () => {
    const missing = await problemOf({ method: 'POST', url: '/citizens/11010119900307777X', payload: {} });
    expect(missing.body.errors[0]).toEqual({ in: 'body', pointer: '/given_name', keyword: 'required' });
    const extra = await problemOf({
      method: 'POST',
      url: '/citizens/11010119900307777X',
      payload: { given_name: 'a', id_number: '11010119900307777X' },
    });
    expect(extra.body.errors[0]).toEqual({ in: 'body', pointer: '/id_number', keyword: 'additionalProperties' });
    expect(extra.raw).not.toContain('11010119900307777X');
    const params = await problemOf({ method: 'POST', url: '/citizens/Zhang', payload: { given_name: 'a' } });
    expect(params.body.errors[0]).toEqual({ in: 'params', pointer: '/id', keyword: 'pattern' });
    expect(params.raw).not.toContain('Zhang');
    const query = await problemOf({
      method: 'POST',
      url: '/citizens/11010119900307777X?limit=0',
      payload: { given_name: 'a' },
    });
    expect(query.status).toBe(400);
    expect(query.body.errors[0]).toEqual({ in: 'querystring', pointer: '/limit', keyword: 'minimum' });
  });

  it('answers unknown routes with a 404 problem that does not echo the path', async () => {
    const { status, body, raw } = await problemOf({ method: 'GET', url: '/citizens/11010119900307777X/secret' });
    expect(status).toBe(404);
    expect(body.code).toBe('ERR_HTTP_NOT_FOUND');
    expect(raw).not.toContain('11010119900307777X');
  });

  it('answers a body over the limit with 413 ERR_INPUT_TOO_LARGE', async () => {
    const { status, body } = await problemOf({
      method: 'POST',
      url: '/citizens/11010119900307777X',
      payload: { given_name: 'a', address: { line: 'x'.repeat(2000) } },
    });
    expect(status).toBe(413);
    expect(body.code).toBe('ERR_INPUT_TOO_LARGE');
  });

  it('answers a non-JSON media type with 415 and malformed JSON with ERR_ENCODING_JSON', async () => {
    for (const type of ['text/plain', 'application/xml', 'application/x-www-form-urlencoded']) {
      const { status, body } = await problemOf({
        method: 'POST',
        url: '/citizens/11010119900307777X',
        payload: 'given_name=a',
        headers: { 'content-type': type },
      });
      expect(status).toBe(415);
      expect(body.code).toBe('ERR_HTTP_UNSUPPORTED_MEDIA_TYPE');
    }
    const bad = await problemOf({
      method: 'POST',
      url: '/citizens/11010119900307777X',
      payload: '{"given_name": "Zhang',
      headers: { 'content-type': 'application/json' },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('ERR_ENCODING_JSON');
    expect(bad.raw).not.toContain('Zhang');
  });

  it('answers unexpected errors with a bare 500 that carries nothing from the error', async () => {
    for (const url of ['/boom', '/throws-string']) {
      const { status, body, raw } = await problemOf({ method: 'GET', url });
      expect(status).toBe(500);
      expect(body.code).toBe('ERR_SERVER_INTERNAL');
      expect(body.detail).toBe('An internal error occurred');
      expect(raw).not.toMatch(/11010119900307777X|Zhang|db said|stack/);
    }
  });

  it('maps any thrown value to a catalogued problem (property)', () => {
    fc.assert(
      fc.property(fc.anything(), (thrown) => {
        const { problem } = toProblemDetails(thrown, 'id');
        expect(ERROR_CATALOGUE[problem.code]).toBeDefined();
        expect(problem.status).toBe(ERROR_CATALOGUE[problem.code].status);
        expect(problem.type).toBe(`https://zhengzhao.dev/problems/${problem.code}`);
      }),
    );
  });
});
