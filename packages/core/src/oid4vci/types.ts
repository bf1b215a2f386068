/**
 * OpenID4VCI 1.0 data shapes shared by the credential issuer and the wallet client: the
 * Credential Offer (§4.1.1), Credential Issuer Metadata (§12.2.4) and the Authorization Server
 * Metadata members the pre-authorized code flow needs (RFC 8414, OpenID4VCI §12.3).
 */

/** The grant type of the pre-authorized code flow (OpenID4VCI 1.0 §4.1.1). */
export const PRE_AUTHORIZED_CODE_GRANT = 'urn:ietf:params:oauth:grant-type:pre-authorized_code';

/** The `typ` of a JWT key proof (OpenID4VCI 1.0 Appendix F.1). */
export const PROOF_JWT_TYP = 'openid4vci-proof+jwt';

/** The custom scheme of a credential offer link (OpenID4VCI 1.0 §4.1.3). */
export const CREDENTIAL_OFFER_SCHEME = 'openid-credential-offer://';

/** Well-known path segments (OpenID4VCI 1.0 §12.2.2, RFC 8414 §3.1). */
export const CREDENTIAL_ISSUER_WELL_KNOWN = '/.well-known/openid-credential-issuer';
export const AUTHORIZATION_SERVER_WELL_KNOWN = '/.well-known/oauth-authorization-server';

/** How the wallet learns the transaction code (§4.1.1 `tx_code`). */
export interface TxCodeDescription {
  readonly input_mode?: 'numeric' | 'text';
  readonly length?: number;
  readonly description?: string;
}

export interface PreAuthorizedCodeGrant {
  readonly 'pre-authorized_code': string;
  /** Present (even `{}`) when the token request must carry a `tx_code`. */
  readonly tx_code?: TxCodeDescription;
  readonly authorization_server?: string;
}

export interface AuthorizationCodeGrant {
  readonly issuer_state?: string;
  readonly authorization_server?: string;
}

/** A Credential Offer (OpenID4VCI 1.0 §4.1.1). */
export interface CredentialOffer {
  readonly credential_issuer: string;
  readonly credential_configuration_ids: readonly string[];
  readonly grants?: {
    readonly [PRE_AUTHORIZED_CODE_GRANT]?: PreAuthorizedCodeGrant;
    readonly authorization_code?: AuthorizationCodeGrant;
  };
}

/** A display entry of the issuer or of a credential (§12.2.4 `display`). */
export interface Oid4vciDisplay {
  readonly name: string;
  readonly locale?: string;
  readonly description?: string;
  readonly logo?: { readonly uri: string; readonly alt_text?: string };
  readonly background_color?: string;
  readonly text_color?: string;
}

/** One claim description (§12.2.4 / Appendix B `claims`): a claims path pointer and display. */
export interface Oid4vciClaimDescription {
  readonly path: readonly (string | number | null)[];
  readonly mandatory?: boolean;
  readonly display?: readonly { readonly name: string; readonly locale?: string }[];
}

/** Formats this platform issues: ISO mdoc, SD-JWT VC and its own compact QR profile `zz1_qr`. */
export type Oid4vciCredentialFormat = 'mso_mdoc' | 'dc+sd-jwt' | 'zz1_qr';

/** One entry of `credential_configurations_supported` (§12.2.4, Appendix A). */
export interface CredentialConfiguration {
  readonly format: string;
  readonly scope?: string;
  readonly cryptographic_binding_methods_supported?: readonly string[];
  readonly credential_signing_alg_values_supported?: readonly (string | number)[];
  readonly proof_types_supported?: {
    readonly jwt?: { readonly proof_signing_alg_values_supported: readonly string[] };
  };
  /** `mso_mdoc` (Appendix A.2). */
  readonly doctype?: string;
  /** `dc+sd-jwt` (Appendix A.3). */
  readonly vct?: string;
  /** `zz1_qr` (ours, docs/qr-format.md): the credential type and the purpose set. */
  readonly type_id?: string;
  readonly purpose?: string;
  readonly credential_metadata?: {
    readonly display?: readonly Oid4vciDisplay[];
    readonly claims?: readonly Oid4vciClaimDescription[];
  };
}

/** Credential Issuer Metadata (OpenID4VCI 1.0 §12.2.4). */
export interface CredentialIssuerMetadata {
  readonly credential_issuer: string;
  readonly authorization_servers?: readonly string[];
  readonly credential_endpoint: string;
  readonly nonce_endpoint?: string;
  readonly notification_endpoint?: string;
  readonly batch_credential_issuance?: { readonly batch_size: number };
  readonly display?: readonly Oid4vciDisplay[];
  readonly credential_configurations_supported: Readonly<Record<string, CredentialConfiguration>>;
}

/** The OAuth Authorization Server Metadata members used here (RFC 8414 §2, OpenID4VCI §12.3). */
export interface AuthorizationServerMetadata {
  readonly issuer: string;
  readonly token_endpoint: string;
  readonly grant_types_supported?: readonly string[];
  readonly 'pre-authorized_grant_anonymous_access_supported'?: boolean;
  readonly response_types_supported?: readonly string[];
}

/** Token Response (OpenID4VCI 1.0 §6.2, RFC 6749 §5.1). */
export interface Oid4vciTokenResponse {
  readonly access_token: string;
  readonly token_type: string;
  readonly expires_in?: number;
}

/** Credential Request with `proofs` (OpenID4VCI 1.0 §8.2). */
export interface Oid4vciCredentialRequest {
  readonly credential_configuration_id: string;
  readonly proofs: { readonly jwt: readonly string[] };
}

/** Immediate Credential Response (OpenID4VCI 1.0 §8.3). */
export interface Oid4vciCredentialResponse {
  readonly credentials: readonly { readonly credential: string }[];
  readonly notification_id?: string;
}
