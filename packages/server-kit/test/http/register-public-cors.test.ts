import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpApp, type HttpApp, registerPublicCors } from '../../src/index.js';
import { createLogger } from '../../src/logging/index.js';

describe('registerPublicCors', () => {
  let app: HttpApp;
  beforeAll(async () => {
    app = await createHttpApp({ name: 'cors', version: '0', logger: createLogger({ name: 'cors', level: 'silent' }) });
    registerPublicCors(app, { isPrivate: (path) => path.startsWith('/admin') });
    app.get('/status/1', async () => ({ ok: true }));
    app.get('/admin/persons', async () => ({ ok: true }));
    await app.ready();
  });
  afterAll(() => app.close());

  it('opens public endpoints to every origin, without credentials', async () => {
    const response = await app.inject({ url: '/status/1', headers: { origin: 'http://localhost:8750' } });
    expect(response.statusCode).toBe(200);
    expect(response.headers['access-control-allow-origin']).toBe('*');
    expect(response.headers['access-control-allow-credentials']).toBeUndefined();
    expect(response.headers['access-control-expose-headers']).toContain('etag');
  });

  it('answers preflight requests for public paths', async () => {
    const response = await app.inject({
      method: 'OPTIONS',
      url: '/status/1',
      headers: { origin: 'http://localhost:8750', 'access-control-request-method': 'GET' },
    });
    expect(response.statusCode).toBe(204);
    expect(response.headers['access-control-allow-methods']).toContain('POST');
    expect(response.headers['access-control-allow-headers']).toContain('authorization');
  });

  it('keeps private paths same-origin, preflight included', async () => {
    const get = await app.inject({ url: '/admin/persons', headers: { origin: 'http://evil.example' } });
    expect(get.headers['access-control-allow-origin']).toBeUndefined();
    const preflight = await app.inject({
      method: 'OPTIONS',
      url: '/admin/persons',
      headers: { origin: 'http://evil.example', 'access-control-request-method': 'POST' },
    });
    expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
    expect(preflight.statusCode).toBe(404);
  });
});
