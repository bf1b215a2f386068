import { ZzError } from '../errors/zz-error.js';
import { isEndpointUrl } from './issuer-url.js';
import type { AuthorizationServerMetadata, CredentialConfiguration, CredentialIssuerMetadata } from './types.js';

type Obj = Record<string, unknown>;
const CODE = 'ERR_OID4VCI_METADATA_INVALID';
const MAX_CONFIGURATIONS = 64;

function fail(message: string): never {
  throw new ZzError(CODE, message);
}

function object(value: unknown, what: string): Obj {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) fail(`${what} must be a JSON object`);
  return value as Obj;
}

function endpoint(value: unknown, what: string): string {
  if (!isEndpointUrl(value)) fail(`${what} must be an https URL`);
  return value;
}

function stringArray(value: unknown, what: string): readonly string[] {
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) fail(`${what} must be an array of strings`);
  return value as string[];
}

/**
 * Checks Credential Issuer Metadata as a wallet reads it (OpenID4VCI 1.0 §12.2.4):
 * `credential_issuer` must be exactly the identifier the metadata was fetched for (§12.2.3,
 * against impersonation), endpoints must be https URLs, `batch_size` an integer ≥ 2, and every
 * configuration an object with a `format`. Unknown members are kept (metadata is extensible).
 */
export function parseCredentialIssuerMetadata(value: unknown, expectedIssuer: string): CredentialIssuerMetadata {
  const m = object(value, 'credential issuer metadata');
  if (m.credential_issuer !== expectedIssuer)
    fail('credential_issuer is not the identifier the metadata was fetched for');
  endpoint(m.credential_endpoint, 'credential_endpoint');
  if (m.nonce_endpoint !== undefined) endpoint(m.nonce_endpoint, 'nonce_endpoint');
  if (m.notification_endpoint !== undefined) endpoint(m.notification_endpoint, 'notification_endpoint');
  if (m.authorization_servers !== undefined) {
    const servers = stringArray(m.authorization_servers, 'authorization_servers');
    if (servers.length === 0) fail('authorization_servers must not be empty');
    for (const server of servers) endpoint(server, 'authorization_servers entry');
  }
  if (m.batch_credential_issuance !== undefined) {
    const batch = object(m.batch_credential_issuance, 'batch_credential_issuance');
    if (!Number.isSafeInteger(batch.batch_size) || (batch.batch_size as number) < 2) {
      fail('batch_credential_issuance.batch_size must be an integer >= 2');
    }
  }
  const configurations = object(m.credential_configurations_supported, 'credential_configurations_supported');
  const ids = Object.keys(configurations);
  if (ids.length === 0 || ids.length > MAX_CONFIGURATIONS)
    fail('credential_configurations_supported is empty or too large');
  for (const id of ids) parseCredentialConfiguration(configurations[id], id);
  return m as unknown as CredentialIssuerMetadata;
}

function parseCredentialConfiguration(value: unknown, id: string): CredentialConfiguration {
  const c = object(value, `credential configuration ${id}`);
  if (typeof c.format !== 'string' || c.format.length === 0) fail('credential configuration has no format');
  if (c.cryptographic_binding_methods_supported !== undefined) {
    stringArray(c.cryptographic_binding_methods_supported, 'cryptographic_binding_methods_supported');
  }
  if (c.proof_types_supported !== undefined) {
    const types = object(c.proof_types_supported, 'proof_types_supported');
    if (types.jwt !== undefined) {
      const jwt = object(types.jwt, 'proof_types_supported.jwt');
      stringArray(jwt.proof_signing_alg_values_supported, 'proof_signing_alg_values_supported');
    }
  }
  return c as unknown as CredentialConfiguration;
}

/**
 * Checks OAuth Authorization Server Metadata (RFC 8414 §3.3: `issuer` identical to the
 * identifier it was fetched for) and its `token_endpoint`.
 */
export function parseAuthorizationServerMetadata(value: unknown, expectedIssuer: string): AuthorizationServerMetadata {
  const m = object(value, 'authorization server metadata');
  if (m.issuer !== expectedIssuer) fail('issuer is not the identifier the metadata was fetched for');
  endpoint(m.token_endpoint, 'token_endpoint');
  if (m.grant_types_supported !== undefined) stringArray(m.grant_types_supported, 'grant_types_supported');
  return m as unknown as AuthorizationServerMetadata;
}
