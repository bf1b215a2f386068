import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isZzError } from '@zhengzhao/core';
import { freePort } from '@zhengzhao/test-kit';
import { afterAll, describe, expect, it } from 'vitest';
import { connectNats } from '../../src/index.js';

function hasNatsServer(): boolean {
  try {
    execFileSync('nats-server', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

describe('connectNats', () => {
  it('reports an unreachable server as ERR_NATS_UNAVAILABLE', async () => {
    await expect(connectNats('nats://127.0.0.1:1', { timeoutMs: 500 })).rejects.toSatisfy((e) =>
      isZzError(e, 'ERR_NATS_UNAVAILABLE'),
    );
  });

  describe.skipIf(!hasNatsServer())('with a local nats-server (JetStream on)', () => {
    let server: ChildProcess | undefined;
    afterAll(() => {
      server?.kill('SIGTERM');
    });

    it('connects, publishes to JetStream and reads the message back', async () => {
      const port = await freePort();
      server = spawn(
        'nats-server',
        ['-a', '127.0.0.1', '-p', String(port), '-js', '-sd', mkdtempSync(join(tmpdir(), 'zz-nats-'))],
        {
          stdio: 'ignore',
        },
      );
      let nc: Awaited<ReturnType<typeof connectNats>> | undefined;
      for (let i = 0; i < 50 && !nc; i++) {
        nc = await connectNats(`nats://127.0.0.1:${port}`, { name: 'test', timeoutMs: 200 }).catch(() => undefined);
        if (!nc) await new Promise((resolve) => setTimeout(resolve, 100));
      }
      if (!nc) throw new Error('nats-server did not start');
      const jsm = await nc.jetstreamManager();
      await jsm.streams.add({ name: 'CARD_EVENTS', subjects: ['card.>'] });
      const js = nc.jetstream();
      const ack = await js.publish('card.issued', new TextEncoder().encode('{"card":"c1"}'));
      expect(ack.seq).toBe(1);
      const message = await jsm.streams.getMessage('CARD_EVENTS', { seq: 1 });
      expect(message.subject).toBe('card.issued');
      expect(new TextDecoder().decode(message.data)).toBe('{"card":"c1"}');
      await nc.drain();
    });
  });
});
