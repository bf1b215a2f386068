import {
  encodeBase64url,
  presentQr,
  TRUST_LIST_COSE_MEDIA_TYPE,
  TRUST_LIST_JWS_MEDIA_TYPE,
  type TrustList,
} from '@zhengzhao/core';
import {
  createTestNationalRegistry,
  fixedClock,
  issueTestCredential,
  type TestNationalRegistry,
} from '@zhengzhao/test-kit';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildDeviceRequest, createMemoryCacheStore, createVerifier, type Verifier } from '../src/index.js';
import { createFakeOrigin, type FakeOrigin, platform } from './fixtures.js';

const START = '2026-11-27T08:00:00Z';
const transcript = [null, null, ['test-handover']] as unknown as Parameters<typeof buildDeviceRequest>[1];
const URL_JWS = 'https://trust.example.cn/trust-list';
const HOUR = 3_600_000;

let registry: TestNationalRegistry;
beforeAll(async () => {
  registry = await createTestNationalRegistry({ now: new Date(START), platform });
});

function setup(options: { list?: TrustList; store?: ReturnType<typeof createMemoryCacheStore> } = {}) {
  const clock = fixedClock(START);
  const origin = createFakeOrigin();
  const verifier = createVerifier({
    platform,
    trust: { nationalRoot: registry.root.pem, trustListUrl: URL_JWS },
    clock: clock.now,
    fetch: origin.fetch,
    ...(options.store && { store: options.store }),
  });
  return { clock, origin, verifier };
}

async function serve(origin: FakeOrigin, list: TrustList, etag = `"${list.sequence}"`) {
  origin.routes.set(URL_JWS, { body: await registry.jws(list), contentType: TRUST_LIST_JWS_MEDIA_TYPE, etag });
}

/** A QR of `code`'s province presented now, and its mdoc IssuerSigned. */
async function credentialsOf(code: string, signedAt = new Date(START)) {
  const authority = registry.province(code).authority;
  const qr = await issueTestCredential(platform, authority, 'qr', signedAt);
  const text = await presentQr(platform, {
    credential: qr.value as Uint8Array,
    deviceSigner: qr.device,
    now: new Date(START),
  });
  const mdoc = (await issueTestCredential(platform, authority, 'mdoc', signedAt)).value as Uint8Array;
  return { qr: text, mdoc };
}

const outcome = (report: Awaited<ReturnType<Verifier['verify']>>) =>
  report.valid ? 'ok' : report.checks.find((check) => check.outcome === 'failed')?.code;

describe('verifier SDK with nothing but the national root', () => {
  it('mutual recognition: a counter in each province verifies every province’s QR and mdoc offline', async () => {
    const list = registry.list();
    const counters = await Promise.all(
      registry.provinces.map(async (home) => {
        const { verifier, origin } = setup();
        await serve(origin, list);
        expect((await verifier.refresh()).trust.outcome).toBe('updated');
        origin.down = true; // offline from here on
        return { home: home.code, verifier };
      }),
    );
    const matrix: string[] = [];
    for (const { home, verifier } of counters) {
      for (const issuer of registry.provinces) {
        const { qr, mdoc } = await credentialsOf(issuer.code);
        const qrReport = await verifier.verify(qr);
        const mdocReport = await verifier.verify(mdoc);
        expect(outcome(qrReport), `${home} ← ${issuer.code} QR`).toBe('ok');
        expect(outcome(mdocReport), `${home} ← ${issuer.code} mdoc`).toBe('ok');
        expect(qrReport.trustedIssuer?.id).toBe(issuer.entry.id);
        expect(mdocReport.trustedIssuer?.name['zh-CN']).toBe(issuer.entry.name['zh-CN']);
        matrix.push(`${home}←${issuer.code}`);
      }
    }
    expect(matrix).toHaveLength(9);
  });

  it('verifies offline from a list shipped with the app, and says when it has none', async () => {
    const clock = fixedClock(START);
    const shipped = createVerifier({
      platform,
      trust: { nationalRoot: registry.root.pem, trustList: await registry.cose(registry.list({ sequence: 3 })) },
      clock: clock.now,
    });
    expect(outcome(await shipped.verify((await credentialsOf('11')).qr))).toBe('ok');
    expect(shipped.cacheState().trustList?.sequence).toBe(3);
    const { verifier } = setup();
    expect(outcome(await verifier.verify((await credentialsOf('44')).qr))).toBe('ERR_TRUST_LIST_MISSING');
    expect((await verifier.refresh()).trust).toEqual({ outcome: 'failed', code: 'ERR_VERIFIER_FETCH_FAILED' });
  });

  it('downloads with ETag, refuses rollback, forgery, truncation and an unknown root, and keeps the previous good list', async () => {
    const { verifier, origin, clock } = setup();
    await serve(origin, registry.list({ sequence: 5 }));
    expect((await verifier.refresh()).trust.outcome).toBe('updated');
    clock.advance(60);
    expect((await verifier.refresh()).trust.outcome).toBe('not-modified');
    expect(verifier.cacheState().trustFetchedAt).toBe(new Date(Date.parse(START) + 60_000).toISOString());

    await serve(origin, registry.list({ sequence: 4 }));
    expect((await verifier.refresh()).trust).toEqual({ outcome: 'failed', code: 'ERR_TRUST_LIST_ROLLBACK' });
    const good = await registry.jws(registry.list({ sequence: 6 }));
    const [h, p, s] = good.split('.') as [string, string, string];
    const forged = encodeBase64url(new TextEncoder().encode(JSON.stringify({ ...registry.list(), sequence: 9 })));
    for (const [body, code] of [
      [`${h}.${forged}.${s}`, 'ERR_TRUST_LIST_SIGNATURE'],
      [good.slice(0, good.length - 40), 'ERR_TRUST_LIST_MALFORMED'],
      [`${h}.${p}`, 'ERR_TRUST_LIST_MALFORMED'],
      [
        await (await createTestNationalRegistry({ now: new Date(START), platform })).jws(
          registry.list({ sequence: 7 }),
        ),
        'ERR_TRUST_UNTRUSTED_ROOT',
      ],
    ] as const) {
      origin.routes.set(URL_JWS, { body, contentType: TRUST_LIST_JWS_MEDIA_TYPE, etag: `"x${code}"` });
      expect((await verifier.refresh()).trust, code).toEqual({ outcome: 'failed', code });
      expect(verifier.cacheState().trustList?.sequence).toBe(5);
    }
    expect(outcome(await verifier.verify((await credentialsOf('33')).qr))).toBe('ok');

    origin.routes.set(URL_JWS, {
      body: await registry.cose(registry.list({ sequence: 8 })),
      contentType: TRUST_LIST_COSE_MEDIA_TYPE,
    });
    expect((await verifier.refresh()).trust.outcome).toBe('updated');
    expect(verifier.cacheState().trustList?.sequence).toBe(8);
  });

  it('a compromised key reaches the counter with the next refresh; an expired list stops verification', async () => {
    const { verifier, origin, clock } = setup();
    await serve(origin, registry.list({ sequence: 1 }));
    await verifier.refresh();
    const signedAt = new Date(Date.parse(START) - HOUR);
    const { mdoc } = await credentialsOf('44', signedAt);
    expect(outcome(await verifier.verify(mdoc))).toBe('ok');
    const hash = encodeBase64url(
      await platform.digest('SHA-256', registry.province('44').authority.documentSigner.der),
    );
    await serve(
      origin,
      registry.list({
        sequence: 2,
        edit: (l) =>
          (l.authorities[0] = {
            ...l.authorities[0]!,
            compromised_keys: [{ certificate_sha256: hash, since: new Date(signedAt.getTime() - 1000).toISOString() }],
          }),
      }),
    );
    expect((await verifier.refresh()).trust.outcome).toBe('updated');
    expect(outcome(await verifier.verify(mdoc))).toBe('ERR_TRUST_KEY_COMPROMISED');
    origin.down = true;
    clock.advance(8 * 24 * 3600); // the list expires after 7 days
    const report = await verifier.verify((await credentialsOf('33')).qr);
    expect(report.checks.find((c) => c.id === 'trust_chain')?.code).toBe('ERR_TRUST_LIST_EXPIRED');
  });

  it('persists the list: a restarted counter verifies offline, and never goes back to an older shipped list', async () => {
    const store = createMemoryCacheStore();
    const first = setup({ store });
    await serve(first.origin, registry.list({ sequence: 12 }));
    await first.verifier.refresh();
    const restarted = createVerifier({
      platform,
      trust: { nationalRoot: registry.root.pem, trustList: await registry.jws(registry.list({ sequence: 10 })) },
      clock: fixedClock(START).now,
      store,
    });
    expect(outcome(await restarted.verify((await credentialsOf('11')).qr))).toBe('ok');
    expect(restarted.cacheState().trustList?.sequence).toBe(12);
  });

  it('refuses bad configuration', () => {
    expect(() => createVerifier({ platform, trust: { nationalRoot: 'not a pem' } })).toThrow(
      expect.objectContaining({ code: 'ERR_INPUT_INVALID' }),
    );
    expect(() =>
      createVerifier({ platform, trust: { nationalRoot: registry.root.pem, trustListUrl: 'not a url' } }),
    ).toThrow(expect.objectContaining({ code: 'ERR_INPUT_INVALID' }));
  });
});

describe('scope: the SDK will not send a request beyond the relying party’s registration', () => {
  it('an internet café may ask for the name and validity, not for the address', async () => {
    const netcafe = registry.relyingParty('netcafe');
    const readerKey = { signer: netcafe.signer, certificateChain: [netcafe.der] };
    const ask = (elements: string[]) => [
      { docType: 'cn.gov.eid.1', nameSpaces: { 'cn.gov.eid.1': Object.fromEntries(elements.map((e) => [e, false])) } },
    ];
    await expect(
      buildDeviceRequest(ask(['family_name', 'expiry_date']), transcript, readerKey),
    ).resolves.toBeInstanceOf(Uint8Array);
    await expect(
      buildDeviceRequest(ask(['family_name', 'resident_address']), transcript, readerKey),
    ).rejects.toMatchObject({ code: 'ERR_READER_SCOPE', message: expect.stringContaining('resident_address') });
    const hotel = registry.relyingParty('hotel');
    await expect(
      buildDeviceRequest(ask(['resident_address']), transcript, {
        signer: hotel.signer,
        certificateChain: [hotel.der],
      }),
    ).resolves.toBeInstanceOf(Uint8Array);
  });

  it('the list, not the certificate, has the last word: a narrowed profile or a de-registration stops the request', async () => {
    const { verifier, origin } = setup();
    const hotel = registry.relyingParty('hotel');
    await serve(origin, registry.list({ sequence: 1 }));
    await verifier.refresh();
    const registered = await verifier.registeredReader(hotel.der);
    expect(registered?.id).toBe('hotel');
    const readerKey = { signer: hotel.signer, certificateChain: [hotel.der] };
    const address = [{ docType: 'cn.gov.eid.1', nameSpaces: { 'cn.gov.eid.1': { resident_address: false } } }];
    await expect(buildDeviceRequest(address, transcript, readerKey, registered?.elements)).resolves.toBeInstanceOf(
      Uint8Array,
    );
    const narrowed = { 'cn.gov.eid.1': { 'cn.gov.eid.1': ['family_name', 'given_name'] } };
    await expect(buildDeviceRequest(address, transcript, readerKey, narrowed)).rejects.toMatchObject({
      code: 'ERR_READER_SCOPE',
    });
    await serve(
      origin,
      registry.list({
        sequence: 2,
        edit: (l) => (l.relying_parties[0] = { ...l.relying_parties[0]!, deregistered_at: START }),
      }),
    );
    await verifier.refresh();
    await expect(verifier.registeredReader(hotel.der)).rejects.toMatchObject({ code: 'ERR_READER_DEREGISTERED' });
    const withSource = createVerifier({ platform, trust: registry.province('44').authority.trustSource });
    expect(await withSource.registeredReader(hotel.der)).toBeUndefined();
  });
});
