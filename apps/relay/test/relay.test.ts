import { createLogger } from '@zhengzhao/server-kit';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { RELAY_CLOSE, type RelayLimits, type RunningRelay, startRelay } from '../src/index.js';

const running: RunningRelay[] = [];
const sockets: WebSocket[] = [];
afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.terminate();
  for (const relay of running.splice(0)) await relay.close();
});

let logLines: string[] = [];
async function relay(limits: Partial<RelayLimits> = {}): Promise<RunningRelay> {
  logLines = [];
  const logger = createLogger({ name: 'relay', destination: { write: (line: string) => logLines.push(line) } });
  const started = await startRelay({ port: 0, limits, logger });
  running.push(started);
  return started;
}

let counter = 0;
/** A fresh 128-bit session id: 22 base64url characters. */
function sessionId(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  counter++;
  return Buffer.from(bytes).toString('base64url');
}

interface Client {
  readonly socket: WebSocket;
  readonly frames: Buffer[];
  readonly closed: Promise<{ code: number; reason: string }>;
  next(): Promise<Buffer>;
}

function client(url: string): Promise<Client> {
  const socket = new WebSocket(url);
  sockets.push(socket);
  const frames: Buffer[] = [];
  const waiters: ((frame: Buffer) => void)[] = [];
  socket.on('message', (data: Buffer) => {
    const waiter = waiters.shift();
    if (waiter) waiter(data);
    else frames.push(data);
  });
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    socket.on('close', (code, reason) => resolve({ code, reason: reason.toString() })),
  );
  socket.on('error', () => {});
  const next = () => {
    const frame = frames.shift();
    return frame ? Promise.resolve(frame) : new Promise<Buffer>((resolve) => waiters.push(resolve));
  };
  return new Promise((resolve, reject) => {
    socket.once('open', () => resolve({ socket, frames, closed, next }));
    socket.once('unexpected-response', (_request, response) => reject(new Error(`HTTP ${response.statusCode}`)));
    socket.once('error', reject);
  });
}

const bytes = (...values: number[]) => new Uint8Array(values);

describe('relay: pairing and forwarding', () => {
  it('pairs the first two connections and forwards binary frames unchanged, both ways', async () => {
    const { wsUrl } = await relay();
    const id = sessionId();
    const holder = await client(`${wsUrl}/s/${id}`);
    const reader = await client(`${wsUrl}/s/${id}`);
    reader.socket.send(bytes(0xa2, 1, 2, 3));
    expect([...(await holder.next())]).toEqual([0xa2, 1, 2, 3]);
    const big = new Uint8Array(200_000).map((_, i) => i % 251);
    holder.socket.send(big);
    expect(Buffer.compare(await reader.next(), Buffer.from(big))).toBe(0);
  });

  it('buffers frames sent before the peer joins and delivers them in order', async () => {
    const { wsUrl } = await relay();
    const id = sessionId();
    const holder = await client(`${wsUrl}/s/${id}`);
    for (let i = 0; i < 16; i++) holder.socket.send(bytes(i));
    await new Promise((resolve) => setTimeout(resolve, 50));
    const reader = await client(`${wsUrl}/s/${id}`);
    const received: number[] = [];
    for (let i = 0; i < 16; i++) received.push((await reader.next())[0] as number);
    expect(received).toEqual([...Array(16).keys()]);
  });

  it('closes a sender that exceeds the buffer bound (1008): 17 frames, or more than the byte bound', async () => {
    const { wsUrl } = await relay({ maxBufferedBytes: 1000 });
    const tooMany = await client(`${wsUrl}/s/${sessionId()}`);
    for (let i = 0; i < 17; i++) tooMany.socket.send(bytes(i));
    expect((await tooMany.closed).code).toBe(RELAY_CLOSE.policy);
    const tooLarge = await client(`${wsUrl}/s/${sessionId()}`);
    tooLarge.socket.send(new Uint8Array(600));
    tooLarge.socket.send(new Uint8Array(600));
    expect((await tooLarge.closed).code).toBe(RELAY_CLOSE.policy);
  });

  it('refuses a third party with 4409 and leaves the pair working', async () => {
    const { wsUrl } = await relay();
    const id = sessionId();
    const holder = await client(`${wsUrl}/s/${id}`);
    const reader = await client(`${wsUrl}/s/${id}`);
    const intruder = await client(`${wsUrl}/s/${id}`);
    expect((await intruder.closed).code).toBe(RELAY_CLOSE.occupied);
    holder.socket.send(bytes(42));
    expect([...(await reader.next())]).toEqual([42]);
  });

  it('refuses text frames with 4400 and closes the peer with 1000', async () => {
    const { wsUrl } = await relay();
    const id = sessionId();
    const holder = await client(`${wsUrl}/s/${id}`);
    const reader = await client(`${wsUrl}/s/${id}`);
    reader.socket.send('{"hello":"text"}');
    expect((await reader.closed).code).toBe(RELAY_CLOSE.textFrame);
    expect((await holder.closed).code).toBe(RELAY_CLOSE.normal);
    expect(holder.frames).toEqual([]);
  });

  it('refuses a frame over 4 MiB (1009) and closes the peer', async () => {
    const { wsUrl } = await relay();
    const id = sessionId();
    const holder = await client(`${wsUrl}/s/${id}`);
    const reader = await client(`${wsUrl}/s/${id}`);
    reader.socket.send(new Uint8Array(4 * 1024 * 1024 + 1));
    expect((await reader.closed).code).toBe(RELAY_CLOSE.tooBig);
    expect((await holder.closed).code).toBe(RELAY_CLOSE.normal);
    expect(holder.frames).toEqual([]);
  });

  it('forwards a frame of exactly 4 MiB', async () => {
    const { wsUrl } = await relay();
    const id = sessionId();
    const holder = await client(`${wsUrl}/s/${id}`);
    const reader = await client(`${wsUrl}/s/${id}`);
    reader.socket.send(new Uint8Array(4 * 1024 * 1024).fill(3));
    expect((await holder.next()).length).toBe(4 * 1024 * 1024);
  });

  it('when one side closes, the other is closed with 1000 and the session is gone', async () => {
    const started = await relay();
    const id = sessionId();
    const holder = await client(`${started.wsUrl}/s/${id}`);
    const reader = await client(`${started.wsUrl}/s/${id}`);
    expect(started.app.relay.sessionCount()).toBe(1);
    reader.socket.close(1000);
    expect((await holder.closed).code).toBe(RELAY_CLOSE.normal);
    await reader.closed;
    expect(started.app.relay.sessionCount()).toBe(0);
  });

  it('a lone party that disconnects ends the session too', async () => {
    const started = await relay();
    const holder = await client(`${started.wsUrl}/s/${sessionId()}`);
    holder.socket.terminate();
    await holder.closed;
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(started.app.relay.sessionCount()).toBe(0);
  });
});

describe('relay: timeouts and limits', () => {
  it('closes an idle session with 4408 (both parties)', async () => {
    const { wsUrl } = await relay({ sessionIdleMs: 200 });
    const id = sessionId();
    const holder = await client(`${wsUrl}/s/${id}`);
    const reader = await client(`${wsUrl}/s/${id}`);
    const started = Date.now();
    expect((await holder.closed).code).toBe(RELAY_CLOSE.timeout);
    expect((await reader.closed).code).toBe(RELAY_CLOSE.timeout);
    expect(Date.now() - started).toBeGreaterThanOrEqual(150);
  });

  it('frames keep a session alive until its lifetime ends (4408)', async () => {
    const { wsUrl } = await relay({ sessionIdleMs: 150, sessionTtlMs: 500 });
    const id = sessionId();
    const holder = await client(`${wsUrl}/s/${id}`);
    const reader = await client(`${wsUrl}/s/${id}`);
    const started = Date.now();
    const ping = setInterval(() => holder.socket.readyState === WebSocket.OPEN && holder.socket.send(bytes(1)), 50);
    const closed = await reader.closed;
    clearInterval(ping);
    expect(closed.code).toBe(RELAY_CLOSE.timeout);
    expect(Date.now() - started).toBeGreaterThanOrEqual(400);
    expect(reader.frames.length).toBeGreaterThan(3);
  });

  it('refuses new sessions beyond maxSessions with 1013', async () => {
    const { wsUrl } = await relay({ maxSessions: 2 });
    await client(`${wsUrl}/s/${sessionId()}`);
    await client(`${wsUrl}/s/${sessionId()}`);
    const third = await client(`${wsUrl}/s/${sessionId()}`);
    expect((await third.closed).code).toBe(RELAY_CLOSE.overloaded);
  });

  it.each([
    ['too short', 'abc'],
    ['23 characters', 'A'.repeat(23)],
    ['non-base64url', `${'A'.repeat(21)}+`],
    ['last character with non-zero padding bits', `${'A'.repeat(21)}B`],
  ])('refuses a malformed session id (%s) with HTTP 400 before the upgrade', async (_what, id) => {
    const { wsUrl } = await relay();
    await expect(client(`${wsUrl}/s/${encodeURIComponent(id)}`)).rejects.toThrow('HTTP 400');
  });

  it('answers /healthz and refuses a plain GET of a session path', async () => {
    const { url } = await relay();
    expect(await (await fetch(`${url}/healthz`)).json()).toMatchObject({ status: 'ok', service: 'relay' });
    expect((await fetch(`${url}/s/${sessionId()}`)).status).toBe(404);
  });
});

describe('relay: many sessions', () => {
  it('keeps 40 concurrent sessions isolated', async () => {
    const started = await relay();
    const pairs = await Promise.all(
      Array.from({ length: 40 }, async (_, n) => {
        const id = sessionId();
        const holder = await client(`${started.wsUrl}/s/${id}`);
        const reader = await client(`${started.wsUrl}/s/${id}`);
        return { n, holder, reader };
      }),
    );
    expect(started.app.relay.sessionCount()).toBe(40);
    for (const { n, holder, reader } of pairs) {
      reader.socket.send(bytes(n, 1));
      holder.socket.send(bytes(n, 2));
    }
    for (const { n, holder, reader } of pairs) {
      expect([...(await holder.next())]).toEqual([n, 1]);
      expect([...(await reader.next())]).toEqual([n, 2]);
    }
    await new Promise((resolve) => setTimeout(resolve, 30));
    for (const { holder, reader } of pairs) {
      expect(holder.frames).toEqual([]);
      expect(reader.frames).toEqual([]);
    }
  });

  it('logs neither frame contents nor full session ids', async () => {
    const { wsUrl } = await relay();
    const id = sessionId();
    const holder = await client(`${wsUrl}/s/${id}`);
    const reader = await client(`${wsUrl}/s/${id}`);
    reader.socket.send(Buffer.from('SECRET-PAYLOAD-MARKER'));
    await holder.next();
    reader.socket.send('text is refused');
    await holder.closed;
    await new Promise((resolve) => setTimeout(resolve, 20));
    const log = logLines.join('');
    expect(log).toContain('relay paired');
    expect(log).toContain(id.slice(0, 4));
    expect(log).not.toContain(id);
    expect(log).not.toContain('SECRET-PAYLOAD-MARKER');
    expect(log).not.toContain('text is refused');
    expect(counter).toBeGreaterThan(0);
  });
});
