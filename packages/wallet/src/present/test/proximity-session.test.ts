import {
  decodeDeviceResponse,
  decodeSessionData,
  encodeSessionData,
  type Platform,
  parseDeviceEngagement,
  SESSION_STATUS,
  verifyDeviceResponse,
} from '@zhengzhao/core';
import { createNodePlatform } from '@zhengzhao/crypto-node';
import { createWebPlatform } from '@zhengzhao/crypto-web';
import { type RunningRelay, startRelay } from '@zhengzhao/relay';
import { createLogger } from '@zhengzhao/server-kit';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import type { ProximitySession } from '../proximity/proximity-types.js';
import { startProximitySession } from '../proximity/start-proximity-session.js';
import { createTestHolder, EID, expectCode, NOW, type TestHolder } from './holder-fixtures.js';
import { createTestRelyingParty, type TestRelyingParty } from './relying-party.js';
import { connectTestReader, createSignedDeviceRequest, type TestReader } from './test-reader.js';

const PLATFORMS: readonly (readonly [string, Platform])[] = [
  ['node', createNodePlatform()],
  ['web', createWebPlatform()],
];
const REQUESTED = { [EID]: { family_name: true, given_name: false, birth_date: false, age_over_18: false } };

let relay: RunningRelay;
const open: { close(): void }[] = [];

beforeAll(async () => {
  relay = await startRelay({ port: 0, logger: createLogger({ name: 'relay', level: 'silent' }) });
});
afterEach(() => {
  for (const item of open.splice(0)) item.close();
});
afterAll(async () => {
  await relay.close();
});

async function start(platform: Platform, relyingParty: TestRelyingParty): Promise<ProximitySession> {
  const session = await startProximitySession({
    platform,
    relayBaseUrl: relay.wsUrl,
    webSocket: WebSocket,
    trust: relyingParty.trust,
    clock: () => NOW,
  });
  open.push(session);
  return session;
}

async function join(platform: Platform, session: ProximitySession): Promise<TestReader> {
  const reader = await connectTestReader(platform, session.engagementQr);
  open.push(reader);
  return reader;
}

describe.each(PLATFORMS)('proximity presentation over the relay on %s', (_, platform) => {
  let holder: TestHolder;
  let hotel: TestRelyingParty;
  beforeAll(async () => {
    holder = await createTestHolder(platform);
    hotel = await createTestRelyingParty({ platform, now: NOW });
  });

  it('engagement QR → signed request → holder approves a subset → reader verifies only that', async () => {
    const session = await start(platform, hotel);
    expect(session.engagementQr.startsWith('mdoc:')).toBe(true);
    expect(parseDeviceEngagement(session.engagementQr).relayUrl).toBe(session.relayUrl);
    expect(session.relayUrl).toMatch(new RegExp(`^${relay.wsUrl}/s/[A-Za-z0-9_-]{21}[AQgw]$`));

    const reader = await join(platform, session);
    const deviceRequest = await createSignedDeviceRequest(reader, REQUESTED, hotel);
    reader.send(await reader.session.createSessionEstablishment(deviceRequest));

    const request = await session.waitForRequest();
    expect(request.reader).toMatchObject({
      trusted: true,
      organisation: 'Zhengzhao Test Hotel',
      commonName: 'Front desk reader',
      purpose: 'Zhengzhao Test Hotel',
    });
    expect(request.reader.certificate).toEqual(hotel.chain[0]);
    expect(request.reader.errorCode).toBeUndefined();
    expect(request.documents.map((document) => document.docType)).toEqual([EID]);
    const elements = [...(request.documents[0]?.elements[EID] ?? [])];
    expect(elements.sort((a, b) => a.identifier.localeCompare(b.identifier))).toEqual([
      { identifier: 'age_over_18', intentToRetain: false },
      { identifier: 'birth_date', intentToRetain: false },
      { identifier: 'family_name', intentToRetain: true },
      { identifier: 'given_name', intentToRetain: false },
    ]);

    await session.respond({
      documents: [
        { issuerSigned: holder.mdoc, deviceSigner: holder.deviceSigner, elements: { [EID]: ['age_over_18'] } },
      ],
    });
    const reply = decodeSessionData(await reader.next());
    expect(reply.status).toBeUndefined();
    const responseBytes = await reader.session.cipher.decrypt(reply.data as Uint8Array);
    const verification = await verifyDeviceResponse(platform, responseBytes, {
      trust: holder.authority.trustSource,
      now: NOW,
      sessionTranscript: reader.session.sessionTranscript,
    });
    expect(verification.valid).toBe(true);
    expect(verification.reports[0]?.claims).toEqual({ [EID]: { age_over_18: true } });
    expect(decodeSessionData(await reader.next())).toEqual({ status: SESSION_STATUS.terminated });
    expect(await session.ended).toEqual({ reason: 'responded' });
    expect(await reader.closed).toBe(1000);
  });
});

describe('proximity session: the holder decides', () => {
  const platform = createNodePlatform();
  let holder: TestHolder;
  let hotel: TestRelyingParty;
  beforeAll(async () => {
    holder = await createTestHolder(platform);
    hotel = await createTestRelyingParty({ platform, now: NOW });
  });

  async function requested(relyingParty: TestRelyingParty | undefined, trust = hotel) {
    const session = await start(platform, trust);
    const reader = await join(platform, session);
    const deviceRequest = await createSignedDeviceRequest(reader, REQUESTED, relyingParty);
    reader.send(await reader.session.createSessionEstablishment(deviceRequest));
    return { session, reader, request: await session.waitForRequest() };
  }

  it('decline sends status 20 and nothing else', async () => {
    const { session, reader } = await requested(hotel);
    await session.decline();
    expect(decodeSessionData(await reader.next())).toEqual({ status: 20 });
    expect(await reader.closed).toBe(1000);
    expect(reader.pending).toBe(0);
    expect(await session.ended).toEqual({ reason: 'declined' });
    await expectCode(
      session.respond({ documents: [{ issuerSigned: holder.mdoc, deviceSigner: holder.deviceSigner, elements: {} }] }),
      'ERR_SESSION_STATE',
    );
  });

  it('a reader from an unknown root is flagged untrusted, without names, and can be declined', async () => {
    const stranger = await createTestRelyingParty({ platform, now: NOW, organisation: 'Unknown Shop' });
    const { session, reader, request } = await requested(stranger);
    expect(request.reader).toEqual({
      trusted: false,
      certificate: stranger.chain[0],
      errorCode: 'ERR_TRUST_UNTRUSTED_ROOT',
    });
    expect(request.documents[0]?.docType).toBe(EID);
    await session.decline();
    expect(decodeSessionData(await reader.next())).toEqual({ status: 20 });
  });

  it('flags a request without readerAuth, a certificate without id-mdlReaderAuth, and an expired one', async () => {
    expect((await requested(undefined)).request.reader).toEqual({
      trusted: false,
      errorCode: 'ERR_SESSION_READER_AUTH_MISSING',
    });
    const noEku = await createTestRelyingParty({ platform, now: NOW, withoutReaderEku: true });
    expect((await requested(noEku, noEku)).request.reader.errorCode).toBe('ERR_TRUST_KEY_USAGE');
    const expired = await createTestRelyingParty({ platform, now: NOW, leafDays: [-30, -1] });
    expect((await requested(expired, expired)).request.reader.errorCode).toBe('ERR_TRUST_CERT_EXPIRED');
  });

  it('flags a readerAuth signed over another session transcript', async () => {
    const session = await start(platform, hotel);
    const reader = await join(platform, session);
    const other = await connectTestReader(platform, (await start(platform, hotel)).engagementQr);
    open.push(other);
    const foreign = await createSignedDeviceRequest(other, REQUESTED, hotel);
    reader.send(await reader.session.createSessionEstablishment(foreign));
    const request = await session.waitForRequest();
    expect(request.reader).toMatchObject({ trusted: false, errorCode: 'ERR_SESSION_READER_AUTH_INVALID' });
  });

  it('refuses an approval beyond the request, sends nothing, and stays open for a valid one', async () => {
    const { session, reader } = await requested(hotel);
    const approve = (elements: Record<string, string[]>, deviceSigner = holder.deviceSigner) =>
      session.respond({ documents: [{ issuerSigned: holder.mdoc, deviceSigner, elements }] });
    await expectCode(approve({ [EID]: ['age_over_18', 'id_number'] }), 'ERR_INPUT_INVALID');
    await expectCode(approve({ 'org.iso.18013.5.1': ['family_name'] }), 'ERR_INPUT_INVALID');
    await expectCode(approve({ [EID]: [] }), 'ERR_INPUT_INVALID');
    await expectCode(
      approve({ [EID]: ['age_over_18'] }, await platform.suite('ES256').generateSigner()),
      'ERR_INPUT_INVALID',
    );
    await expectCode(session.respond({ documents: [] }), 'ERR_INPUT_INVALID');
    await expectCode(session.respond({} as never), 'ERR_INPUT_INVALID');
    await expectCode(
      session.respond({
        documents: [{ issuerSigned: new Uint8Array([1, 2, 3]), deviceSigner: holder.deviceSigner, elements: {} }],
      }),
      'ERR_CBOR_MALFORMED',
    );
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(reader.pending).toBe(0);
    await approve({ [EID]: ['family_name', 'given_name'] });
    const reply = decodeSessionData(await reader.next());
    const response = decodeDeviceResponse(await reader.session.cipher.decrypt(reply.data as Uint8Array));
    const disclosed = response.documents[0]?.issuerSigned.nameSpaces[EID]?.map((item) => item.elementIdentifier);
    expect(disclosed?.sort()).toEqual(['family_name', 'given_name']);
  });

  it('a request for another docType is answered with documentErrors only for what is left out', async () => {
    const session = await start(platform, hotel);
    const reader = await join(platform, session);
    const deviceRequest = await createSignedDeviceRequest(
      reader,
      { 'cn.gov.mdl.1': { name: false } },
      hotel,
      'cn.gov.mdl.1',
    );
    reader.send(await reader.session.createSessionEstablishment(deviceRequest));
    await session.waitForRequest();
    await expectCode(
      session.respond({
        documents: [
          { issuerSigned: holder.mdoc, deviceSigner: holder.deviceSigner, elements: { [EID]: ['age_over_18'] } },
        ],
      }),
      'ERR_INPUT_INVALID',
    );
    await session.decline();
    expect(decodeSessionData(await reader.next())).toEqual({ status: 20 });
  });

  it('respond before any request is refused; the reader ending first ends the session', async () => {
    const session = await start(platform, hotel);
    await expectCode(
      session.respond({ documents: [{ issuerSigned: holder.mdoc, deviceSigner: holder.deviceSigner, elements: {} }] }),
      'ERR_SESSION_STATE',
    );
    const reader = await join(platform, session);
    const deviceRequest = await createSignedDeviceRequest(reader, REQUESTED, hotel);
    reader.send(await reader.session.createSessionEstablishment(deviceRequest));
    await session.waitForRequest();
    reader.send(encodeSessionData({ status: SESSION_STATUS.terminated }));
    expect(await session.ended).toEqual({ reason: 'reader-ended', code: 'ERR_SESSION_TERMINATED' });
    await expectCode(
      session.respond({
        documents: [
          { issuerSigned: holder.mdoc, deviceSigner: holder.deviceSigner, elements: { [EID]: ['age_over_18'] } },
        ],
      }),
      'ERR_SESSION_TERMINATED',
    );
    expect(reader.pending).toBe(0);
  });

  it('two sessions never share a session id or an engagement key', async () => {
    const first = await start(platform, hotel);
    const second = await start(platform, hotel);
    expect(first.relayUrl).not.toBe(second.relayUrl);
    expect(parseDeviceEngagement(first.engagementQr).eDeviceKeyBytes).not.toEqual(
      parseDeviceEngagement(second.engagementQr).eDeviceKeyBytes,
    );
  });
});
