import {
  deviceEngagementQr,
  encodeDeviceEngagement,
  RESIDENT_ID_TYPE_ID,
  websocketRelayRetrievalMethod,
} from '@zhengzhao/core';
import { createNodePlatform } from '@zhengzhao/crypto-node';
import { type RunningRelay, startRelay } from '@zhengzhao/relay';
import { createLogger } from '@zhengzhao/server-kit';
import { createTestAuthority, freePort, type TestAuthority } from '@zhengzhao/test-kit';
import { createVerifier, type Verifier, type WebSocketConstructor } from '@zhengzhao/verifier';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import {
  approveAll,
  createProximityHolder,
  createReaderFixture,
  type ProximityHolder,
  READER_ORGANISATION,
  type ReaderFixture,
  startTestHolder,
  type TestHolderSession,
} from '../../../../test/browser/verifier-web-proximity-fixtures.js';
import { importReaderKey, type ReaderIdentity } from './import-reader-key.js';
import { parseReaderConfig } from './parse-reader-config.js';
import { type ProximityPhase, proximityDocRequest, runProximityRequest } from './run-proximity-request.js';

const platform = createNodePlatform();
const NOW = new Date();
const SPEC = { typeId: RESIDENT_ID_TYPE_ID, elements: ['full_name', 'id_number', 'portrait'] };

let relay: RunningRelay;
let authority: TestAuthority;
let holder: ProximityHolder;
let reader: ReaderFixture;
let identity: ReaderIdentity;
let verifier: Verifier;
const sessions: TestHolderSession[] = [];

beforeAll(async () => {
  relay = await startRelay({ port: 0, logger: createLogger({ name: 'relay', level: 'silent' }) });
  authority = await createTestAuthority({ platform, suite: 'ES256', now: NOW });
  holder = await createProximityHolder(platform, authority, { now: NOW });
  reader = await createReaderFixture(platform, NOW);
  identity = await importReaderKey(parseReaderConfig(reader.readerJson(), NOW));
  verifier = createVerifier({ platform, trust: authority.trustSource });
});

afterAll(async () => {
  for (const test of sessions) test.session.close();
  await relay?.close();
});

async function holderSession(): Promise<TestHolderSession> {
  const test = await startTestHolder(platform, relay.wsUrl, reader.holderTrust);
  sessions.push(test);
  return test;
}

function run(engagement: string, options: { identity?: ReaderIdentity; verifier?: Verifier; timeoutMs?: number } = {}) {
  const phases: ProximityPhase[] = [];
  const session = runProximityRequest(engagement, SPEC, {
    platform,
    verifier: options.verifier ?? verifier,
    webSocket: WebSocket as unknown as WebSocketConstructor,
    ...(options.identity && { readerKey: options.identity.readerKey }),
    ...(options.timeoutMs !== undefined && { timeoutMs: options.timeoutMs }),
    onPhase: (phase) => phases.push(phase),
  });
  return { session, phases };
}

describe('runProximityRequest (the counter’s side of a session, over a real relay, against the wallet engine)', () => {
  it('asks for the elements with intent_to_retain false', () => {
    expect(proximityDocRequest(SPEC)).toEqual({
      docType: RESIDENT_ID_TYPE_ID,
      nameSpaces: { [RESIDENT_ID_TYPE_ID]: { full_name: false, id_number: false, portrait: false } },
    });
  });

  it('signed request → the wallet trusts the reader → approval → a valid report with the portrait; phases in order', async () => {
    const test = await holderSession();
    const { session, phases } = run(test.engagementQr, { identity });
    const request = await test.request;
    expect(request.reader).toMatchObject({ trusted: true, organisation: reader.certificateOrganisation });
    const asked = [...(request.documents[0]?.elements[RESIDENT_ID_TYPE_ID] ?? [])];
    expect(asked.sort((a, b) => a.identifier.localeCompare(b.identifier))).toEqual([
      { identifier: 'full_name', intentToRetain: false },
      { identifier: 'id_number', intentToRetain: false },
      { identifier: 'portrait', intentToRetain: false },
    ]);
    expect(phases).toEqual(['connecting', 'waiting']);
    await approveAll(holder, test);
    const result = await session.result;
    expect(phases).toEqual(['connecting', 'waiting', 'verifying']);
    if (result.kind !== 'report') throw new Error(`expected a report, got ${result.code}`);
    expect(result.report.valid).toBe(true);
    expect(result.report.format).toBe('mdoc-device-response');
    const claims = result.report.claims?.[RESIDENT_ID_TYPE_ID] ?? {};
    expect(Object.keys(claims).sort()).toEqual(['full_name', 'id_number', 'portrait']);
    expect(claims.portrait).toEqual(holder.portrait);
    expect(result.report.checks.find((check) => check.id === 'device_binding')?.outcome).toBe('ok');
    expect(await test.ended).toEqual({ reason: 'responded' });
    expect(identity.organisation).toEqual(READER_ORGANISATION);
  });

  it('the holder declines → ERR_PROXIMITY_HOLDER_ENDED', async () => {
    const test = await holderSession();
    const { session } = run(test.engagementQr, { identity });
    await test.request;
    await test.session.decline();
    expect(await session.result).toEqual({ kind: 'failed', code: 'ERR_PROXIMITY_HOLDER_ENDED' });
  });

  it('without a reader key the wallet sees an unauthenticated reader (it may still agree)', async () => {
    const test = await holderSession();
    const { session } = run(test.engagementQr);
    expect((await test.request).reader).toEqual({ trusted: false, errorCode: 'ERR_SESSION_READER_AUTH_MISSING' });
    await approveAll(holder, test);
    const result = await session.result;
    expect(result.kind === 'report' && result.report.valid).toBe(true);
  });

  it('a credential from an issuer outside the trust list is a report that is not valid (trust_chain)', async () => {
    const stranger = await createTestAuthority({ platform, suite: 'ES256', now: NOW });
    const strangersCredential = await createProximityHolder(platform, stranger, { now: NOW });
    const test = await holderSession();
    const { session } = run(test.engagementQr, { identity });
    await approveAll(strangersCredential, test);
    const result = await session.result;
    if (result.kind !== 'report') throw new Error(`expected a report, got ${result.code}`);
    expect(result.report.valid).toBe(false);
    expect(result.report.claims).toBeUndefined();
    const failed = result.report.checks.find((check) => check.outcome === 'failed');
    expect(failed?.id).toBe('trust_chain');
    expect(failed?.code).toMatch(/^ERR_TRUST_/);
  });

  it('no answer within the time limit → ERR_PROXIMITY_TIMEOUT; the holder’s session ends too', async () => {
    const test = await holderSession();
    const { session } = run(test.engagementQr, { identity, timeoutMs: 500 });
    await test.request;
    expect(await session.result).toEqual({ kind: 'failed', code: 'ERR_PROXIMITY_TIMEOUT' });
    expect((await test.ended).reason).not.toBe('responded');
  });

  it('cancel closes the relay connection: the result fails and the holder’s session ends', async () => {
    const test = await holderSession();
    const { session } = run(test.engagementQr, { identity });
    await test.request;
    session.cancel();
    expect(await session.result).toEqual({ kind: 'failed', code: 'ERR_PROXIMITY_RELAY_CLOSED' });
    expect((await test.ended).reason).toBe('failed');
  });

  it('a relay that is not there → ERR_PROXIMITY_RELAY_CLOSED; an engagement used twice → refused', async () => {
    const { publicKey } = await (platform.session as NonNullable<typeof platform.session>).generateEcdhKeyPair();
    const dead = `ws://127.0.0.1:${await freePort()}/s/AAAAAAAAAAAAAAAAAAAAAA`;
    const engagement = deviceEngagementQr(
      encodeDeviceEngagement({
        eDeviceKey: { suite: 'ES256', point: publicKey },
        retrievalMethods: [websocketRelayRetrievalMethod(dead)],
      }),
    );
    const { session, phases } = run(engagement, { identity });
    expect(await session.result).toEqual({ kind: 'failed', code: 'ERR_PROXIMITY_RELAY_CLOSED' });
    expect(phases).toEqual(['connecting']);
  });

  it('engagement codes that are damaged or offer no relay have their own codes', async () => {
    const { publicKey } = await (platform.session as NonNullable<typeof platform.session>).generateEcdhKeyPair();
    const noRelay = deviceEngagementQr(
      encodeDeviceEngagement({ eDeviceKey: { suite: 'ES256', point: publicKey }, retrievalMethods: [] }),
    );
    expect(await run(noRelay).session.result).toEqual({ kind: 'failed', code: 'ERR_PROXIMITY_NO_RELAY' });
    for (const text of ['mdoc:', 'mdoc:!!!', 'mdoc:owBjMS4wAYIB2BhYS6QBAiABIVggAAAA', `mdoc:${'A'.repeat(20_000)}`]) {
      expect(await run(text).session.result, text.slice(0, 30)).toEqual({
        kind: 'failed',
        code: 'ERR_SESSION_ENGAGEMENT_MALFORMED',
      });
    }
  });
});
