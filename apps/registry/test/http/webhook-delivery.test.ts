import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describeEachDatabase } from '@zhengzhao/server-kit/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  decodeCardEvent,
  type RegistryApp,
  type RegistryDatabase,
  registryMigrations,
  verifyWebhookSignature,
} from '../../src/index.js';
import { citizens, clerk, openApp } from './helpers.js';

const SECRET = 'webhook-secret-0123456789';

interface Received {
  headers: IncomingHttpHeaders;
  body: string;
  status: number;
}

/** A tiny issuer stand-in: records every request and answers with the next scripted status (then 200). */
async function startReceiver(script: number[]) {
  const received: Received[] = [];
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const status = script.shift() ?? 200;
      received.push({ headers: request.headers, body: Buffer.concat(chunks).toString('utf8'), status });
      response.writeHead(status, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/registry/events`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

async function waitFor(condition: () => boolean, timeoutMs = 5_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describeEachDatabase<RegistryDatabase>('registry webhook delivery', registryMigrations, (t) => {
  let app: RegistryApp;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  beforeAll(async () => {
    // the first two requests fail with 500, then the issuer acknowledges
    receiver = await startReceiver([500, 500]);
    app = await openApp(t.database, {
      webhooks: [{ name: 'issuer-44', url: receiver.url, secret: SECRET }],
      delivery: { intervalMs: 50, maxAttempts: 3, backoff: { initialMs: 10, maxMs: 40 } },
    });
    await app.ready();
  });
  afterAll(async () => {
    await app?.close();
    await receiver?.close();
  });

  const acknowledged = () => receiver.received.filter((r) => r.status === 200);

  it('POSTs every event, signed, in order, retrying after a 500 until acknowledged', async () => {
    await waitFor(() => acknowledged().length >= 4);
    const outbox = await app.registryService.store.readOutbox(0, 100);
    expect(outbox.length).toBe(4);
    // the first event was refused twice, then re-sent and acknowledged
    const ids = receiver.received.map((r) => decodeCardEvent(r.body).eventId);
    expect(ids.slice(0, 3)).toEqual([outbox[0]?.event.eventId, outbox[0]?.event.eventId, outbox[0]?.event.eventId]);
    expect(receiver.received.slice(0, 3).map((r) => r.status)).toEqual([500, 500, 200]);
    expect(acknowledged().map((r) => decodeCardEvent(r.body).eventId)).toEqual(outbox.map((e) => e.event.eventId));
    for (const r of receiver.received) {
      expect(r.headers['content-type']).toBe('application/json');
      const event = decodeCardEvent(r.body);
      expect(r.headers['zz-event-id']).toBe(event.eventId);
      // signed over the exact body with the registry's clock
      const { timestamp } = verifyWebhookSignature(
        SECRET,
        r.headers['zz-signature'] as string,
        r.body,
        new Date('2026-03-01T08:00:00Z'),
      );
      expect(timestamp.toISOString()).toBe('2026-03-01T08:00:00.000Z');
      expect(() =>
        verifyWebhookSignature(
          'another-secret-0123456789',
          r.headers['zz-signature'] as string,
          r.body,
          new Date('2026-03-01T08:00:00Z'),
        ),
      ).toThrow();
    }
    let cursor = 0;
    const store = app.registryService.store;
    for (let i = 0; i < 100 && cursor < 4; i++) {
      cursor = await store.readCursor('webhook:issuer-44');
      if (cursor < 4) await new Promise((resolve) => setTimeout(resolve, 10));
    }
    expect(cursor).toBe(4);
  });

  it('delivers a new event right after the clerk commits it', async () => {
    const before = acknowledged().length;
    const r = await app.inject({ method: 'POST', url: `/persons/${citizens[1]?.personId}/renew`, headers: clerk });
    const receipt = JSON.parse(r.body) as { event_id: string };
    await waitFor(() => acknowledged().length > before, 2_000);
    expect(decodeCardEvent(acknowledged()[before]?.body ?? '').eventId).toBe(receipt.event_id);
  });
});
