import { describe, expect, it } from 'vitest';
import { createMemoryCacheStore, createVerifier, type VerifierReport } from '../src/index.js';
import { CWT_LIST_URI, createWorld, JWT_LIST_URI, platform } from './fixtures.js';

const checkOf = (report: VerifierReport, id: string) => report.checks.filter((check) => check.id === id);

describe('createVerifier: offline QR with trust bundle and status cache', () => {
  it('verifies a ZZ1 QR with a status list downloaded on demand, then answers from the cache', async () => {
    const world = await createWorld();
    await world.publish(JWT_LIST_URI);
    const verifier = createVerifier({
      platform,
      trust: world.bundle,
      clock: world.clock.now,
      fetch: world.origin.fetch,
    });
    const report = await verifier.verify(await world.qr());
    expect(report.valid).toBe(true);
    expect(report.format).toBe('zz1-qr');
    expect(report.statusValue).toBe(0);
    expect(report.cache).toEqual({ stale: false, trustAgeSeconds: 0, statusAgeSeconds: 0 });
    expect(report.trustedIssuer?.id).toBe('cn-44');
    expect(world.origin.requests).toEqual([JWT_LIST_URI]);
    world.clock.advance(60);
    const again = await verifier.verify(await world.qr());
    expect(again.valid).toBe(true);
    expect(again.cache.statusAgeSeconds).toBe(60);
    expect(world.origin.requests).toHaveLength(1);
    const state = verifier.cacheState();
    expect(state.statusLists.map((list) => list.uri)).toEqual([JWT_LIST_URI]);
    expect(state.oldestAgeSeconds).toBe(60);
    expect(state.stale).toBe(false);
    expect(state.trustFetchedAt).toBe(world.bundle.issued_at.replace('Z', '.000Z'));
  });

  it('reads CWT status lists and reports a revoked credential as not valid', async () => {
    const world = await createWorld();
    await world.publish(CWT_LIST_URI, { revoked: [9] });
    const verifier = createVerifier({
      platform,
      trust: world.bundle,
      clock: world.clock.now,
      fetch: world.origin.fetch,
    });
    const ok = await verifier.verify(await world.qr({ statusUri: CWT_LIST_URI, idx: 8 }));
    expect(ok.valid).toBe(true);
    const revoked = await verifier.verify(await world.qr({ statusUri: CWT_LIST_URI, idx: 9 }));
    expect(revoked.valid).toBe(false);
    expect(revoked.claims).toBeUndefined();
    expect(checkOf(revoked, 'status')[0]).toMatchObject({ outcome: 'failed', code: 'ERR_STATUS_REVOKED' });
  });

  it('offline with an unknown status list: the status check fails with ERR_STATUS_UNAVAILABLE', async () => {
    const world = await createWorld();
    const verifier = createVerifier({ platform, trust: world.bundle, clock: world.clock.now });
    const report = await verifier.verify(await world.qr());
    expect(report.valid).toBe(false);
    expect(checkOf(report, 'status')[0]).toMatchObject({ outcome: 'failed', code: 'ERR_STATUS_UNAVAILABLE' });
  });

  it('online but the list cannot be downloaded: ERR_STATUS_UNAVAILABLE, then no retry storm', async () => {
    const world = await createWorld();
    world.origin.down = true;
    const verifier = createVerifier({
      platform,
      trust: world.bundle,
      clock: world.clock.now,
      fetch: world.origin.fetch,
    });
    const first = await verifier.verify(await world.qr());
    expect(checkOf(first, 'status')[0]?.code).toBe('ERR_STATUS_UNAVAILABLE');
    await verifier.verify(await world.qr());
    expect(world.origin.requests).toHaveLength(1); // backing off
  });

  it('an unknown issuer is invalid with ERR_TRUST_KID_UNKNOWN and no claims', async () => {
    const world = await createWorld();
    const { createTestAuthority } = await import('@zhengzhao/test-kit');
    const stranger = await createTestAuthority({ suite: 'ES256', now: world.clock.now(), name: 'Stranger' });
    const verifier = createVerifier({ platform, trust: world.bundle, clock: world.clock.now });
    const report = await verifier.verify(await world.qr({ authority: stranger }));
    expect(report.valid).toBe(false);
    expect(report.claims).toBeUndefined();
    expect(checkOf(report, 'trust_chain')[0]).toMatchObject({ outcome: 'failed', code: 'ERR_TRUST_KID_UNKNOWN' });
    expect(report.trustedIssuer).toBeUndefined();
  });

  it('stale trust bundle: the report is not valid, with a failed freshness check ERR_VERIFIER_CACHE_STALE', async () => {
    const world = await createWorld();
    await world.publish(JWT_LIST_URI);
    const verifier = createVerifier({
      platform,
      trust: world.bundle,
      clock: world.clock.now,
      fetch: world.origin.fetch,
      maxCacheAgeSeconds: 3600,
    });
    expect((await verifier.verify(await world.qr())).valid).toBe(true);
    world.clock.advance(3601);
    const report = await verifier.verify(await world.qr());
    expect(report.valid).toBe(false);
    expect(report.claims).toBeUndefined();
    expect(report.cache.stale).toBe(true);
    expect(report.cache.trustAgeSeconds).toBe(3601);
    // every core check passed; the verdict fails only on the data's age
    expect(report.checks.slice(0, -1).every((check) => check.outcome !== 'failed')).toBe(true);
    expect(report.checks.at(-1)).toMatchObject({
      id: 'freshness',
      outcome: 'failed',
      code: 'ERR_VERIFIER_CACHE_STALE',
    });
    expect(verifier.cacheState().stale).toBe(true);
  });

  it('stale status list while offline: still answers from it, but the report is not valid', async () => {
    const world = await createWorld();
    await world.publish(JWT_LIST_URI, { expiresIn: 30 * 86400 });
    const origin = world.origin;
    const verifier = createVerifier({
      platform,
      trust: world.authority.trustSource, // a TrustSource has no age here: only the status list ages
      clock: world.clock.now,
      fetch: origin.fetch,
      maxCacheAgeSeconds: 600,
    });
    expect((await verifier.verify(await world.qr())).valid).toBe(true);
    origin.down = true;
    world.clock.advance(601);
    const report = await verifier.verify(await world.qr());
    expect(report.valid).toBe(false);
    expect(report.cache).toEqual({ stale: true, statusAgeSeconds: 601 });
    expect(checkOf(report, 'status')[0]?.outcome).toBe('ok');
    expect(report.checks.at(-1)?.code).toBe('ERR_VERIFIER_CACHE_STALE');
    // back online: the old list is replaced before use and the report is valid again
    origin.down = false;
    world.clock.advance(31);
    const fresh = await verifier.verify(await world.qr());
    expect(fresh.valid).toBe(true);
    expect(fresh.cache.statusAgeSeconds).toBe(0);
  });

  it('an expired status list is never used (ERR_STATUS_LIST_EXPIRED offline)', async () => {
    const world = await createWorld();
    await world.publish(JWT_LIST_URI, { expiresIn: 120 });
    const verifier = createVerifier({
      platform,
      trust: world.bundle,
      clock: world.clock.now,
      fetch: world.origin.fetch,
    });
    expect((await verifier.verify(await world.qr())).valid).toBe(true);
    world.origin.down = true;
    world.clock.advance(121);
    const report = await verifier.verify(await world.qr());
    expect(checkOf(report, 'status')[0]).toMatchObject({ outcome: 'failed', code: 'ERR_STATUS_LIST_EXPIRED' });
  });

  it('refetches in the background after ttl and refuses a rolled-back list', async () => {
    const world = await createWorld();
    const firstIssued = world.clock.now();
    await world.publish(JWT_LIST_URI, { ttl: 60 });
    const verifier = createVerifier({
      platform,
      trust: world.bundle,
      clock: world.clock.now,
      fetch: world.origin.fetch,
    });
    await verifier.verify(await world.qr({ idx: 5 }));
    world.clock.advance(120);
    await world.publish(JWT_LIST_URI, { ttl: 60, revoked: [5] });
    const during = await verifier.verify(await world.qr({ idx: 5 }));
    expect(during.valid).toBe(true); // answered from the held list while the new one downloads
    await new Promise((resolve) => setTimeout(resolve, 50));
    const after = await verifier.verify(await world.qr({ idx: 5 }));
    expect(checkOf(after, 'status')[0]?.code).toBe('ERR_STATUS_REVOKED');
    // an older list (iat before the held one) is refused by refresh
    await world.publish(JWT_LIST_URI, { ttl: 60, issuedAt: firstIssued });
    const result = await verifier.refresh();
    expect(result.statusLists).toEqual([{ uri: JWT_LIST_URI, outcome: 'failed', code: 'ERR_STATUS_LIST_MALFORMED' }]);
    expect(checkOf(await verifier.verify(await world.qr({ idx: 5 })), 'status')[0]?.code).toBe('ERR_STATUS_REVOKED');
  });

  it('refuses tampered and wrongly signed status list tokens', async () => {
    const world = await createWorld();
    const token = (await world.publish(JWT_LIST_URI)) as string;
    const [h, p, s] = token.split('.') as [string, string, string];
    const flipped = `${s.slice(0, 10)}${s[10] === 'A' ? 'B' : 'A'}${s.slice(11)}`;
    world.origin.routes.set(JWT_LIST_URI, { body: `${h}.${p}.${flipped}`, contentType: 'application/statuslist+jwt' });
    const verifier = createVerifier({
      platform,
      trust: world.bundle,
      clock: world.clock.now,
      fetch: world.origin.fetch,
    });
    const tampered = await verifier.verify(await world.qr());
    expect(checkOf(tampered, 'status')[0]?.code).toBe('ERR_STATUS_UNAVAILABLE');
    // alg none
    const none = `${btoa(JSON.stringify({ alg: 'none', typ: 'statuslist+jwt' })).replace(/=+$/, '')}.${p}.`;
    world.origin.routes.set(JWT_LIST_URI, { body: none, contentType: 'application/statuslist+jwt' });
    world.clock.advance(31);
    const result = await verifier.refresh();
    expect(result.statusLists).toEqual([]); // nothing was ever held
    const report = await verifier.verify(await world.qr());
    expect(report.valid).toBe(false);
    expect(checkOf(report, 'status')[0]?.code).toBe('ERR_STATUS_UNAVAILABLE');
    // signed by an authority outside the bundle
    const { createTestAuthority } = await import('@zhengzhao/test-kit');
    const stranger = await createTestAuthority({ suite: 'ES256', now: world.clock.now(), name: 'Stranger' });
    await world.publish(JWT_LIST_URI, { signer: stranger });
    world.clock.advance(31);
    expect(checkOf(await verifier.verify(await world.qr()), 'status')[0]?.code).toBe('ERR_STATUS_UNAVAILABLE');
    // the wrong media type
    await world.publish(JWT_LIST_URI);
    const route = world.origin.routes.get(JWT_LIST_URI);
    if (route) world.origin.routes.set(JWT_LIST_URI, { ...route, contentType: 'application/json' });
    world.clock.advance(31);
    expect(checkOf(await verifier.verify(await world.qr()), 'status')[0]?.code).toBe('ERR_STATUS_UNAVAILABLE');
  });

  it('refresh(): trust bundle and status lists with ETags, rollback refused, persisted for the next verifier', async () => {
    const world = await createWorld();
    const store = createMemoryCacheStore();
    const bundleUrl = 'https://trust.example.cn/bundle.json';
    world.origin.routes.set(bundleUrl, {
      body: JSON.stringify(world.bundle),
      contentType: 'application/json',
      etag: '"b1"',
    });
    await world.publish(JWT_LIST_URI, { etag: '"s1"' });
    const options = {
      platform,
      trust: world.bundle,
      store,
      clock: world.clock.now,
      fetch: world.origin.fetch,
      trustBundleUrl: bundleUrl,
      maxCacheAgeSeconds: 3600,
    };
    const verifier = createVerifier(options);
    await verifier.verify(await world.qr());
    world.clock.advance(3000);
    expect(await verifier.refresh()).toEqual({
      trust: { outcome: 'updated' },
      statusLists: [{ uri: JWT_LIST_URI, outcome: 'not-modified' }],
    });
    world.clock.advance(3000);
    expect(await verifier.refresh()).toEqual({
      trust: { outcome: 'not-modified' },
      statusLists: [{ uri: JWT_LIST_URI, outcome: 'not-modified' }],
    });
    expect(verifier.cacheState().oldestAgeSeconds).toBe(0);
    const report = await verifier.verify(await world.qr());
    expect(report.valid).toBe(true); // 6000 s after issued_at, but confirmed by refresh
    // an older bundle is refused
    const older = { ...world.bundle, issued_at: '2026-11-26T08:00:00Z' };
    world.origin.routes.set(bundleUrl, { body: JSON.stringify(older), contentType: 'application/json' });
    expect((await verifier.refresh()).trust).toEqual({ outcome: 'failed', code: 'ERR_TRUST_BUNDLE_ROLLBACK' });
    // a malformed or oversized bundle is refused
    world.origin.routes.set(bundleUrl, { body: '{"version":2}', contentType: 'application/json' });
    expect((await verifier.refresh()).trust).toEqual({ outcome: 'failed', code: 'ERR_TRUST_BUNDLE_MALFORMED' });
    world.origin.routes.set(bundleUrl, { body: 'x'.repeat(2 * 1024 * 1024), contentType: 'application/json' });
    expect((await verifier.refresh()).trust).toEqual({ outcome: 'failed', code: 'ERR_INPUT_TOO_LARGE' });
    world.origin.routes.set(bundleUrl, { body: '', contentType: 'application/json', status: 500 });
    expect((await verifier.refresh()).trust).toEqual({ outcome: 'failed', code: 'ERR_VERIFIER_FETCH_FAILED' });

    // a new verifier on the same store works offline with what was persisted
    const offline = createVerifier({
      platform,
      trust: world.bundle,
      store,
      clock: world.clock.now,
      maxCacheAgeSeconds: 3600,
    });
    await offline.ready();
    expect(offline.cacheState().statusLists.map((list) => list.uri)).toEqual([JWT_LIST_URI]);
    const restored = await offline.verify(await world.qr());
    expect(restored.valid).toBe(true);
    expect(restored.cache.trustAgeSeconds).toBe(0);
  });

  it('a tampered store record is not trusted', async () => {
    const world = await createWorld();
    const store = createMemoryCacheStore();
    await world.publish(JWT_LIST_URI);
    const first = createVerifier({
      platform,
      trust: world.bundle,
      store,
      clock: world.clock.now,
      fetch: world.origin.fetch,
    });
    await first.verify(await world.qr());
    const tokenName = (await store.list()).find((name) => name.endsWith('.token')) as string;
    const token = (await store.get(tokenName)) as Uint8Array;
    token[token.length - 5] = (token[token.length - 5] as number) ^ 1;
    await store.put(tokenName, token);
    const second = createVerifier({ platform, trust: world.bundle, store, clock: world.clock.now });
    await second.ready();
    expect(second.cacheState().statusLists).toEqual([]);
    expect(await store.list()).not.toContain(tokenName);
  });

  it('refresh() re-verifies held status lists after the trust bundle drops their issuer', async () => {
    const world = await createWorld();
    const bundleUrl = 'https://trust.example.cn/bundle.json';
    await world.publish(JWT_LIST_URI);
    const verifier = createVerifier({
      platform,
      trust: world.bundle,
      clock: world.clock.now,
      fetch: world.origin.fetch,
      trustBundleUrl: bundleUrl,
    });
    await verifier.verify(await world.qr());
    const { createTestAuthority } = await import('@zhengzhao/test-kit');
    const other = await createTestAuthority({ suite: 'ES256', now: world.clock.now(), name: 'Other' });
    const replaced = {
      version: 1,
      issued_at: '2026-11-27T09:00:00Z',
      issuers: [
        {
          ...world.bundle.issuers[0],
          id: 'cn-11',
          iaca: [other.root.pem],
          document_signers: [other.documentSigner.pem],
        },
      ],
    };
    world.origin.routes.set(bundleUrl, { body: JSON.stringify(replaced), contentType: 'application/json' });
    world.origin.down = false;
    world.origin.routes.delete(JWT_LIST_URI);
    const result = await verifier.refresh();
    expect(result.trust.outcome).toBe('updated');
    expect(verifier.cacheState().statusLists).toEqual([]);
    const report = await verifier.verify(await world.qr());
    expect(checkOf(report, 'trust_chain')[0]?.code).toBe('ERR_TRUST_KID_UNKNOWN');
  });

  it('verifies an SD-JWT VC presentation with its CWT status list and audience/nonce', async () => {
    const world = await createWorld();
    await world.publish(CWT_LIST_URI, { revoked: [3] });
    const { issueSdJwtVc, presentSdJwtVc } = await import('@zhengzhao/core');
    const now = world.clock.now();
    const issue = (idx: number) =>
      issueSdJwtVc(platform, {
        signer: world.authority.documentSigner.signer,
        x5c: world.authority.chain,
        vct: 'cn.gov.eid.1',
        claims: { age_over_18: true, family_name: '陈' },
        selectivelyDisclosable: ['age_over_18', 'family_name'],
        holderPublicKey: world.device.publicKey,
        status: { uri: CWT_LIST_URI, idx },
        exp: new Date(now.getTime() + 86400_000),
        now,
      });
    const present = async (idx: number) =>
      presentSdJwtVc(platform, await issue(idx), {
        disclose: ['age_over_18'],
        holderSigner: world.device,
        audience: 'https://hotel.example.cn',
        nonce: 'n-1',
        now,
      });
    const verifier = createVerifier({
      platform,
      trust: world.bundle,
      clock: world.clock.now,
      fetch: world.origin.fetch,
    });
    const options = { audience: 'https://hotel.example.cn', nonce: 'n-1', expectedType: 'cn.gov.eid.1' };
    const ok = await verifier.verify(await present(2), options);
    expect(ok.valid).toBe(true);
    expect(ok.format).toBe('sd-jwt-vc');
    expect(ok.trustedIssuer?.id).toBe('cn-44');
    const revoked = await verifier.verify(await present(3), options);
    expect(checkOf(revoked, 'status')[0]?.code).toBe('ERR_STATUS_REVOKED');
    const wrongNonce = await verifier.verify(await present(2), { ...options, nonce: 'other' });
    expect(wrongNonce.valid).toBe(false);
    expect(world.origin.requests).toEqual([CWT_LIST_URI]);
  });

  it('verifyDeviceResponse and bad inputs', async () => {
    const world = await createWorld();
    const verifier = createVerifier({ platform, trust: world.bundle, clock: world.clock.now });
    await expect(verifier.verify('hello')).rejects.toMatchObject({ code: 'ERR_FORMAT_UNKNOWN' });
    await expect(verifier.verify(new Uint8Array([0xff]))).rejects.toMatchObject({ code: 'ERR_FORMAT_UNKNOWN' });
    await expect(
      verifier.verifyDeviceResponse(new Uint8Array([1, 2]), { sessionTranscript: [null, null, null] }),
    ).rejects.toHaveProperty('code');
    expect(() => createVerifier({ platform, trust: { version: 1 } as never })).toThrow(
      expect.objectContaining({ code: 'ERR_TRUST_BUNDLE_MALFORMED' }),
    );
    expect(() => createVerifier({ platform, trust: world.bundle, maxCacheAgeSeconds: -1 })).toThrow(
      expect.objectContaining({ code: 'ERR_INPUT_INVALID' }),
    );
    expect(() => createVerifier({ platform, trust: world.bundle, trustBundleUrl: 'not a url' })).toThrow(
      expect.objectContaining({ code: 'ERR_INPUT_INVALID' }),
    );
  });
});
