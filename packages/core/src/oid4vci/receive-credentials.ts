import { isZzError, ZzError } from '../errors/zz-error.js';
import type { Signer } from '../platform/crypto-suite.js';
import type { Platform } from '../platform/platform.js';
import { SUITES } from '../platform/suites.js';
import { createProofJwt } from './create-proof-jwt.js';
import { validateCredentialOffer } from './credential-offer.js';
import { callIssuer, type Oid4vciFetch } from './issuer-http.js';
import { wellKnownUrl } from './issuer-url.js';
import { parseCredentialOffer, parseCredentialOfferLink } from './parse-credential-offer.js';
import { parseAuthorizationServerMetadata, parseCredentialIssuerMetadata } from './parse-issuer-metadata.js';
import {
  AUTHORIZATION_SERVER_WELL_KNOWN,
  CREDENTIAL_ISSUER_WELL_KNOWN,
  type CredentialIssuerMetadata,
  type CredentialOffer,
  PRE_AUTHORIZED_CODE_GRANT,
  type PreAuthorizedCodeGrant,
} from './types.js';

export interface ReceiveCredentialsOptions {
  /** The offer: a link (by value or by reference), its JSON text, or the object. */
  readonly offer: string | CredentialOffer;
  /** The transaction code the holder typed (required when the offer has `tx_code`). */
  readonly txCode?: string;
  /** The device key every copy is bound to (one proof per copy, all with this key). */
  readonly deviceSigner: Signer;
  /** Which offered configurations to fetch; default all offered ones the issuer describes. */
  readonly configurationIds?: readonly string[];
  /** Copies per configuration; default and upper bound the issuer's `batch_size` (1 without batch). */
  readonly batchSize?: number;
  readonly fetch: Oid4vciFetch;
  /** The time proofs are dated with (`iat`). */
  readonly now: () => Date;
  /** Largest credential response accepted, in characters; default 4 MiB. */
  readonly maxResponseLength?: number;
}

/** The copies of one configuration, as the issuer returned them (`credential` strings, §8.3). */
export interface ReceivedCredentialBatch {
  readonly configurationId: string;
  /** `mso_mdoc`, `dc+sd-jwt`, `zz1_qr`… from the issuer metadata. */
  readonly format: string;
  readonly credentials: readonly string[];
  readonly notificationId?: string;
}

export interface ReceivedCredentials {
  readonly credentialIssuer: string;
  readonly metadata: CredentialIssuerMetadata;
  readonly batches: readonly ReceivedCredentialBatch[];
}

const METADATA_MAX = 256 * 1024;
const SMALL_MAX = 16 * 1024;

/**
 * The wallet side of the pre-authorized code flow (OpenID4VCI 1.0 §3.5): reads the offer, fetches
 * the issuer metadata (§12.2) and the authorization server metadata (RFC 8414), redeems the
 * pre-authorized code with the `tx_code` at the token endpoint (§6), then for each configuration
 * gets a `c_nonce` (§7) and sends one proof per copy in `proofs.jwt` (§8.2). An `invalid_nonce`
 * answer is retried once with a fresh nonce. Issuer errors keep their OAuth meaning as catalogue
 * codes (`ERR_OID4VCI_INVALID_GRANT`…).
 */
export async function receiveCredentials(
  platform: Platform,
  options: ReceiveCredentialsOptions,
): Promise<ReceivedCredentials> {
  const offer = await resolveOffer(options);
  const grant = offer.grants?.[PRE_AUTHORIZED_CODE_GRANT];
  if (!grant) throw new ZzError('ERR_OID4VCI_OFFER_MALFORMED', 'Offer has no pre-authorized code grant');
  checkTxCode(grant, options.txCode);
  const issuer = offer.credential_issuer;
  const metadata = parseCredentialIssuerMetadata(
    (
      await callIssuer(options.fetch, wellKnownUrl(issuer, CREDENTIAL_ISSUER_WELL_KNOWN), {
        method: 'GET',
        maxLength: METADATA_MAX,
      })
    ).body,
    issuer,
  );
  const ids = selectConfigurations(offer, metadata, options.configurationIds);
  const tokenEndpoint = await findTokenEndpoint(options.fetch, issuer, metadata, grant);
  const accessToken = await redeem(options.fetch, tokenEndpoint, grant, options.txCode);
  const maxBatch = metadata.batch_credential_issuance?.batch_size ?? 1;
  const copies = Math.min(options.batchSize ?? maxBatch, maxBatch);
  if (!Number.isSafeInteger(copies) || copies < 1)
    throw new ZzError('ERR_INPUT_INVALID', 'batchSize must be a positive integer');
  const batches: ReceivedCredentialBatch[] = [];
  for (const id of ids) {
    const configuration = metadata.credential_configurations_supported[id];
    const algs = configuration?.proof_types_supported?.jwt?.proof_signing_alg_values_supported;
    if (algs && !algs.includes(SUITES[options.deviceSigner.suite].joseAlg)) {
      throw new ZzError(
        'ERR_CRYPTO_UNSUPPORTED_ALG',
        `Issuer does not accept ${options.deviceSigner.suite} key proofs for ${id}`,
      );
    }
    const request = async () => requestCredentials(platform, options, metadata, accessToken, id, copies);
    let body: Record<string, unknown>;
    try {
      body = await request();
    } catch (error) {
      if (!isZzError(error, 'ERR_OID4VCI_INVALID_NONCE')) throw error;
      body = await request();
    }
    batches.push(readCredentialResponse(body, id, configuration?.format ?? '', copies));
  }
  return { credentialIssuer: issuer, metadata, batches };
}

async function resolveOffer(options: ReceiveCredentialsOptions): Promise<CredentialOffer> {
  if (typeof options.offer !== 'string') return validateCredentialOffer(options.offer);
  const text = options.offer.trim();
  if (text.startsWith('{')) return parseCredentialOffer(text);
  const link = parseCredentialOfferLink(text);
  if ('credentialOffer' in link) return link.credentialOffer;
  const { body } = await callIssuer(options.fetch, link.credentialOfferUri, { method: 'GET', maxLength: SMALL_MAX });
  return validateCredentialOffer(body);
}

function checkTxCode(grant: PreAuthorizedCodeGrant, txCode: string | undefined): void {
  if (grant.tx_code === undefined) {
    if (txCode !== undefined) throw new ZzError('ERR_INPUT_INVALID', 'This offer takes no transaction code');
    return;
  }
  if (typeof txCode !== 'string' || txCode.length === 0)
    throw new ZzError('ERR_INPUT_INVALID', 'This offer needs a transaction code');
  if (grant.tx_code.length !== undefined && txCode.length !== grant.tx_code.length) {
    throw new ZzError('ERR_INPUT_INVALID', `The transaction code has ${grant.tx_code.length} characters`);
  }
  if (grant.tx_code.input_mode !== 'text' && !/^\d+$/.test(txCode)) {
    throw new ZzError('ERR_INPUT_INVALID', 'The transaction code is numeric');
  }
}

function selectConfigurations(
  offer: CredentialOffer,
  metadata: CredentialIssuerMetadata,
  wanted?: readonly string[],
): string[] {
  const known = offer.credential_configuration_ids.filter(
    (id) => metadata.credential_configurations_supported[id] !== undefined,
  );
  if (wanted === undefined) {
    if (known.length === 0)
      throw new ZzError('ERR_OID4VCI_METADATA_INVALID', 'Issuer describes none of the offered configurations');
    return known;
  }
  for (const id of wanted) {
    if (!known.includes(id)) throw new ZzError('ERR_INPUT_INVALID', 'A requested configuration is not in the offer');
  }
  return [...wanted];
}

async function findTokenEndpoint(
  fetchFn: Oid4vciFetch,
  issuer: string,
  metadata: CredentialIssuerMetadata,
  grant: PreAuthorizedCodeGrant,
): Promise<string> {
  const server = grant.authorization_server ?? metadata.authorization_servers?.[0] ?? issuer;
  if (metadata.authorization_servers !== undefined && !metadata.authorization_servers.includes(server)) {
    throw new ZzError('ERR_OID4VCI_METADATA_INVALID', 'Offer names an authorization server the issuer does not list');
  }
  const url = wellKnownUrl(server, AUTHORIZATION_SERVER_WELL_KNOWN);
  const { body } = await callIssuer(fetchFn, url, { method: 'GET', maxLength: METADATA_MAX });
  return parseAuthorizationServerMetadata(body, server).token_endpoint;
}

async function redeem(
  fetchFn: Oid4vciFetch,
  tokenEndpoint: string,
  grant: PreAuthorizedCodeGrant,
  txCode?: string,
): Promise<string> {
  const form = new URLSearchParams({
    grant_type: PRE_AUTHORIZED_CODE_GRANT,
    'pre-authorized_code': grant['pre-authorized_code'],
  });
  if (txCode !== undefined) form.set('tx_code', txCode);
  const { body } = await callIssuer(fetchFn, tokenEndpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: form.toString(),
    maxLength: SMALL_MAX,
  });
  if (typeof body.access_token !== 'string' || body.access_token.length === 0) {
    throw new ZzError('ERR_OID4VCI_ISSUER_RESPONSE', 'Token response has no access_token');
  }
  if (typeof body.token_type !== 'string' || body.token_type.toLowerCase() !== 'bearer') {
    throw new ZzError('ERR_OID4VCI_ISSUER_RESPONSE', 'Only Bearer access tokens are supported');
  }
  return body.access_token;
}

async function requestCredentials(
  platform: Platform,
  options: ReceiveCredentialsOptions,
  metadata: CredentialIssuerMetadata,
  accessToken: string,
  configurationId: string,
  copies: number,
): Promise<Record<string, unknown>> {
  let nonce: string | undefined;
  if (metadata.nonce_endpoint !== undefined) {
    const { body } = await callIssuer(options.fetch, metadata.nonce_endpoint, { method: 'POST', maxLength: SMALL_MAX });
    if (typeof body.c_nonce !== 'string' || body.c_nonce.length === 0) {
      throw new ZzError('ERR_OID4VCI_ISSUER_RESPONSE', 'Nonce response has no c_nonce');
    }
    nonce = body.c_nonce;
  }
  const proofs: string[] = [];
  for (let i = 0; i < copies; i++) {
    proofs.push(
      await createProofJwt(platform, {
        signer: options.deviceSigner,
        audience: metadata.credential_issuer,
        now: options.now(),
        ...(nonce !== undefined ? { nonce } : {}),
      }),
    );
  }
  const { body } = await callIssuer(options.fetch, metadata.credential_endpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${accessToken}` },
    body: JSON.stringify({ credential_configuration_id: configurationId, proofs: { jwt: proofs } }),
    maxLength: options.maxResponseLength ?? 4 * 1024 * 1024,
  });
  return body;
}

function readCredentialResponse(
  body: Record<string, unknown>,
  configurationId: string,
  format: string,
  copies: number,
): ReceivedCredentialBatch {
  const list = body.credentials;
  if (!Array.isArray(list) || list.length !== copies) {
    throw new ZzError('ERR_OID4VCI_ISSUER_RESPONSE', 'Credential response does not carry one credential per proof');
  }
  const credentials = list.map((entry) => {
    const credential = (entry as { credential?: unknown } | null)?.credential;
    if (typeof credential !== 'string' || credential.length === 0) {
      throw new ZzError('ERR_OID4VCI_ISSUER_RESPONSE', 'Credential response entry has no credential string');
    }
    return credential;
  });
  const notificationId = typeof body.notification_id === 'string' ? body.notification_id : undefined;
  return notificationId === undefined
    ? { configurationId, format, credentials }
    : { configurationId, format, credentials, notificationId };
}
