import {
  createStaticTrustSource,
  createX509Certificate,
  type EcPrivateJwk,
  type ExportableSigner,
  encodeBase64url,
  encodeCertificatePem,
  issueCatalogCredential,
  type Platform,
  publicKeyToJwk,
  RESIDENT_ID_TYPE_ID,
  type StatusReference,
  type TrustSource,
  validateClaims,
  X509_OID,
} from '@zhengzhao/core';
import { syntheticResidentClaims, type TestAuthority } from '@zhengzhao/test-kit';
import {
  type ProximityRequest,
  type ProximitySession,
  type ProximitySessionEnd,
  startProximitySession,
} from '@zhengzhao/wallet';
import { WebSocket } from 'ws';
import { createSyntheticPortrait } from '../../packages/core/test/qr/synthetic-portrait.js';

const DAY = 86_400_000;

/** The counter's reader identity: its own root, a reader certificate (id-mdlReaderAuth) and its key as JWK. */
export interface ReaderFixture {
  readonly rootDer: Uint8Array;
  /** Leaf only (the readerAuth x5chain). */
  readonly chain: readonly Uint8Array[];
  readonly privateJwk: EcPrivateJwk;
  /** The subject organisation (O) of the reader certificate. */
  readonly certificateOrganisation: string;
  /** What a wallet configures to trust this reader: the root, id-mdlReaderAuth on the leaf. */
  readonly holderTrust: TrustSource;
  /** reader.json (the app's format), with members replaced or removed by `overrides` (undefined removes). */
  readerJson(overrides?: Readonly<Record<string, unknown>>): string;
}

export interface ReaderFixtureOptions {
  readonly organisation?: string;
  /** Leave id-mdlReaderAuth out of the leaf. */
  readonly withoutReaderEku?: boolean;
  /** Validity of the leaf in days around `now` (default -1 … 365). */
  readonly leafDays?: readonly [number, number];
}

/** The organisation names reader.json gives the counter. */
export const READER_ORGANISATION = { 'zh-CN': '正照测试酒店', en: 'Zhengzhao Test Hotel' } as const;

/**
 * A relying party's reader PKI made with the core's certificate builder: a self-signed root and
 * a leaf for reader authentication (ISO/IEC 18013-5 §9.1.4, Annex B.1.7 id-mdlReaderAuth), its
 * private key exported as an EC P-256 JWK for reader.json.
 */
export async function createReaderFixture(
  platform: Platform,
  now: Date,
  options: ReaderFixtureOptions = {},
): Promise<ReaderFixture> {
  const organisation = options.organisation ?? READER_ORGANISATION.en;
  const [fromDays, toDays] = options.leafDays ?? [-1, 365];
  const suite = platform.suite('ES256');
  const rootKey = await suite.generateSigner();
  const leafKey: ExportableSigner = await suite.generateSigner();
  const rootSubject = { country: 'CN', organization: organisation, commonName: `${organisation} Reader Root` };
  const rootDer = await createX509Certificate({
    platform,
    signer: rootKey,
    issuer: rootSubject,
    subject: rootSubject,
    subjectPublicKey: rootKey.publicKey,
    notBefore: new Date(now.getTime() - 2 * DAY),
    notAfter: new Date(now.getTime() + 3650 * DAY),
    extensions: { basicConstraints: { ca: true, pathLength: 0 }, keyUsage: ['keyCertSign', 'cRLSign'] },
  });
  const leafDer = await createX509Certificate({
    platform,
    signer: rootKey,
    issuer: rootSubject,
    subject: { country: 'CN', organization: organisation, commonName: 'Front desk counter' },
    subjectPublicKey: leafKey.publicKey,
    notBefore: new Date(now.getTime() + fromDays * DAY),
    notAfter: new Date(now.getTime() + toDays * DAY),
    extensions: {
      keyUsage: ['digitalSignature'],
      ...(!options.withoutReaderEku && { extendedKeyUsage: [X509_OID.mdlReaderAuth] }),
    },
  });
  const privateJwk: EcPrivateJwk = {
    ...publicKeyToJwk(leafKey.publicKey),
    d: encodeBase64url(leafKey.exportPrivateScalar()),
  };
  const chain = [leafDer];
  return {
    rootDer,
    chain,
    privateJwk,
    certificateOrganisation: organisation,
    holderTrust: createStaticTrustSource({
      platform,
      roots: [rootDer],
      leafExtendedKeyUsage: X509_OID.mdlReaderAuth,
    }),
    readerJson(overrides = {}) {
      const config: Record<string, unknown> = {
        certificate_chain: chain.map((der) => encodeCertificatePem(der)),
        private_key_jwk: privateJwk,
        organisation: READER_ORGANISATION,
      };
      for (const [key, value] of Object.entries(overrides)) {
        if (value === undefined) delete config[key];
        else config[key] = value;
      }
      return JSON.stringify(config);
    },
  };
}

/** A holder's mdoc credential with a full portrait, bound to its device key. */
export interface ProximityHolder {
  readonly mdoc: Uint8Array;
  readonly deviceSigner: ExportableSigner;
  /** The elements the credential holds. */
  readonly elements: readonly string[];
  /** The portrait it carries (JPEG). */
  readonly portrait: Uint8Array;
}

/** Issues the synthetic resident's mdoc (core `issueCatalogCredential`) with a 240×300 portrait. */
export async function createProximityHolder(
  platform: Platform,
  authority: TestAuthority,
  options: { readonly now: Date; readonly status?: StatusReference },
): Promise<ProximityHolder> {
  const deviceSigner = await platform.suite('ES256').generateSigner();
  const portrait = createSyntheticPortrait(240, 300, 60);
  const claims = validateClaims(RESIDENT_ID_TYPE_ID, { ...syntheticResidentClaims(), portrait });
  const mdoc = (await issueCatalogCredential(platform, {
    format: 'mdoc',
    signer: authority.documentSigner.signer,
    certificateChain: authority.chain,
    typeId: RESIDENT_ID_TYPE_ID,
    claims,
    deviceKey: deviceSigner.publicKey,
    issuedAt: new Date(options.now.getTime() - 3_600_000),
    expiresAt: new Date(options.now.getTime() + 365 * DAY),
    ...(options.status && { status: options.status }),
  })) as Uint8Array;
  return { mdoc, deviceSigner, elements: Object.keys(claims), portrait };
}

/** The holder's side of one session, run in Node by the wallet engine over `ws`. */
export interface TestHolderSession {
  readonly session: ProximitySession;
  readonly engagementQr: string;
  /** The counter's request as the wallet read it (reader trusted or not, elements). */
  readonly request: Promise<ProximityRequest>;
  readonly ended: Promise<ProximitySessionEnd>;
}

/** Starts `startProximitySession` against the relay; the wallet trusts readers under `trust`. */
export async function startTestHolder(
  platform: Platform,
  relayWsUrl: string,
  trust: TrustSource,
): Promise<TestHolderSession> {
  const session = await startProximitySession({ platform, relayBaseUrl: relayWsUrl, webSocket: WebSocket, trust });
  const request = session.waitForRequest();
  request.catch(() => undefined);
  return { session, engagementQr: session.engagementQr, request, ended: session.ended };
}

/** The holder approves every requested element the credential holds (what a "同意" tap does). */
export async function approveAll(holder: ProximityHolder, test: TestHolderSession): Promise<string[]> {
  const request = await test.request;
  const document = request.documents.find((entry) => entry.docType === RESIDENT_ID_TYPE_ID);
  const requested = document?.elements[RESIDENT_ID_TYPE_ID]?.map((element) => element.identifier) ?? [];
  const approved = requested.filter((element) => holder.elements.includes(element));
  await test.session.respond({
    documents: [
      { issuerSigned: holder.mdoc, deviceSigner: holder.deviceSigner, elements: { [RESIDENT_ID_TYPE_ID]: approved } },
    ],
  });
  return approved;
}
