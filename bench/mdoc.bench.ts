/**
 * mdoc benchmarks (ISO/IEC 18013-5): (a) our verifyDeviceResponse against the @auth0/mdl
 * Verifier on the same DeviceResponse; (b) mdoc issuance with a ~10 KB portrait against a raw
 * node:crypto ES256 signature, both measured in this run.
 */
import { createSign, generateKeyPairSync } from 'node:crypto';
import { Verifier } from '@auth0/mdl';
import {
  createDeviceResponse,
  createOid4vpSessionTranscript,
  encodeDeviceResponse,
  encodeSessionTranscriptBytes,
  fullDate,
  issueMdoc,
  presentMdoc,
  type TrustSource,
  verifyDeviceResponse,
} from '../packages/core/src/index.js';
import { createTestPki } from '../packages/core/test/mdoc/auth0-interop-helpers.js';
import { createFakeTrust, platform } from '../packages/core/test/mdoc/mdoc-fixtures.js';
import { compare, report } from './lib.js';

const MDL = 'org.iso.18013.5.1.mDL';
const NS = 'org.iso.18013.5.1';

export async function run(): Promise<void> {
  const pki = await createTestPki();
  const device = await platform.suite('ES256').generateSigner();
  const now = new Date();
  const portrait = platform.randomBytes(10 * 1024);
  const issueOptions = {
    signer: pki.dsSigner,
    x5chain: [pki.dsDer],
    docType: MDL,
    nameSpaces: {
      [NS]: {
        family_name: 'Wang',
        given_name: 'Fang',
        birth_date: fullDate('1990-05-17'),
        issue_date: fullDate('2026-01-01'),
        expiry_date: fullDate('2036-01-01'),
        issuing_country: 'CN',
        issuing_authority: 'Beijing PSB',
        document_number: 'E12345678',
        age_over_18: true,
        portrait,
      },
    },
    deviceKey: device.publicKey,
    signed: new Date(now.getTime() - 60_000),
    validFrom: new Date(now.getTime() - 60_000),
    validUntil: new Date(now.getTime() + 30 * 24 * 3600_000),
  };
  const transcript = await createOid4vpSessionTranscript(platform, {
    clientId: 'x509_san_dns:verifier.example.org',
    nonce: 'bench-nonce',
    jwkThumbprint: null,
    responseUri: 'https://verifier.example.org/post',
  });
  const issuerSigned = await issueMdoc(platform, issueOptions);
  const document = await presentMdoc(platform, {
    issuerSigned,
    deviceSigner: device,
    sessionTranscript: transcript,
    docType: MDL,
  });
  const bytes = encodeDeviceResponse(createDeviceResponse([document]));
  const transcriptBytes = encodeSessionTranscriptBytes(transcript);

  // (b) issuance with a 10 KB portrait vs raw ES256 signing
  const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const message = platform.randomBytes(64);
  const issue = await compare(
    () => issueMdoc(platform, issueOptions),
    () => createSign('SHA256').update(message).sign({ key: privateKey, dsaEncoding: 'ieee-p1363' }),
  );
  report(
    'mdoc issueMdoc (10 KB portrait) ÷ raw node:crypto ES256 sign',
    `${issue.ratio.toFixed(2)} (${Math.round(issue.subject)}/s)`,
    '≥ 0.35',
    issue.ratio >= 0.35,
  );

  // (a) verification. @auth0/mdl validates the DS certificate against the root on every call;
  // ours is measured twice: with the static trust source doing the same, and with the trust
  // decision for the DS certificate already taken (a verifier's trust cache).
  const verifier = new Verifier([pki.rootPem]);
  await verifier.verify(bytes, { encodedSessionTranscript: transcriptBytes });
  const auth0 = () => verifier.verify(bytes, { encodedSessionTranscript: transcriptBytes });
  const trusts: [string, TrustSource][] = [
    ['DS key already trusted', createFakeTrust([[pki.dsDer, pki.dsSigner.publicKey]])],
  ];
  trusts.push(['chain validated per call', pki.trustSource]);
  for (const [name, trust] of trusts) {
    const ours = await verifyDeviceResponse(platform, bytes, { trust, now, sessionTranscript: transcript });
    if (!ours.valid) {
      report(`mdoc verifyDeviceResponse ÷ @auth0/mdl Verifier (${name})`, 'not valid', '≥ 10×', undefined);
      continue;
    }
    const verify = await compare(
      () => verifyDeviceResponse(platform, bytes, { trust, now, sessionTranscript: transcript }),
      auth0,
    );
    report(
      `mdoc verifyDeviceResponse ÷ @auth0/mdl Verifier (${name})`,
      `${verify.ratio.toFixed(1)}× (${Math.round(verify.subject)}/s)`,
      '≥ 10×',
      verify.ratio >= 10,
    );
  }
}
