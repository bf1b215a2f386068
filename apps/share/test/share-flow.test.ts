import {
  decodeAccessLogEntry,
  decodeBase64url,
  hashLeaf,
  jwkToPublicKey,
  sha256MerkleHasher,
  verifyConsistencyProof,
  verifyInclusionProof,
  verifyTreeHead,
} from '@zhengzhao/core';
import { describeEachDatabase } from '@zhengzhao/server-kit/testing';
import { createVerifier } from '@zhengzhao/verifier';
import { beforeAll, describe, expect, it } from 'vitest';
import { SHARE_MIGRATIONS } from '../src/db/migrations.js';
import type { ShareDatabase } from '../src/index.js';
import { DOC_TYPE, openShareFixture, type ShareFixture, type TestHolder } from './helpers/share-fixture.js';

const HOTEL_ELEMENTS = ['family_name', 'given_name', 'id_number'];

describeEachDatabase<ShareDatabase>('sharing service (文件调用)', SHARE_MIGRATIONS, (t) => {
  let f: ShareFixture;
  beforeAll(async () => {
    f = await openShareFixture(t.database);
  });

  const ask = async (holder: TestHolder, overrides: Record<string, unknown> = {}, party = 'hotel') =>
    f.app.inject({
      method: 'POST',
      url: '/agency/requests',
      payload: {
        request: await f.agencyCall(
          { handle: holder.handle, doc_type: DOC_TYPE, elements: HOTEL_ELEMENTS, purpose: 'hotel', ...overrides },
          party,
        ),
      },
    });
  const retrieve = async (requestId: string, party = 'hotel') =>
    f.app.inject({
      method: 'POST',
      url: '/agency/retrievals',
      payload: { request: await f.agencyCall({ request_id: requestId }, party) },
    });
  const pending = async (holder: TestHolder) =>
    (
      await f.app.inject({
        method: 'GET',
        url: '/holder/requests',
        headers: await holder.auth('GET', '/holder/requests'),
      })
    ).json().requests as { request_id: string; nonce: string; elements: string[]; agency: { id: string } }[];
  const approve = async (holder: TestHolder, requestId: string, body: Record<string, unknown>) => {
    const url = `/holder/requests/${requestId}/approve`;
    return f.app.inject({ method: 'POST', url, headers: await holder.auth('POST', url), payload: body });
  };
  const onceApproval = async (holder: TestHolder, request: { request_id: string; nonce: string }) => ({
    consent: await holder.consent({
      request_id: request.request_id,
      agency: 'hotel',
      purpose: 'hotel',
      doc_type: DOC_TYPE,
      elements: HOTEL_ELEMENTS,
      kind: 'once',
    }),
    credential: await holder.present(HOTEL_ELEMENTS, { audience: 'hotel', nonce: request.nonce }),
  });
  const holderLog = async (holder: TestHolder) =>
    (
      await f.app.inject({ method: 'GET', url: '/holder/log', headers: await holder.auth('GET', '/holder/log') })
    ).json() as {
      tree_head: { signed: string; size: number; root: string };
      entries: { index: number; entry: string; proof: string[] }[];
    };

  it('request → consent in the wallet → retrieval → the entries are in the holder’s log, with proofs', async () => {
    const holder = await f.newHolder();
    const asked = await ask(holder);
    expect(asked.statusCode).toBe(201);
    const { request_id: requestId, state } = asked.json();
    expect(state).toBe('pending');

    const before = await retrieve(requestId);
    expect(before.statusCode).toBe(403);
    expect(before.json().code).toBe('ERR_SHARE_NOT_CONSENTED');

    const [request] = await pending(holder);
    expect(request?.request_id).toBe(requestId);
    expect(request?.agency.id).toBe('hotel');
    const approved = await approve(holder, requestId, await onceApproval(holder, request as never));
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json().kind).toBe('once');

    const got = await retrieve(requestId);
    expect(got.statusCode, got.body).toBe(200);
    const retrieval = got.json();
    // the agency verifies what it got with its own SDK instance
    const agencyVerifier = createVerifier({
      platform: f.registry.platform,
      trust: { nationalRoot: f.registry.root.pem, trustList: await f.registry.jws(f.registry.list()) },
      clock: () => f.clock.now(),
    });
    const report = await agencyVerifier.verify(retrieval.credential, {
      audience: retrieval.audience,
      nonce: retrieval.nonce,
      expectedType: DOC_TYPE,
    });
    expect(report.valid).toBe(true);
    expect(Object.keys(report.claims?.[DOC_TYPE] ?? {})).toEqual(expect.arrayContaining(HOTEL_ELEMENTS));
    expect(report.claims?.[DOC_TYPE]).not.toHaveProperty('birth_date');

    // a replayed retrieval releases nothing
    const again = await retrieve(requestId);
    expect(again.json().code).toBe('ERR_SHARE_ALREADY_RETRIEVED');

    // the holder's log: request, approval, retrieval (and the refused ones), each proven in the signed head
    const log = await holderLog(holder);
    const key = jwkToPublicKey((await f.app.inject({ method: 'GET', url: '/log/key' })).json().public_jwk);
    const head = await verifyTreeHead(f.registry.platform, decodeBase64url(log.tree_head.signed), {
      publicKey: key,
      logId: `${'https://share.zhengzhao.test'}/log`,
    });
    const types = log.entries.map((e) => decodeAccessLogEntry(decodeBase64url(e.entry)).type);
    expect(types).toEqual(expect.arrayContaining(['request', 'approval', 'retrieval', 'rejected']));
    for (const e of log.entries) {
      const entry = decodeAccessLogEntry(decodeBase64url(e.entry));
      expect(entry.agency).toBe('hotel');
      expect(entry.requestId).toBe(requestId);
      verifyInclusionProof(sha256MerkleHasher, {
        index: e.index,
        size: head.treeSize,
        leafHash: hashLeaf(sha256MerkleHasher, decodeBase64url(e.entry)),
        proof: e.proof.map(decodeBase64url),
        rootHash: head.rootHash,
      });
    }
    // no personal data in any entry
    const text = log.entries.map((e) => new TextDecoder().decode(decodeBase64url(e.entry))).join('');
    expect(text).not.toContain(holder.id);
  });

  it('a refused request releases nothing', async () => {
    const holder = await f.newHolder();
    const { request_id: requestId } = (await ask(holder)).json();
    const url = `/holder/requests/${requestId}/refuse`;
    const refused = await f.app.inject({ method: 'POST', url, headers: await holder.auth('POST', url) });
    expect(refused.json()).toEqual({ request_id: requestId, state: 'refused' });
    const got = await retrieve(requestId);
    expect(got.statusCode).toBe(403);
    expect(got.json().code).toBe('ERR_SHARE_REFUSED');
    expect(got.json()).not.toHaveProperty('credential');
    const types = (await holderLog(holder)).entries.map((e) => decodeAccessLogEntry(decodeBase64url(e.entry)).type);
    expect(types).toContain('refusal');
  });

  it('standing consent: later requests are approved until the holder revokes it, then refused', async () => {
    const holder = await f.newHolder();
    const first = (await ask(holder)).json();
    const [request] = await pending(holder);
    const exp = Math.floor(f.clock.now().getTime() / 1000) + 30 * 86_400;
    const approved = await approve(holder, first.request_id, {
      consent: await holder.consent({
        request_id: first.request_id,
        agency: 'hotel',
        purpose: 'hotel',
        doc_type: DOC_TYPE,
        elements: HOTEL_ELEMENTS,
        kind: 'standing',
        exp,
      }),
      credential: await holder.present(HOTEL_ELEMENTS),
    });
    expect(approved.statusCode, approved.body).toBe(200);
    expect(request?.request_id).toBe(first.request_id);
    const consentId = approved.json().consent_id;

    expect((await retrieve(first.request_id)).statusCode).toBe(200);
    const second = (await ask(holder)).json();
    expect(second.state).toBe('approved');
    const got = await retrieve(second.request_id);
    expect(got.statusCode).toBe(200);
    expect(got.json().consent_kind).toBe('standing');

    const url = `/holder/consents/${consentId}/revoke`;
    const revoked = await f.app.inject({ method: 'POST', url, headers: await holder.auth('POST', url) });
    expect(revoked.json().revoked_at).toBeDefined();
    const third = (await ask(holder)).json();
    expect(third.state).toBe('pending');
    const refused = await retrieve(third.request_id);
    expect(refused.json().code).toBe('ERR_SHARE_NOT_CONSENTED');
    const types = (await holderLog(holder)).entries.map((e) => decodeAccessLogEntry(decodeBase64url(e.entry)).type);
    expect(types).toEqual(expect.arrayContaining(['consent_granted', 'consent_revoked']));
  });

  it('writes ahead: when the log cannot be written, the approval does not take effect and nothing is released', async () => {
    const holder = await f.newHolder();
    const { request_id: requestId } = (await ask(holder)).json();
    const [request] = await pending(holder);
    const body = await onceApproval(holder, request as never);
    const log = f.app.share.context.log;
    const append = log.append;
    (log as { append: typeof append }).append = async () => {
      throw new Error('disk full');
    };
    try {
      const failed = await approve(holder, requestId, body);
      expect(failed.statusCode).toBe(500);
    } finally {
      (log as { append: typeof append }).append = append;
    }
    expect((await pending(holder)).map((r) => r.request_id)).toEqual([requestId]);
    expect((await retrieve(requestId)).json().code).toBe('ERR_SHARE_NOT_CONSENTED');
  });

  it('the log only grows: a consistency proof links an old signed head to the new one', async () => {
    const key = jwkToPublicKey((await f.app.inject({ method: 'GET', url: '/log/key' })).json().public_jwk);
    const logId = 'https://share.zhengzhao.test/log';
    const read = async () =>
      verifyTreeHead(
        f.registry.platform,
        decodeBase64url((await f.app.inject({ method: 'GET', url: '/log/tree-head' })).json().signed),
        { publicKey: key, logId },
      );
    const old = await read();
    await ask(await f.newHolder());
    const now = await read();
    expect(now.treeSize).toBeGreaterThan(old.treeSize);
    const { proof } = (
      await f.app.inject({ method: 'GET', url: `/log/proof/consistency?from=${old.treeSize}&to=${now.treeSize}` })
    ).json();
    verifyConsistencyProof(sha256MerkleHasher, {
      oldSize: old.treeSize,
      newSize: now.treeSize,
      oldRootHash: old.rootHash,
      newRootHash: now.rootHash,
      proof: proof.map(decodeBase64url),
    });
    // a rewritten past entry is detected: the old head's root no longer matches
    expect(() =>
      verifyConsistencyProof(sha256MerkleHasher, {
        oldSize: old.treeSize,
        newSize: now.treeSize,
        oldRootHash: new Uint8Array(32).fill(7),
        newRootHash: now.rootHash,
        proof: proof.map(decodeBase64url),
      }),
    ).toThrow(expect.objectContaining({ code: 'ERR_LOG_PROOF_INVALID' }));
  });

  describe('bad input: refused with a clear code, logged, nothing released', () => {
    it('a purpose outside the registration', async () => {
      const holder = await f.newHolder();
      const res = await ask(holder, { purpose: 'bank' });
      expect(res.statusCode, res.body).toBe(403);
      expect(res.json().code).toBe('ERR_SHARE_PURPOSE_NOT_REGISTERED');
      const entries = (await holderLog(holder)).entries.map((e) => decodeAccessLogEntry(decodeBase64url(e.entry)));
      expect(entries).toEqual([
        expect.objectContaining({ type: 'rejected', purpose: 'bank', code: 'ERR_SHARE_PURPOSE_NOT_REGISTERED' }),
      ]);
      // free text an agency sends (a name, say) never reaches the log
      await ask(holder, { purpose: '张三 开户' });
      const latest = (await holderLog(holder)).entries.map((e) => decodeAccessLogEntry(decodeBase64url(e.entry)));
      expect(latest[0]).toMatchObject({ type: 'rejected', purpose: '-' });
      expect(JSON.stringify(latest)).not.toContain('张三');
    });

    it('elements outside the registration', async () => {
      const res = await ask(
        await f.newHolder(),
        { purpose: 'netcafe', elements: ['family_name', 'id_number'] },
        'netcafe',
      );
      expect(res.statusCode).toBe(403);
      expect(res.json().code).toBe('ERR_READER_SCOPE');
    });

    it('an agency not registered (certificate not in the trust list)', async () => {
      const stranger = await f.registry.readerCertificate({ id: 'stranger', profile: 'hotel', elements: {} });
      const { signJwsCompact, encodeX5c } = await import('@zhengzhao/core');
      const token = await signJwsCompact(
        stranger.signer,
        { typ: 'zz-share-request+jwt', x5c: encodeX5c([stranger.der]) },
        { aud: 'https://share.zhengzhao.test', iat: Math.floor(f.clock.now().getTime() / 1000), jti: 'stranger-0001' },
      );
      const res = await f.app.inject({ method: 'POST', url: '/agency/requests', payload: { request: token } });
      expect(res.statusCode).toBe(403);
      expect(res.json().code).toBe('ERR_READER_NOT_REGISTERED');
    });

    it('a tampered agency signature, an unknown share code, a replayed call, a stale call', async () => {
      const holder = await f.newHolder();
      const good = await f.agencyCall({
        handle: holder.handle,
        doc_type: DOC_TYPE,
        elements: HOTEL_ELEMENTS,
        purpose: 'hotel',
      });
      const tampered = `${good.slice(0, -4)}${good.slice(-4) === 'AAAA' ? 'BBBB' : 'AAAA'}`;
      const post = (request: string) => f.app.inject({ method: 'POST', url: '/agency/requests', payload: { request } });
      expect((await post(tampered)).json().code).toBe('ERR_JWS_SIGNATURE_INVALID');
      expect((await post(good)).statusCode).toBe(201);
      expect((await post(good)).json().code).toBe('ERR_SHARE_REPLAY');
      const unknown = await ask({ ...holder, handle: 'NOPE-NOPE-NOPE-NOPE' });
      expect(unknown.json().code).toBe('ERR_SHARE_HOLDER_UNKNOWN');
      const stale = await f.agencyCall({
        handle: holder.handle,
        doc_type: DOC_TYPE,
        elements: HOTEL_ELEMENTS,
        purpose: 'hotel',
      });
      f.clock.advance(600);
      expect((await post(stale)).json().code).toBe('ERR_SHARE_AUTH_INVALID');
      expect((await post('not a jws')).json().code).toBe('ERR_SHARE_AUTH_INVALID');
      expect(
        (await f.app.inject({ method: 'POST', url: '/agency/requests', payload: { request: 5 } })).statusCode,
      ).toBe(400);
    });

    it('a forged consent, a consent for another request, an over-disclosing release', async () => {
      const holder = await f.newHolder();
      const other = await f.newHolder();
      const { request_id: requestId } = (await ask(holder)).json();
      const [request] = await pending(holder);
      const good = await onceApproval(holder, request as never);
      // signed by another holder's key
      const forged = await approve(holder, requestId, {
        ...good,
        consent: await other.consent({
          request_id: requestId,
          agency: 'hotel',
          purpose: 'hotel',
          doc_type: DOC_TYPE,
          elements: HOTEL_ELEMENTS,
          kind: 'once',
        }),
      });
      expect(forged.json().code).toBe('ERR_SHARE_CONSENT_INVALID');
      const mismatched = await approve(holder, requestId, {
        ...good,
        consent: await holder.consent({
          request_id: 'req_other',
          agency: 'hotel',
          purpose: 'hotel',
          doc_type: DOC_TYPE,
          elements: HOTEL_ELEMENTS,
          kind: 'once',
        }),
      });
      expect(mismatched.json().code).toBe('ERR_SHARE_CONSENT_INVALID');
      const overDisclosing = await approve(holder, requestId, {
        ...good,
        credential: await holder.present([...HOTEL_ELEMENTS, 'birth_date'], {
          audience: 'hotel',
          nonce: (request as { nonce: string }).nonce,
        }),
      });
      expect(overDisclosing.json().code).toBe('ERR_SHARE_RELEASE_INVALID');
      const wrongNonce = await approve(holder, requestId, {
        ...good,
        credential: await holder.present(HOTEL_ELEMENTS, { audience: 'hotel', nonce: 'n_other' }),
      });
      expect(wrongNonce.json().code).toBe('ERR_SHARE_RELEASE_INVALID');
      // nothing was released by any of these
      expect((await retrieve(requestId)).json().code).toBe('ERR_SHARE_NOT_CONSENTED');
      // another holder cannot answer this holder's request
      const stolen = await approve(other, requestId, good);
      expect(stolen.json().code).toBe('ERR_SHARE_REQUEST_UNKNOWN');
      // a holder call with a bad signature
      const url = '/holder/requests';
      const { signJwsCompact } = await import('@zhengzhao/core');
      const impostor = await signJwsCompact(
        other.key,
        { typ: 'zz-share-holder+jwt' },
        {
          sub: holder.id,
          aud: 'https://share.zhengzhao.test',
          htm: 'GET',
          htu: url,
          iat: Math.floor(f.clock.now().getTime() / 1000),
          jti: 'impostor-0001',
        },
      );
      const res = await f.app.inject({ method: 'GET', url, headers: { authorization: `ZZ-Holder ${impostor}` } });
      expect(res.json().code).toBe('ERR_SHARE_AUTH_INVALID');
      const wrongPath = await f.app.inject({
        method: 'GET',
        url: '/holder/consents',
        headers: await holder.auth('GET', url),
      });
      expect(wrongPath.json().code).toBe('ERR_SHARE_AUTH_INVALID');
      expect(res.statusCode).toBe(401);
      const none = await f.app.inject({ method: 'GET', url });
      expect(none.json().code).toBe('ERR_SHARE_AUTH_INVALID');
    });
  });
});
