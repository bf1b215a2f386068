import { createNodePlatform } from '@zhengzhao/crypto-node';
import { describe, expect, it } from 'vitest';
import {
  type CborValue,
  CWT_CLAIM,
  coseSign1Value,
  decodeCbor,
  decodePaperQr,
  decodeQr,
  encodeBase45,
  encodeCbor,
  encodePaperQr,
  type IssuePaperCredentialOptions,
  issuePaperCredential,
  issueQrCredential,
  parseQrCredential,
  presentQr,
  signCoseSign1,
  type TrustSource,
  verifyQr,
} from '../../src/index.js';
import { failedCode, RESIDENT, rejectionCode } from './fixtures.js';
import {
  createPaperWorld,
  NOW,
  PAPER_EXPIRES_AT,
  PAPER_ISSUED_AT,
  PAPER_STATUS,
  paperCwt,
  statusResolver,
} from './paper-fixtures.js';

const platform = createNodePlatform();
const wrap = async (value: CborValue) => `ZZ1:${encodeBase45(await platform.deflate(encodeCbor(value)))}`;

async function setup() {
  const world = await createPaperWorld(platform);
  const credential = await world.issuePaper('paper_basic');
  const text = await encodePaperQr(platform, credential);
  const verify = (t: string, options: { now?: Date; status?: number | null; trust?: TrustSource } = {}) =>
    verifyQr(platform, t, {
      trust: options.trust ?? world.trust,
      now: options.now ?? NOW,
      ...(options.status !== null && { statusResolver: statusResolver(options.status ?? 0) }),
    });
  return { world, credential, text, verify };
}

describe('paper credential: what is refused', () => {
  it('a revoked or suspended card fails status and still says paper, with no claims', async () => {
    const { text, verify } = await setup();
    const revoked = await verify(text, { status: 1 });
    expect(failedCode(revoked)).toBe('ERR_STATUS_REVOKED');
    expect(revoked.presentation).toBe('paper');
    expect(failedCode(await verify(text, { status: 2 }))).toBe('ERR_STATUS_SUSPENDED');
  });

  it('without a status resolver a paper card is not accepted (ERR_STATUS_UNAVAILABLE)', async () => {
    const { text, verify } = await setup();
    expect(failedCode(await verify(text, { status: null }))).toBe('ERR_STATUS_UNAVAILABLE');
  });

  it('an expired card and one dated in the future', async () => {
    const { text, verify } = await setup();
    expect(failedCode(await verify(text, { now: PAPER_EXPIRES_AT }))).toBe('ERR_VALIDITY_EXPIRED');
    expect(failedCode(await verify(text, { now: new Date(PAPER_ISSUED_AT.getTime() - 60_000) }))).toBe(
      'ERR_VALIDITY_NOT_YET_VALID',
    );
  });

  it('a phone QR with its device proof stripped is rejected, not read as paper', async () => {
    const { world } = await setup();
    const phone = await world.issue('hotel');
    const stripped = await wrap([1, phone, null]);
    expect(await rejectionCode(verifyQr(platform, stripped, { trust: world.trust, now: NOW }))).toBe(
      'ERR_QR_DEVICE_PROOF_MISSING',
    );
    expect(await rejectionCode(decodePaperQr(platform, stripped))).toBe('ERR_QR_DEVICE_PROOF_MISSING');
    expect(await rejectionCode(decodeQr(platform, stripped))).toBe('ERR_QR_DEVICE_PROOF_MISSING');
    expect(await rejectionCode(encodePaperQr(platform, phone))).toBe('ERR_QR_PAPER_MISMATCH');
    // a phone QR with its proof is not a paper QR either
    const shown = await presentQr(platform, { credential: phone, deviceSigner: world.device, now: NOW });
    expect(await rejectionCode(decodePaperQr(platform, shown))).toBe('ERR_QR_PAPER_MISMATCH');
  });

  it('a paper credential with a device proof attached is rejected', async () => {
    const { world, credential } = await setup();
    const proof = await signCoseSign1(world.device, {
      payload: encodeCbor(new Map([[1, Math.floor(NOW.getTime() / 1000)]])),
      externalAad: credential,
    });
    const withProof = await wrap([1, credential, coseSign1Value(proof)]);
    expect(await rejectionCode(verifyQr(platform, withProof, { trust: world.trust, now: NOW }))).toBe(
      'ERR_QR_PAPER_MISMATCH',
    );
    expect(await rejectionCode(decodeQr(platform, withProof))).toBe('ERR_QR_PAPER_MISMATCH');
    expect(await rejectionCode(decodePaperQr(platform, withProof))).toBe('ERR_QR_PAPER_MISMATCH');
    expect(await rejectionCode(decodePaperQr(platform, await wrap([1, credential, []])))).toBe('ERR_QR_PAPER_MISMATCH');
  });

  it('a paper credential without a status reference is rejected (and never issued)', async () => {
    const { world, verify } = await setup();
    const raw = await world.signRaw(paperCwt({ drop: [CWT_CLAIM.status] }));
    const report = await verify(await encodePaperQr(platform, raw));
    expect(failedCode(report)).toBe('ERR_QR_PAPER_STATUS_REQUIRED');
    expect(report.checks.find((c) => c.id === 'status')?.outcome).toBe('failed');
    const { status: _status, ...noStatus }: IssuePaperCredentialOptions = {
      signer: world.issuerSigner,
      kid: world.kid,
      signerNotAfter: PAPER_EXPIRES_AT,
      typeId: 'cn.gov.eid.1',
      purpose: 'paper_basic',
      claims: RESIDENT,
      iat: PAPER_ISSUED_AT,
      exp: PAPER_EXPIRES_AT,
      status: PAPER_STATUS,
    };
    const withoutStatus = noStatus as unknown as IssuePaperCredentialOptions;
    expect(await rejectionCode(issuePaperCredential(platform, withoutStatus))).toBe('ERR_QR_PAPER_STATUS_REQUIRED');
  });

  it('a tampered signature or claim fails issuer_signature and is not marked paper', async () => {
    const { credential, verify } = await setup();
    const flipped = new Uint8Array(credential);
    flipped[flipped.length - 1] = (flipped[flipped.length - 1] as number) ^ 1;
    const bad = await verify(await encodePaperQr(platform, flipped));
    expect(failedCode(bad)).toBe('ERR_COSE_SIGNATURE_INVALID');
    expect(bad.presentation).toBeUndefined();
    const name = new TextEncoder().encode(RESIDENT.full_name);
    const at = Buffer.from(credential).indexOf(Buffer.from(name));
    const renamed = new Uint8Array(credential);
    renamed.set(new TextEncoder().encode('李'), at);
    expect(failedCode(await verify(await encodePaperQr(platform, renamed)))).toBe('ERR_COSE_SIGNATURE_INVALID');
  });

  it('purposes never cross: a phone purpose without cnf, a paper purpose with cnf', async () => {
    const { world, verify } = await setup();
    const hotelOnPaper = await world.signRaw(paperCwt({ purpose: 'identity_basic' }));
    expect(failedCode(await verify(await encodePaperQr(platform, hotelOnPaper)))).toBe('ERR_DOCTYPE_UNEXPECTED');
    // the issuer signs a paper purpose beside a holder key: shown with a proof, the phone path refuses it
    const phoneCwt = decodeCbor(parseQrCredential(await world.issue('identity_basic')).message.payload as Uint8Array);
    const cnf = (phoneCwt as Map<number, CborValue>).get(CWT_CLAIM.cnf) as CborValue;
    const paperWithCnf = await world.signRaw(paperCwt({ set: [[CWT_CLAIM.cnf, cnf]] }));
    const shown = await presentQr(platform, { credential: paperWithCnf, deviceSigner: world.device, now: NOW });
    expect(failedCode(await verify(shown))).toBe('ERR_DOCTYPE_UNEXPECTED');
    expect(
      await rejectionCode(
        issueQrCredential(platform, {
          signer: world.issuerSigner,
          kid: world.kid,
          typeId: 'cn.gov.eid.1',
          purpose: 'paper_basic',
          claims: RESIDENT,
          holderPublicKey: world.device.publicKey,
          iat: PAPER_ISSUED_AT,
          exp: PAPER_EXPIRES_AT,
        }),
      ),
    ).toBe('ERR_DOCTYPE_UNEXPECTED');
    expect(await rejectionCode(world.issuePaper('hotel'))).toBe('ERR_DOCTYPE_UNEXPECTED');
  });
});
