/**
 * Digital Credentials Query Language types (OpenID4VP 1.0 §6). Only the two formats this
 * platform presents are modelled: `mso_mdoc` (ISO 18013-5) and `dc+sd-jwt` (SD-JWT VC).
 */

export type DcqlFormat = 'mso_mdoc' | 'dc+sd-jwt';

/** A claims path pointer (§7): strings select object members, integers array elements, null all elements. */
export type DcqlClaimPath = readonly (string | number | null)[];

export interface DcqlClaimsQuery {
  readonly id?: string;
  /** mdoc: `[namespace, element]`; SD-JWT: a claims path pointer. */
  readonly path: DcqlClaimPath;
  readonly values?: readonly (string | number | boolean)[];
  /** mdoc only (§B.2.4). */
  readonly intent_to_retain?: boolean;
}

export interface DcqlCredentialQuery {
  readonly id: string;
  readonly format: DcqlFormat;
  /** mdoc: `{doctype_value}`; SD-JWT VC: `{vct_values}`. */
  readonly meta: { readonly doctype_value?: string; readonly vct_values?: readonly string[] };
  readonly multiple?: boolean;
  /** Absent: the credential is requested without any selectively disclosable claim. */
  readonly claims?: readonly DcqlClaimsQuery[];
  readonly claim_sets?: readonly (readonly string[])[];
  readonly require_cryptographic_holder_binding?: boolean;
}

export interface DcqlCredentialSetQuery {
  /** Each option is a list of credential query ids that together satisfy the set. */
  readonly options: readonly (readonly string[])[];
  /** Default true. */
  readonly required?: boolean;
}

export interface DcqlQuery {
  readonly credentials: readonly DcqlCredentialQuery[];
  readonly credential_sets?: readonly DcqlCredentialSetQuery[];
}
