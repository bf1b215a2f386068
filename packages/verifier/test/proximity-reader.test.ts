import { deviceEngagementQr, encodeDeviceEngagement } from '@zhengzhao/core';
import { type RunningRelay, startRelay } from '@zhengzhao/relay';
import { createLogger } from '@zhengzhao/server-kit';
import { createTestAuthority, freePort } from '@zhengzhao/test-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { createProximityReader, createVerifier, type ProximityReaderOptions } from '../src/index.js';
import { createTestReader, createWorld, JWT_LIST_URI, platform, type World } from './fixtures.js';
import { DOC_TYPE, type HolderBehaviour, issueTestMdoc, NS, startHolder } from './proximity-holder.js';

let relay: RunningRelay;
let world: World;
let reader: Awaited<ReturnType<typeof createTestReader>>;

beforeAll(async () => {
  relay = await startRelay({ port: 0, logger: createLogger({ name: 'relay', level: 'silent' }) });
  world = await createWorld();
  reader = await createTestReader(world.clock.now());
  await world.publish(JWT_LIST_URI, { revoked: [13] });
});
afterAll(async () => {
  await relay?.close();
});

function readerWith(overrides: Partial<ProximityReaderOptions> = {}) {
  const verifier = createVerifier({ platform, trust: world.bundle, clock: world.clock.now, fetch: world.origin.fetch });
  return createProximityReader({
    platform,
    readerKey: reader.readerKey,
    verifier,
    webSocket: WebSocket,
    timeoutMs: 5_000,
    ...overrides,
  });
}

async function holder(
  behaviour: HolderBehaviour,
  options: { idx?: number; docType?: string; stranger?: boolean } = {},
) {
  const authority = options.stranger
    ? await createTestAuthority({ suite: 'ES256', now: world.clock.now(), name: 'Stranger' })
    : world.authority;
  const issuerSigned = await issueTestMdoc(
    authority,
    world.device,
    world.clock.now(),
    { uri: JWT_LIST_URI, idx: options.idx ?? 12 },
    options.docType,
  );
  return startHolder({
    relayWsUrl: relay.wsUrl,
    behaviour,
    issuerSigned,
    device: world.device,
    readerTrust: reader.trust,
    now: world.clock.now(),
    ...(options.docType && { docType: options.docType }),
  });
}

const request = [{ docType: DOC_TYPE, nameSpaces: { [NS]: { family_name: false, age_over_18: false } } }];

describe('createProximityReader over a real relay', () => {
  it('engagement → authenticated DeviceRequest → DeviceResponse verified with status, then status 20', async () => {
    const shown = await holder('present');
    const started = performance.now();
    const engagement = readerWith().readEngagement(shown.qr);
    expect(engagement.relayUrl.startsWith(`${relay.wsUrl}/s/`)).toBe(true);
    const result = await engagement.request(request);
    const elapsed = performance.now() - started;
    expect(result.status).toBe(0);
    expect(result.reports).toHaveLength(1);
    const [report] = result.reports;
    expect(report?.valid).toBe(true);
    expect(report?.claims?.[NS]).toEqual({ family_name: '陈', age_over_18: true });
    expect(report?.statusValue).toBe(0);
    expect(report?.checks.find((check) => check.id === 'device_binding')?.outcome).toBe('ok');
    expect(report?.trustedIssuer?.id).toBe('cn-44');
    const outcome = await shown.outcome;
    expect(outcome.request?.docRequests[0]?.readerAuth).toBe('verified');
    expect(outcome.request?.docRequests[0]?.reader?.subject.commonName).toBe('Hotel Reader');
    expect(outcome.endStatus).toBe(20);
    expect(outcome.closeCode).toBe(1000);
    expect(elapsed).toBeLessThan(3000);
  });

  it('sends several docRequests in one DeviceRequest, each with readerAuth', async () => {
    const shown = await holder('present');
    const result = await readerWith()
      .readEngagement(shown.qr)
      .request([
        ...request,
        { docType: 'cn.gov.mdl.1', nameSpaces: { 'cn.gov.mdl.1': { driving_privileges: false } } },
      ]);
    expect(result.reports[0]?.valid).toBe(true);
    const outcome = await shown.outcome;
    expect(outcome.request?.docRequests.map((doc) => [doc.docType, doc.readerAuth])).toEqual([
      [DOC_TYPE, 'verified'],
      ['cn.gov.mdl.1', 'verified'],
    ]);
  });

  it('a revoked credential comes back as an invalid report with ERR_STATUS_REVOKED', async () => {
    const shown = await holder('present', { idx: 13 });
    const result = await readerWith().readEngagement(shown.qr).request(request);
    expect(result.reports[0]?.valid).toBe(false);
    expect(result.reports[0]?.claims).toBeUndefined();
    expect(result.reports[0]?.checks.find((check) => check.id === 'status')?.code).toBe('ERR_STATUS_REVOKED');
  });

  it('an issuer outside the trust bundle: invalid with ERR_TRUST_UNTRUSTED_ROOT', async () => {
    const shown = await holder('present', { stranger: true });
    const result = await readerWith().readEngagement(shown.qr).request(request);
    expect(result.reports[0]?.checks[0]).toMatchObject({
      id: 'trust_chain',
      outcome: 'failed',
      code: 'ERR_TRUST_UNTRUSTED_ROOT',
    });
  });

  it('a document of a type that was not requested fails doc_type', async () => {
    const shown = await holder('present', { docType: 'cn.gov.sscard.1' });
    const result = await readerWith().readEngagement(shown.qr).request(request);
    expect(result.reports[0]?.valid).toBe(false);
    expect(result.reports[0]?.checks.find((check) => check.id === 'doc_type')?.code).toBe('ERR_DOCTYPE_UNEXPECTED');
  });

  it('a response signed over another transcript fails device_binding', async () => {
    const shown = await holder('other-transcript');
    const result = await readerWith().readEngagement(shown.qr).request(request);
    expect(result.reports[0]?.valid).toBe(false);
    expect(result.reports[0]?.checks.find((check) => check.id === 'device_binding')?.outcome).toBe('failed');
  });

  it.each([
    ['refuse', 'ERR_PROXIMITY_HOLDER_ENDED', undefined],
    ['status-10', 'ERR_PROXIMITY_HOLDER_ERROR', undefined],
    ['garbage', 'ERR_SESSION_MALFORMED', 11],
    ['undecryptable', 'ERR_SESSION_DECRYPTION', 10],
  ] as const)('holder answers %s → %s', async (behaviour, code, endStatus) => {
    const shown = await holder(behaviour);
    await expect(readerWith().readEngagement(shown.qr).request(request)).rejects.toMatchObject({ code });
    const outcome = await shown.outcome;
    expect(outcome.endStatus).toBe(endStatus);
    expect(outcome.closeCode).toBe(1000);
  });

  it('a silent holder → ERR_PROXIMITY_TIMEOUT', async () => {
    const shown = await holder('silent');
    const started = Date.now();
    await expect(readerWith({ timeoutMs: 300 }).readEngagement(shown.qr).request(request)).rejects.toMatchObject({
      code: 'ERR_PROXIMITY_TIMEOUT',
    });
    expect(Date.now() - started).toBeGreaterThanOrEqual(250);
    shown.socket.close();
  });

  it('an occupied relay session (4409) or an unreachable relay → ERR_PROXIMITY_RELAY_CLOSED', async () => {
    const shown = await holder('silent');
    const engagement = readerWith().readEngagement(shown.qr);
    const squatter = new WebSocket(engagement.relayUrl);
    await new Promise((resolve) => squatter.once('open', resolve));
    await expect(engagement.request(request)).rejects.toMatchObject({
      code: 'ERR_PROXIMITY_RELAY_CLOSED',
      message: expect.stringContaining('4409'),
    });
    squatter.close();
    const port = await freePort();
    const nowhere = deviceEngagementQr(
      encodeDeviceEngagement({
        eDeviceKey: { suite: 'ES256', point: (await platform.session?.generateEcdhKeyPair())?.publicKey as Uint8Array },
        retrievalMethods: [
          { type: -1024, version: 1, options: new Map([[0, `ws://127.0.0.1:${port}/s/AAAAAAAAAAAAAAAAAAAAAA`]]) },
        ],
      }),
    );
    await expect(readerWith().readEngagement(nowhere).request(request)).rejects.toMatchObject({
      code: 'ERR_PROXIMITY_RELAY_CLOSED',
    });
  });

  it('refuses bad engagements, foreign relays, bad requests and a second use', async () => {
    const pair = await platform.session?.generateEcdhKeyPair();
    const noRelay = deviceEngagementQr(
      encodeDeviceEngagement({ eDeviceKey: { suite: 'ES256', point: pair?.publicKey as Uint8Array } }),
    );
    const proximity = readerWith();
    expect(() => proximity.readEngagement(noRelay)).toThrow(
      expect.objectContaining({ code: 'ERR_PROXIMITY_NO_RELAY' }),
    );
    expect(() => proximity.readEngagement('mdoc:!!!')).toThrow(
      expect.objectContaining({ code: 'ERR_SESSION_ENGAGEMENT_MALFORMED' }),
    );
    expect(() => proximity.readEngagement('ZZ1:ABC')).toThrow(
      expect.objectContaining({ code: 'ERR_SESSION_ENGAGEMENT_MALFORMED' }),
    );
    expect(() => proximity.readEngagement(`mdoc:${'A'.repeat(10_000)}`)).toThrow(
      expect.objectContaining({ code: 'ERR_INPUT_TOO_LARGE' }),
    );
    const shown = await holder('present');
    const strict = readerWith({ allowedRelayOrigins: ['wss://relay.zhengzhao.cn'] });
    expect(() => strict.readEngagement(shown.qr)).toThrow(expect.objectContaining({ code: 'ERR_PROXIMITY_NO_RELAY' }));
    const engagement = proximity.readEngagement(shown.qr);
    await expect(engagement.request([])).rejects.toMatchObject({ code: 'ERR_INPUT_INVALID' });
    await expect(engagement.request(request)).rejects.toMatchObject({ code: 'ERR_INPUT_INVALID' }); // used once already
    shown.socket.close();
    expect(() => createProximityReader({ platform, webSocket: WebSocket })).toThrow(
      expect.objectContaining({ code: 'ERR_INPUT_INVALID' }),
    );
  });

  it('without a reader key: a holder that requires reader authentication ends the session; one that does not presents', async () => {
    const strictHolder = await holder('present');
    const anonymous = () =>
      createProximityReader({
        platform,
        trust: world.authority.trustSource,
        webSocket: WebSocket,
        clock: world.clock.now,
      });
    await expect(anonymous().readEngagement(strictHolder.qr).request(request)).rejects.toMatchObject({
      code: 'ERR_PROXIMITY_HOLDER_ENDED',
    });
    expect((await strictHolder.outcome).requestError).toBe('ERR_SESSION_READER_AUTH_MISSING');

    const issuerSigned = await issueTestMdoc(world.authority, world.device, world.clock.now());
    const lenient = await startHolder({
      relayWsUrl: relay.wsUrl,
      behaviour: 'present',
      issuerSigned,
      device: world.device,
      now: world.clock.now(),
    });
    const result = await anonymous().readEngagement(lenient.qr).request(request);
    expect(result.reports[0]?.valid).toBe(true);
    expect((await lenient.outcome).request?.docRequests[0]?.readerAuth).toBe('absent');
  });

  it('a reader the holder does not trust is refused by the holder (ERR_PROXIMITY_HOLDER_ENDED)', async () => {
    const unknownReader = await createTestReader(world.clock.now(), 'Unknown Reader');
    const shown = await holder('present');
    await expect(
      readerWith({ readerKey: unknownReader.readerKey }).readEngagement(shown.qr).request(request),
    ).rejects.toMatchObject({
      code: 'ERR_PROXIMITY_HOLDER_ENDED',
    });
    expect((await shown.outcome).requestError).toBe('ERR_TRUST_UNTRUSTED_ROOT');
  });
});
