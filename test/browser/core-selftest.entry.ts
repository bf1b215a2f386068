/**
 * Runs in Chromium: the core and the web platform, bundled for the browser, exercise their main
 * paths and report each case to the Node test that drives the page.
 */
import {
  certificateKid,
  claimsFromJson,
  computeCitizenIdCheckDigit,
  createDeviceResponse,
  createDocumentSignerCertificate,
  createIacaRootCertificate,
  createOid4vpSessionTranscript,
  createStaticTrustSource,
  decodeCbor,
  decodeCoseSign1,
  encodeCbor,
  encodeCoseSign1,
  encodeDeviceResponse,
  issueMdoc,
  issueQrCredential,
  issueSdJwtVc,
  issueStatusListJwt,
  isZzError,
  type Platform,
  presentMdoc,
  presentQr,
  presentSdJwtVc,
  StatusList,
  SUITE_IDS,
  type SuiteId,
  signCoseSign1,
  toHex,
  toMdocNameSpaces,
  toSdJwtClaims,
  utf8Encode,
  verifyCoseSign1,
  verifyPresentation,
  verifyStatusListJwt,
} from '@zhengzhao/core';
import { createWebPlatform, generateNonExtractableSigner } from '@zhengzhao/crypto-web';

export interface SelfTestCase {
  readonly name: string;
  readonly ok: boolean;
  readonly detail?: string;
}

type Case = (platform: Platform) => Promise<void>;

function assert(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(message);
}

async function rejectsWith(promise: Promise<unknown>, code: string): Promise<void> {
  const outcome = await promise.then(
    () => 'resolved',
    (error: unknown) => error,
  );
  assert(isZzError(outcome) && outcome.code === code, `expected ${code}, got ${String(outcome)}`);
}

const cases: Record<string, Case> = {};

for (const suite of SUITE_IDS) {
  cases[`COSE_Sign1 ${suite} sign, encode, decode, verify; tamper rejected`] = async (platform) => {
    const signer = await platform.suite(suite).generateSigner();
    const message = await signCoseSign1(signer, { payload: utf8Encode('浏览器中的证照') });
    const decoded = decodeCoseSign1(encodeCoseSign1(message, { tagged: true }));
    await verifyCoseSign1(platform, decoded, signer.publicKey);
    const tampered = { ...decoded, payload: utf8Encode('tampered') };
    await rejectsWith(verifyCoseSign1(platform, tampered, signer.publicKey), 'ERR_COSE_SIGNATURE_INVALID');
  };
}

cases['non-extractable device key signs COSE'] = async (platform) => {
  const signer = await generateNonExtractableSigner();
  assert(signer.keyPair.privateKey.extractable === false, 'private key must not be extractable');
  const message = await signCoseSign1(signer, { payload: utf8Encode('device'), detached: true });
  await verifyCoseSign1(platform, message, signer.publicKey, { detachedPayload: utf8Encode('device') });
};

const NOW = new Date('2026-06-01T08:00:00Z');
const UNTIL = new Date('2026-12-01T00:00:00Z');
const TYPE = 'cn.gov.eid.1';
const DAY = 86_400_000;

/** An IACA root and a document signer made in the browser (test-kit is Node-only). */
async function browserAuthority(platform: Platform, suite: SuiteId) {
  const rootSigner = await platform.suite(suite).generateSigner();
  const dsSigner = await platform.suite(suite).generateSigner();
  const subject = { country: 'CN', stateOrProvince: 'Zhejiang', organization: 'Browser Test PSB' };
  const root = await createIacaRootCertificate({
    platform,
    signer: rootSigner,
    subject: { ...subject, commonName: 'Browser Test IACA' },
    notBefore: new Date(NOW.getTime() - DAY),
    notAfter: new Date(NOW.getTime() + 3650 * DAY),
    issuerAlternativeName: { uri: 'https://issuer.zhengzhao.test' },
  });
  const ds = await createDocumentSignerCertificate({
    platform,
    issuerSigner: rootSigner,
    issuerCertificate: root,
    subjectPublicKey: dsSigner.publicKey,
    subject: { ...subject, commonName: 'Browser Test DS' },
    notBefore: new Date(NOW.getTime() - DAY),
    notAfter: new Date(NOW.getTime() + 365 * DAY),
  });
  const trust = createStaticTrustSource({ platform, roots: [root], documentSigners: [ds] });
  return { dsSigner, chain: [ds], kid: await certificateKid(platform, ds), trust };
}

const body = '33010619900307124';
const claims = claimsFromJson(TYPE, {
  full_name: '王丽',
  family_name: '王',
  given_name: '丽',
  sex: 2,
  ethnicity: '01',
  birth_date: '1990-03-07',
  resident_address: '浙江省杭州市西湖区文三路 1 号',
  id_number: body + computeCitizenIdCheckDigit(body),
  issuing_authority: '杭州市公安局西湖分局',
  issue_date: '2020-01-01',
  expiry_date: '2040-01-01',
  age_over_18: true,
});

for (const suite of SUITE_IDS) {
  cases[`mdoc ${suite}: certificates, issue, present, verify in the browser`] = async (platform) => {
    const authority = await browserAuthority(platform, suite);
    const device = await platform.suite(suite).generateSigner();
    const issuerSigned = await issueMdoc(platform, {
      signer: authority.dsSigner,
      x5chain: authority.chain,
      docType: TYPE,
      nameSpaces: toMdocNameSpaces(TYPE, claims),
      deviceKey: device.publicKey,
      signed: NOW,
      validFrom: NOW,
      validUntil: UNTIL,
    });
    const sessionTranscript = await createOid4vpSessionTranscript(platform, {
      clientId: 'x509_san_dns:gov.example.cn',
      nonce: 'n',
      jwkThumbprint: null,
      responseUri: 'https://gov.example.cn/post',
    });
    const document = await presentMdoc(platform, {
      issuerSigned,
      deviceSigner: device,
      sessionTranscript,
      docType: TYPE,
      disclose: { [TYPE]: ['full_name'] },
    });
    const response = encodeDeviceResponse(createDeviceResponse([document]));
    const report = await verifyPresentation(platform, response, {
      trust: authority.trust,
      now: NOW,
      sessionTranscript,
    });
    assert(report.valid, `mdoc report: ${JSON.stringify(report.checks)}`);
    assert(report.claims?.[TYPE]?.full_name === '王丽', 'disclosed name');
  };

  cases[`SD-JWT VC ${suite}: issue, present with key binding, verify in the browser`] = async (platform) => {
    const authority = await browserAuthority(platform, suite);
    const device = await platform.suite(suite).generateSigner();
    const sdJwt = await issueSdJwtVc(platform, {
      signer: authority.dsSigner,
      x5c: authority.chain,
      vct: TYPE,
      claims: toSdJwtClaims(claims),
      selectivelyDisclosable: Object.keys(claims),
      holderPublicKey: device.publicKey,
      exp: UNTIL,
      now: NOW,
    });
    const presentation = await presentSdJwtVc(platform, sdJwt, {
      disclose: ['age_over_18'],
      holderSigner: device,
      audience: 'https://gov.example.cn',
      nonce: 'n',
      now: NOW,
    });
    const report = await verifyPresentation(platform, presentation, {
      trust: authority.trust,
      now: NOW,
      audience: 'https://gov.example.cn',
      nonce: 'n',
    });
    assert(report.valid, `sd-jwt report: ${JSON.stringify(report.checks)}`);
  };

  cases[`ZZ1 QR ${suite}: issue, present, verify in the browser`] = async (platform) => {
    const authority = await browserAuthority(platform, suite);
    const device = await platform.suite(suite).generateSigner();
    const credential = await issueQrCredential(platform, {
      signer: authority.dsSigner,
      kid: authority.kid,
      typeId: TYPE,
      purpose: 'hotel',
      claims,
      holderPublicKey: device.publicKey,
      iat: NOW,
      exp: UNTIL,
    });
    const text = await presentQr(platform, { credential, deviceSigner: device, now: NOW });
    const report = await verifyPresentation(platform, text, { trust: authority.trust, now: NOW });
    assert(report.valid, `qr report: ${JSON.stringify(report.checks)}`);
    const stale = await verifyPresentation(platform, text, {
      trust: authority.trust,
      now: new Date(NOW.getTime() + 300_000),
    });
    assert(
      stale.checks.some((c) => c.code === 'ERR_FRESHNESS_STALE'),
      'stale QR refused',
    );
  };
}

cases['Token Status List JWT: issue and verify in the browser'] = async (platform) => {
  const authority = await browserAuthority(platform, 'ES256');
  const list = new StatusList(1 << 16, 2);
  list.set(42, 1);
  const uri = 'https://issuer.example.cn/status/1';
  const token = await issueStatusListJwt(platform, authority.dsSigner, {
    uri,
    list,
    issuedAt: NOW,
    certificateChain: authority.chain,
  });
  const verified = await verifyStatusListJwt(platform, token, { trust: authority.trust, expectedUri: uri, now: NOW });
  assert(verified.list.get(42) === 1 && verified.list.get(41) === 0, 'status entries');
};

cases['deterministic CBOR round trip'] = async () => {
  const bytes = encodeCbor(
    new Map<string | number, unknown>([
      ['b', 1],
      [1, 'a'],
    ]) as never,
  );
  assert(toHex(bytes) === 'a20161616162' + '01', `got ${toHex(bytes)}`);
  assert((decodeCbor(bytes) as Map<unknown, unknown>).get('b') === 1, 'decoded value');
};

cases['bounded ZLIB inflate refuses a bomb'] = async (platform) => {
  const bomb = await platform.deflate(new Uint8Array(8 * 1024 * 1024));
  await rejectsWith(
    Promise.resolve().then(() => platform.inflate(bomb, 1024 * 1024)),
    'ERR_COMPRESSION_LIMIT',
  );
};

export async function runSelfTest(): Promise<SelfTestCase[]> {
  const platform = createWebPlatform();
  const results: SelfTestCase[] = [];
  for (const [name, run] of Object.entries(cases)) {
    try {
      await run(platform);
      results.push({ name, ok: true });
    } catch (error) {
      results.push({
        name,
        ok: false,
        detail: error instanceof Error ? `${error.name}: ${error.message}` : String(error),
      });
    }
  }
  return results;
}

(globalThis as { runSelfTest?: typeof runSelfTest }).runSelfTest = runSelfTest;
