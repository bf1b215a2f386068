import {
  createReaderSession,
  decodeSessionData,
  decodeSessionEstablishment,
  encodeCbor,
  encodeSessionData,
  encodeSessionEstablishment,
  type Platform,
  SESSION_STATUS,
} from '@zhengzhao/core';
import { createNodePlatform } from '@zhengzhao/crypto-node';
import { type RunningRelay, startRelay } from '@zhengzhao/relay';
import { createLogger } from '@zhengzhao/server-kit';
import { freePort } from '@zhengzhao/test-kit';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import type { ProximitySession } from '../proximity/proximity-types.js';
import { startProximitySession } from '../proximity/start-proximity-session.js';
import { createTestHolder, EID, expectCode, NOW, type TestHolder } from './holder-fixtures.js';
import { createTestRelyingParty, type TestRelyingParty } from './relying-party.js';
import { connectTestReader, createSignedDeviceRequest, type TestReader } from './test-reader.js';

const platform = createNodePlatform();
const REQUESTED = { [EID]: { age_over_18: false, family_name: false } };

let relay: RunningRelay;
let holder: TestHolder;
let hotel: TestRelyingParty;
const open: { close(): void }[] = [];

beforeAll(async () => {
  relay = await startRelay({ port: 0, logger: createLogger({ name: 'relay', level: 'silent' }) });
  holder = await createTestHolder(platform);
  hotel = await createTestRelyingParty({ platform, now: NOW });
});
afterEach(() => {
  for (const item of open.splice(0)) item.close();
});
afterAll(async () => {
  await relay.close();
});

async function start(timeoutMs?: number): Promise<ProximitySession> {
  const session = await startProximitySession({
    platform,
    relayBaseUrl: relay.wsUrl,
    webSocket: WebSocket,
    trust: hotel.trust,
    clock: () => NOW,
    ...(timeoutMs !== undefined && { timeoutMs }),
  });
  open.push(session);
  return session;
}

async function join(session: ProximitySession, on: Platform = platform): Promise<TestReader> {
  const reader = await connectTestReader(on, session.engagementQr);
  open.push(reader);
  return reader;
}

/** A session whose reader has sent a valid signed request and the holder has read it. */
async function requested() {
  const session = await start();
  const reader = await join(session);
  const establishment = await reader.session.createSessionEstablishment(
    await createSignedDeviceRequest(reader, REQUESTED, hotel),
  );
  reader.send(establishment);
  await session.waitForRequest();
  return { session, reader, establishment };
}

/** The session failed with `code` after answering SessionData `status`, and disclosed nothing. */
async function expectFailure(session: ProximitySession, reader: TestReader, status: number, code: string) {
  expect(decodeSessionData(await reader.next())).toEqual({ status });
  expect(await session.ended).toEqual({ reason: 'failed', code });
  expect(await reader.closed).toBe(1000);
  expect(reader.pending).toBe(0);
  await expectCode(
    session.respond({
      documents: [
        { issuerSigned: holder.mdoc, deviceSigner: holder.deviceSigner, elements: { [EID]: ['age_over_18'] } },
      ],
    }),
    code as never,
  );
}

describe('proximity session: tampered, replayed and garbled reader messages', () => {
  it('a tampered SessionEstablishment → status 10, ERR_SESSION_DECRYPTION', async () => {
    const session = await start();
    const reader = await join(session);
    const establishment = decodeSessionEstablishment(
      await reader.session.createSessionEstablishment(await createSignedDeviceRequest(reader, REQUESTED, hotel)),
    );
    const data = new Uint8Array(establishment.data);
    data[5] = (data[5] as number) ^ 0x01;
    reader.send(encodeSessionEstablishment({ eReaderKeyBytes: establishment.eReaderKeyBytes, data }));
    await expectCode(session.waitForRequest(), 'ERR_SESSION_DECRYPTION');
    await expectFailure(session, reader, SESSION_STATUS.decryptionError, 'ERR_SESSION_DECRYPTION');
  });

  it('a SessionEstablishment with another EReaderKey (a stolen first message) → status 10', async () => {
    const session = await start();
    const reader = await join(session);
    const establishment = decodeSessionEstablishment(
      await reader.session.createSessionEstablishment(await createSignedDeviceRequest(reader, REQUESTED, hotel)),
    );
    const impostor = await createReaderSession(platform, session.engagementQr);
    reader.send(encodeSessionEstablishment({ eReaderKeyBytes: impostor.eReaderKeyBytes, data: establishment.data }));
    await expectCode(session.waitForRequest(), 'ERR_SESSION_DECRYPTION');
    await expectFailure(session, reader, SESSION_STATUS.decryptionError, 'ERR_SESSION_DECRYPTION');
  });

  it('garbled first frames → status 11: not CBOR, the wrong CBOR shape, an oversized junk frame', async () => {
    for (const frame of [
      new Uint8Array([0xff, 0x00, 0x13]),
      encodeCbor(new Map([['eReaderKey', 'not a key']])),
      encodeCbor([1, 2, 3]),
      platform.randomBytes(1024 * 1024),
    ]) {
      const session = await start();
      const reader = await join(session);
      reader.send(frame);
      await expectCode(session.waitForRequest(), 'ERR_SESSION_MALFORMED');
      await expectFailure(session, reader, SESSION_STATUS.decodingError, 'ERR_SESSION_MALFORMED');
    }
  });

  it('a DeviceRequest that decrypts but does not parse → status 11, ERR_SESSION_REQUEST_MALFORMED', async () => {
    for (const plaintext of [
      new Uint8Array([0x01]),
      encodeCbor(new Map([['version', '1.0']])),
      encodeCbor(
        new Map<string, unknown>([
          ['version', '1.0'],
          ['docRequests', []],
        ]) as never,
      ),
    ]) {
      const session = await start();
      const reader = await join(session);
      reader.send(await reader.session.createSessionEstablishment(plaintext));
      await expectCode(session.waitForRequest(), 'ERR_SESSION_REQUEST_MALFORMED');
      await expectFailure(session, reader, SESSION_STATUS.decodingError, 'ERR_SESSION_REQUEST_MALFORMED');
    }
  });

  it('a replayed reader message → status 10, ERR_SESSION_REPLAY, nothing disclosed', async () => {
    const { session, reader, establishment } = await requested();
    const replay = decodeSessionEstablishment(establishment).data; // counter 1 again
    reader.send(encodeSessionData({ data: replay }));
    await expectFailure(session, reader, SESSION_STATUS.decryptionError, 'ERR_SESSION_REPLAY');
  });

  it('a tampered later message → status 10, ERR_SESSION_DECRYPTION', async () => {
    const { session, reader } = await requested();
    const data = await reader.session.cipher.encrypt(new Uint8Array([0xa0]));
    data[0] = (data[0] as number) ^ 0x80;
    reader.send(encodeSessionData({ data }));
    await expectFailure(session, reader, SESSION_STATUS.decryptionError, 'ERR_SESSION_DECRYPTION');
  });

  it('a garbled later message → status 11; a second valid request → status 20, ERR_SESSION_STATE', async () => {
    const first = await requested();
    first.reader.send(new Uint8Array([0xbf, 0xff, 0xff]));
    await expectFailure(first.session, first.reader, SESSION_STATUS.decodingError, 'ERR_SESSION_MALFORMED');

    const second = await requested();
    second.reader.send(encodeSessionData({ data: await second.reader.session.cipher.encrypt(new Uint8Array([0xa0])) }));
    await expectFailure(second.session, second.reader, SESSION_STATUS.terminated, 'ERR_SESSION_STATE');
  });

  it('a text frame makes the relay drop the reader; the holder ends with ERR_SESSION_TRANSPORT', async () => {
    const session = await start();
    const reader = await join(session);
    reader.sendText('{"status":20}');
    await expectCode(session.waitForRequest(), 'ERR_SESSION_TRANSPORT');
    expect(await session.ended).toEqual({ reason: 'failed', code: 'ERR_SESSION_TRANSPORT' });
  });
});

describe('proximity session: bad options, timeouts and transport', () => {
  const base = () => ({ platform, webSocket: WebSocket, trust: hotel.trust, clock: () => NOW });

  it('refuses bad relay URLs, timeouts, WebSocket constructors, trust and platforms', async () => {
    for (const relayBaseUrl of [
      'http://relay.example',
      'not a url',
      'wss://relay.example/?a=1',
      'wss://u:p@relay.example',
      42,
    ]) {
      await expectCode(startProximitySession({ ...base(), relayBaseUrl } as never), 'ERR_INPUT_INVALID');
    }
    const relayBaseUrl = relay.wsUrl;
    for (const timeoutMs of [0, -5, 1.5, Number.NaN]) {
      await expectCode(startProximitySession({ ...base(), relayBaseUrl, timeoutMs }), 'ERR_INPUT_INVALID');
    }
    await expectCode(startProximitySession({ ...base(), relayBaseUrl, webSocket: 42 as never }), 'ERR_INPUT_INVALID');
    await expectCode(startProximitySession({ ...base(), relayBaseUrl, trust: {} as never }), 'ERR_INPUT_INVALID');
    const { session: _, ...noSession } = platform;
    await expectCode(
      startProximitySession({ ...base(), relayBaseUrl, platform: noSession as Platform }),
      'ERR_CRYPTO_UNSUPPORTED_ALG',
    );
    await expectCode(startProximitySession(undefined as never), 'ERR_CRYPTO_UNSUPPORTED_ALG');
  });

  it('an unreachable relay → ERR_SESSION_TRANSPORT', async () => {
    const port = await freePort();
    await expectCode(
      startProximitySession({ ...base(), relayBaseUrl: `ws://127.0.0.1:${port}`, timeoutMs: 2000 }),
      'ERR_SESSION_TRANSPORT',
    );
  });

  it('no reader within timeoutMs → ERR_SESSION_TIMEOUT', async () => {
    const session = await start(300);
    await expectCode(session.waitForRequest(), 'ERR_SESSION_TIMEOUT');
    expect(await session.ended).toEqual({ reason: 'failed', code: 'ERR_SESSION_TIMEOUT' });
  });

  it('close() and decline() are idempotent and end a waiting session', async () => {
    const session = await start();
    session.close();
    session.close();
    await session.decline();
    expect(await session.ended).toEqual({ reason: 'closed' });
    await expectCode(session.waitForRequest(), 'ERR_SESSION_TERMINATED');
  });
});
