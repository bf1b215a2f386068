import { describe, expect, it } from 'vitest';
import { closeOnSignals, createHttpApp, createLogger } from '../../src/index.js';

const quiet = createLogger({ name: 'test', level: 'silent' });

describe('health, readiness and OpenAPI', () => {
  it('answers /healthz with the service name and version', async () => {
    const app = await createHttpApp({ name: 'registry', version: '1.2.3', logger: quiet });
    const res = await app.inject({ method: 'GET', url: '/healthz' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok', service: 'registry', version: '1.2.3' });
    expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    await app.close();
  });

  it('answers /readyz 200 when every check passes and 503 naming the failing ones', async () => {
    const app = await createHttpApp({ name: 'issuer', version: '1', logger: quiet, readinessTimeoutMs: 50 });
    let dbUp = true;
    app.readiness.add('database', () => {
      if (!dbUp) throw new Error('connection refused to postgres://user:secret@db');
    });
    app.readiness.add('nats', async () => {});
    const ok = await app.inject({ method: 'GET', url: '/readyz' });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toEqual({ status: 'ready', checks: { database: 'ok', nats: 'ok' } });

    dbUp = false;
    app.readiness.add('slow', () => new Promise((resolve) => setTimeout(resolve, 500)));
    const down = await app.inject({ method: 'GET', url: '/readyz' });
    expect(down.statusCode).toBe(503);
    expect(down.headers['content-type']).toBe('application/problem+json; charset=utf-8');
    expect(down.json()).toMatchObject({
      code: 'ERR_SERVER_NOT_READY',
      checks: { database: 'failed', nats: 'ok', slow: 'timeout' },
    });
    expect(down.body).not.toContain('secret');
    await app.close();
  });

  it('serves the OpenAPI document with the routes and their schemas, and swagger-ui from the package', async () => {
    const app = await createHttpApp({
      name: 'registry',
      version: '0.1.0',
      logger: quiet,
      openapi: { title: 'Population registry', description: 'Synthetic citizens' },
    });
    app.get(
      '/citizens/:id',
      { schema: { params: { type: 'object', properties: { id: { type: 'string' } }, required: ['id'] } } },
      async () => ({}),
    );
    const doc = await app.inject({ method: 'GET', url: '/docs/json' });
    expect(doc.statusCode).toBe(200);
    const spec = doc.json();
    expect(spec.openapi).toBe('3.1.0');
    expect(spec.info).toEqual({ title: 'Population registry', description: 'Synthetic citizens', version: '0.1.0' });
    expect(Object.keys(spec.paths)).toEqual(expect.arrayContaining(['/healthz', '/readyz', '/citizens/{id}']));
    expect(spec.paths['/citizens/{id}'].get.parameters[0]).toMatchObject({ name: 'id', in: 'path' });

    const ui = await app.inject({ method: 'GET', url: '/docs' });
    expect(ui.statusCode).toBe(200);
    expect(ui.headers['content-type']).toMatch(/^text\/html/);
    // every script and stylesheet is served by the app itself: no CDN
    const assets = [...ui.body.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1] ?? '');
    expect(assets.length).toBeGreaterThan(0);
    for (const asset of assets) expect(asset).not.toMatch(/^(https?:)?\/\//);
    const bundle = await app.inject({ method: 'GET', url: '/docs/static/swagger-ui-bundle.js' });
    expect(bundle.statusCode).toBe(200);
    expect(bundle.body.length).toBeGreaterThan(100_000);
    await app.close();
  });

  it('can turn /docs off', async () => {
    const app = await createHttpApp({ name: 'x', version: '1', logger: quiet, openapi: false });
    expect((await app.inject({ method: 'GET', url: '/docs/json' })).statusCode).toBe(404);
    await app.close();
  });
});

describe('graceful shutdown', () => {
  it('stops accepting, finishes the in-flight request, runs closers in order, then exits 0', async () => {
    const app = await createHttpApp({ name: 'x', version: '1', logger: quiet });
    let release: () => void = () => {};
    let started: () => void = () => {};
    const inFlight = new Promise<void>((resolve) => {
      started = resolve;
    });
    app.get('/slow', async () => {
      started();
      await new Promise<void>((resolve) => {
        release = resolve;
      });
      return { done: true };
    });
    const address = await app.listen({ port: 0, host: '127.0.0.1' });
    const events: string[] = [];
    const exits: number[] = [];
    const before = process.listenerCount('SIGTERM');
    const shutdown = closeOnSignals(app, [() => events.push('db closed'), async () => events.push('nats drained')], {
      exit: (code) => exits.push(code),
    });
    expect(process.listenerCount('SIGTERM')).toBe(before + 1);

    const pending = fetch(`${address}/slow`).then(async (r) => ({ status: r.status, body: await r.json() }));
    await inFlight;
    const closing = shutdown.shutdown('SIGTERM');
    expect(shutdown.shutdown()).toBe(closing); // idempotent
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(events).toEqual([]); // still waiting for the request
    await expect(fetch(`${address}/healthz`)).rejects.toThrow(); // no new connections
    release();
    expect(await pending).toEqual({ status: 200, body: { done: true } });
    expect(await closing).toBe(0);
    expect(events).toEqual(['db closed', 'nats drained']);
    expect(exits).toEqual([0]);
    expect(process.listenerCount('SIGTERM')).toBe(before);
  });

  it('exits 1 when a closer fails, and dispose() removes the handlers', async () => {
    const app = await createHttpApp({ name: 'x', version: '1', logger: quiet });
    const exits: number[] = [];
    const before = process.listenerCount('SIGINT');
    const shutdown = closeOnSignals(
      app,
      [
        () => {
          throw new Error('close failed');
        },
      ],
      { exit: (code) => exits.push(code) },
    );
    expect(await shutdown.shutdown()).toBe(1);
    expect(exits).toEqual([1]);
    const other = closeOnSignals(app, [], { exit: () => {} });
    expect(process.listenerCount('SIGINT')).toBe(before + 1);
    other.dispose();
    expect(process.listenerCount('SIGINT')).toBe(before);
  });
});
