import type {
  DcqlClaimPath,
  DcqlFormat,
  Oid4vpAuthorizationRequest,
  Oid4vpResponseMode,
  SdJwtClaimPath,
  Signer,
} from '@zhengzhao/core';
import type { RelyingPartyRegistrationView } from '../registered-relying-party.js';

/** `fetch` as the wallet uses it (the global one by default; tests inject their own). */
export type FetchFunction = (url: string, init: RequestInit) => Promise<Response>;

/** The verifier, as its verified request and access certificate name it. */
export interface PresentationVerifier {
  /** Full client_id, prefix included (`x509_san_dns:verifier.example.org`). */
  readonly clientId: string;
  /** The DNS name the client_id names; it is a dNSName SAN of the certificate. */
  readonly host: string;
  /** Subject organisation (O) of the verifier's certificate. */
  readonly organisation?: string;
  /** Subject common name (CN) of the verifier's certificate. */
  readonly commonName?: string;
  /** The verifier's certificate (DER) that signed the request. */
  readonly certificate: Uint8Array;
  /** Its registration in the national trust list, when a relying-party directory was given. */
  readonly registration?: RelyingPartyRegistrationView;
}

/** One claim the verifier asks for. */
export interface RequestedClaim {
  /** DCQL claim id (for `claimSets`), when given. */
  readonly id?: string;
  /** mdoc: `[namespace, element]`; SD-JWT: a claims path pointer (`null` = every array element). */
  readonly path: DcqlClaimPath;
  /** mdoc only: the verifier will keep the value. */
  readonly intentToRetain?: boolean;
}

/** One DCQL credential query (OpenID4VP 1.0 §6.1), flattened for display. */
export interface RequestedCredential {
  /** The query id: the key of its answer in the vp_token. */
  readonly queryId: string;
  readonly format: DcqlFormat;
  /** SD-JWT `vct_values`, or the mdoc `doctype_value`. */
  readonly types: readonly string[];
  /** More than one credential may answer it. */
  readonly multiple: boolean;
  /** Requested claims; empty when only the never-disclosable claims are asked for. */
  readonly claims: readonly RequestedClaim[];
  /** Alternatives of claim ids (§6.4.1); the first that the holder can satisfy is meant. */
  readonly claimSets?: readonly (readonly string[])[];
}

/** A verified OpenID4VP 1.0 authorization request, ready to show to the holder. */
export interface PresentationRequest {
  readonly verifier: PresentationVerifier;
  /** A purpose the verifier stated in its DCQL `credential_sets` (a pre-1.0 member some verifiers still send). */
  readonly purpose?: string;
  readonly responseMode: Oid4vpResponseMode;
  readonly credentials: readonly RequestedCredential[];
  /** DCQL `credential_sets`: which combinations of queries answer the request. */
  readonly credentialSets?: readonly { readonly options: readonly (readonly string[])[]; readonly required: boolean }[];
  /** The verified request itself (core's shape), used to respond. */
  readonly request: Oid4vpAuthorizationRequest;
}

/** One held SD-JWT VC that can answer a query. */
export interface CredentialCandidate {
  /** Index into the `sdJwts` given to `matchCredentials`. */
  readonly index: number;
  readonly vct: string;
  /** The claim paths that would be disclosed for the query (all requested ones this credential has). */
  readonly claims: readonly SdJwtClaimPath[];
}

/** The held credentials that answer each query, and whether the request can be answered at all. */
export interface CredentialMatches {
  /** Every required query (or credential set) has at least one candidate. */
  readonly satisfiable: boolean;
  readonly queries: readonly { readonly queryId: string; readonly candidates: readonly CredentialCandidate[] }[];
  /** Core's DCQL selection (query id → candidate indices) when satisfiable: a sensible default for the UI. */
  readonly suggestion?: Readonly<Record<string, readonly number[]>>;
}

/** What the holder chose to present for one query. */
export interface PresentationSelection {
  readonly queryId: string;
  /** The SD-JWT VC as issued (`JWT~D1~…~Dn~`, no Key Binding JWT). */
  readonly sdJwt: string;
  /** The device key named by the credential's `cnf`. */
  readonly deviceSigner: Signer;
  /** Claim names or paths to disclose: each must lie within a claim the query asked for. */
  readonly claims: readonly (string | SdJwtClaimPath)[];
}

/** The verifier's answer to a posted response. */
export interface PresentationResult {
  /** Where to send the user agent next (same-device flow), when the verifier gave an https URL. */
  readonly redirectUri?: string;
}
