import { encodeBase45, encodeCbor, issueQrCredential } from '@zhengzhao/core';
import { issueTestPaperCredential, syntheticResidentClaims } from '@zhengzhao/test-kit';
import { describe, expect, it } from 'vitest';
import { createVerifier, type VerifierReport } from '../src/index.js';
import { CWT_LIST_URI, createWorld, JWT_LIST_URI, platform } from './fixtures.js';

const checkOf = (report: VerifierReport, id: string) => report.checks.find((check) => check.id === id);

async function setup() {
  const world = await createWorld();
  const verifier = createVerifier({ platform, trust: world.bundle, clock: world.clock.now, fetch: world.origin.fetch });
  const paper = (idx: number, uri = CWT_LIST_URI) =>
    issueTestPaperCredential(platform, world.authority, {
      issuedAt: new Date(world.clock.now().getTime() - 86_400_000),
      status: { uri, idx },
    });
  return { world, verifier, paper };
}

describe('createVerifier: paper credentials (ADR 0010)', () => {
  it('accepts a paper card after its status check and reports it as paper, not device-bound', async () => {
    const { world, verifier, paper } = await setup();
    await world.publish(CWT_LIST_URI, { revoked: [9] });
    const report = await verifier.verify((await paper(8)).text);
    expect(report).toMatchObject({ valid: true, format: 'zz1-qr', presentation: 'paper', statusValue: 0 });
    expect(report.trustedIssuer?.id).toBe('cn-44');
    expect(checkOf(report, 'device_binding')).toMatchObject({ outcome: 'skipped' });
    expect(checkOf(report, 'device_binding')?.reason).toContain('paper credential');
    expect(checkOf(report, 'freshness')).toMatchObject({ outcome: 'skipped' });
    expect(Object.keys(report.claims?.['cn.gov.eid.1'] ?? {}).sort()).toEqual([
      'birth_date',
      'full_name',
      'id_number',
      'sex',
    ]);
    // a phone QR through the same verifier carries no paper marker
    const phone = await verifier.verify(await world.qr({ statusUri: CWT_LIST_URI, idx: 8 }));
    expect(phone.valid).toBe(true);
    expect(phone.presentation).toBeUndefined();
    expect(checkOf(phone, 'device_binding')?.outcome).toBe('ok');
  });

  it('a revoked paper card is not valid and has no claims', async () => {
    const { world, verifier, paper } = await setup();
    await world.publish(CWT_LIST_URI, { revoked: [9] });
    const report = await verifier.verify((await paper(9)).text);
    expect(report.valid).toBe(false);
    expect(report.presentation).toBe('paper');
    expect(report.claims).toBeUndefined();
    expect(checkOf(report, 'status')).toMatchObject({ outcome: 'failed', code: 'ERR_STATUS_REVOKED' });
  });

  it('offline with the status list unknown: a paper card is not accepted', async () => {
    const { world, paper } = await setup();
    const offline = createVerifier({ platform, trust: world.bundle, clock: world.clock.now });
    const report = await offline.verify((await paper(3, JWT_LIST_URI)).text);
    expect(report.valid).toBe(false);
    expect(checkOf(report, 'status')).toMatchObject({ outcome: 'failed', code: 'ERR_STATUS_UNAVAILABLE' });
  });

  it('a stale cache keeps the paper marker on the not-valid report', async () => {
    const { world, verifier, paper } = await setup();
    await world.publish(CWT_LIST_URI);
    const card = await paper(1);
    expect((await verifier.verify(card.text)).valid).toBe(true);
    world.clock.advance(2 * 86_400);
    const stale = await verifier.verify(card.text);
    expect(stale).toMatchObject({ valid: false, presentation: 'paper', cache: { stale: true } });
  });

  it('a phone QR with its proof stripped throws ERR_QR_DEVICE_PROOF_MISSING', async () => {
    const { world, verifier } = await setup();
    const now = world.clock.now();
    const credential = await issueQrCredential(platform, {
      signer: world.authority.documentSigner.signer,
      kid: world.authority.kid,
      typeId: 'cn.gov.eid.1',
      purpose: 'hotel',
      claims: syntheticResidentClaims(),
      holderPublicKey: world.device.publicKey,
      iat: new Date(now.getTime() - 3600_000),
      exp: new Date(now.getTime() + 86_400_000),
    });
    const stripped = `ZZ1:${encodeBase45(await platform.deflate(encodeCbor([1, credential, null])))}`;
    await expect(verifier.verify(stripped)).rejects.toMatchObject({ code: 'ERR_QR_DEVICE_PROOF_MISSING' });
  });
});
