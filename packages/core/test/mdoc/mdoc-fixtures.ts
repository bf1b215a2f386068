import { createNodePlatform } from '@zhengzhao/crypto-node';
import {
  type CborValue,
  type ExportableSigner,
  fullDate,
  type MdocIssuerSigned,
  type MdocSessionTranscript,
  type PublicKey,
  type TrustResolution,
  type TrustSource,
  tdate,
  toHex,
  utf8Encode,
  ZzError,
} from '../../src/index.js';
import { issueMdoc } from '../../src/mdoc/issue-mdoc.js';

export const platform = createNodePlatform();

export const DOC_TYPE = 'cn.gov.eid.1';
export const NS = 'cn.gov.eid.1';
export const SIGNED = new Date('2026-01-01T00:00:00Z');
export const VALID_UNTIL = new Date('2031-01-01T00:00:00Z');
export const NOW = new Date('2026-06-01T12:00:00Z');

/** A small in-test TrustSource: fixed fake "certificates" (any bytes) resolve to known keys. */
export function createFakeTrust(entries: ReadonlyArray<readonly [Uint8Array, PublicKey]>): TrustSource {
  const byHex = new Map(entries.map(([cert, key]) => [toHex(cert), key]));
  const resolve = (id: Uint8Array): TrustResolution => {
    const publicKey = byHex.get(toHex(id));
    if (!publicKey) throw new ZzError('ERR_TRUST_UNTRUSTED_ROOT', 'not a trusted test issuer');
    return { publicKey, issuer: { name: 'CN=Test DS', suite: publicKey.suite, country: 'CN' } };
  };
  return {
    resolveChain: async (chain) => resolve(chain[0] as Uint8Array),
    resolveKid: async (kid) => resolve(kid),
  };
}

export const FAKE_DS_CERT = utf8Encode('fake DS certificate #1');
export const OTHER_DS_CERT = utf8Encode('fake DS certificate #2');

export interface Fixture {
  readonly issuer: ExportableSigner;
  readonly other: ExportableSigner;
  readonly device: ExportableSigner;
  readonly trust: TrustSource;
  readonly issuerSigned: MdocIssuerSigned;
  readonly transcript: MdocSessionTranscript;
}

export const ELEMENTS = {
  family_name: '张',
  given_name: '三',
  birth_date: fullDate('1990-05-17'),
  issue_date: tdate(new Date('2026-01-01T08:30:00.123Z')),
  document_number: 'E12345678',
  age_over_18: true,
  height: 175,
  portrait: new Uint8Array(300).fill(7),
  address: new Map<CborValue, CborValue>([
    ['city', '北京'],
    ['zip', 100000],
  ]),
};

export async function createFixture(options: { status?: { idx: number; uri: string } } = {}): Promise<Fixture> {
  const suite = platform.suite('ES256');
  const [issuer, other, device] = [
    await suite.generateSigner(),
    await suite.generateSigner(),
    await suite.generateSigner(),
  ];
  const trust = createFakeTrust([
    [FAKE_DS_CERT, issuer.publicKey],
    [OTHER_DS_CERT, other.publicKey],
  ]);
  const issuerSigned = await issueMdoc(platform, {
    signer: issuer,
    x5chain: [FAKE_DS_CERT],
    docType: DOC_TYPE,
    nameSpaces: { [NS]: ELEMENTS, 'cn.gov.extra': { note: 'x' } },
    deviceKey: device.publicKey,
    signed: SIGNED,
    validFrom: SIGNED,
    validUntil: VALID_UNTIL,
    ...(options.status ? { status: options.status } : {}),
  });
  const transcript: MdocSessionTranscript = [null, null, ['OpenID4VPHandover', new Uint8Array(32).fill(1)]];
  return { issuer, other, device, trust, issuerSigned, transcript };
}
