import type { EcPublicJwk } from '../keys/jwk.js';
import type { DcqlQuery } from './dcql-types.js';

/** Response modes supported (OpenID4VP 1.0 §8.2, §8.3). */
export type Oid4vpResponseMode = 'direct_post' | 'direct_post.jwt';

/** Content encryption algorithms for `direct_post.jwt` (HAIP: A128GCM, A256GCM). */
export type Oid4vpContentEncryption = 'A128GCM' | 'A256GCM';

/** `typ` of a signed Request Object (OpenID4VP 1.0 §5, RFC 9101). */
export const OID4VP_REQUEST_OBJECT_TYP = 'oauth-authz-req+jwt';

/** `aud` of a Request Object for a wallet with static discovery metadata (OpenID4VP 1.0 §5.8). */
export const OID4VP_STATIC_AUDIENCE = 'https://self-issued.me/v2';

/** The verifier's encryption key in `client_metadata.jwks` (ECDH-ES on P-256). */
export interface Oid4vpEncryptionJwk extends EcPublicJwk {
  kty: 'EC';
  crv: 'P-256';
  use: 'enc';
  alg: 'ECDH-ES';
  kid: string;
}

export interface Oid4vpClientMetadata {
  readonly jwks?: { readonly keys: readonly Oid4vpEncryptionJwk[] };
  readonly encrypted_response_enc_values_supported?: readonly Oid4vpContentEncryption[];
  readonly vp_formats_supported?: Readonly<Record<string, unknown>>;
  readonly [member: string]: unknown;
}

/** A verified (or, for `redirect_uri:`, accepted) authorization request, as the wallet uses it. */
export interface Oid4vpAuthorizationRequest {
  /** Full client_id, prefix included (it is the KB-JWT `aud` and goes into the mdoc handover). */
  readonly clientId: string;
  readonly clientIdPrefix: 'x509_san_dns' | 'redirect_uri';
  readonly responseMode: Oid4vpResponseMode;
  readonly responseUri: string;
  readonly nonce: string;
  readonly state?: string;
  readonly dcqlQuery: DcqlQuery;
  readonly clientMetadata: Oid4vpClientMetadata;
  /** For `direct_post.jwt`: the key to encrypt to and the `enc` to use. */
  readonly encryption?: { readonly jwk: Oid4vpEncryptionJwk; readonly enc: Oid4vpContentEncryption };
  /** The signer certificate chain (DER, leaf first) for `x509_san_dns:`. */
  readonly certificateChain?: readonly Uint8Array[];
}
