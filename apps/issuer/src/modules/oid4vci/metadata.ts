import {
  type AuthorizationServerMetadata,
  type CredentialConfiguration,
  type CredentialIssuerMetadata,
  type CredentialTypeDefinition,
  elementNamespace,
  getCredentialType,
  getQrPurpose,
  type LocalizedText,
  type Oid4vciClaimDescription,
  type Oid4vciDisplay,
  PRE_AUTHORIZED_CODE_GRANT,
  SUITES,
} from '@zhengzhao/core';
import type { CredentialConfigurationId, CredentialConfigurationSpec } from '../ports.js';
import type { ResolvedOid4vciConfig } from './config.js';

/** The issuer's display when none is configured. */
export const DEFAULT_ISSUER_DISPLAY: readonly Oid4vciDisplay[] = [
  { name: '居民身份证电子证照签发机构', locale: 'zh-CN' },
  { name: 'Resident e-ID issuing authority', locale: 'en' },
];

const localized = (text: LocalizedText, suffix: LocalizedText = { 'zh-CN': '', en: '' }) => [
  { name: `${text['zh-CN']}${suffix['zh-CN']}`, locale: 'zh-CN' },
  { name: `${text.en}${suffix.en}`, locale: 'en' },
];

function claims(
  type: CredentialTypeDefinition,
  elementIds: readonly string[],
  path: (id: string) => string[],
): Oid4vciClaimDescription[] {
  return elementIds.flatMap((id) => {
    const element = type.elements.find((e) => e.id === id);
    return element ? [{ path: path(id), display: localized(element.display) }] : [];
  });
}

/**
 * Credential configurations (OpenID4VCI 1.0 §12.2.4, Appendix A) of the issuer's profile: the
 * credential as ISO mdoc (`mso_mdoc`, doctype = the type id, COSE alg), as SD-JWT VC
 * (`dc+sd-jwt`, vct = the type id, JOSE alg), and — for the resident e-ID — two offline-QR purpose
 * sets in our own format `zz1_qr` (docs/qr-format.md: a compact COSE_Sign1 credential; `type_id`
 * and `purpose` name the QR purpose set, bound to a COSE key). Device-key proofs use one of
 * `proofSuites`.
 */
export function buildCredentialConfigurations(
  config: ResolvedOid4vciConfig,
): Record<CredentialConfigurationId, CredentialConfiguration> {
  const suite = SUITES[config.suite];
  const proof = { jwt: { proof_signing_alg_values_supported: config.proofSuites.map((id) => SUITES[id].joseAlg) } };
  const { typeId } = config.profile;
  const type = getCredentialType(typeId);
  const allIds = type.elements.map((e) => e.id);
  const configurationOf = (spec: CredentialConfigurationSpec): CredentialConfiguration => {
    const display = localized(type.display, spec.displaySuffix);
    switch (spec.format) {
      case 'mso_mdoc':
        return {
          format: 'mso_mdoc',
          doctype: typeId,
          cryptographic_binding_methods_supported: ['cose_key'],
          credential_signing_alg_values_supported: [suite.coseAlg],
          proof_types_supported: proof,
          credential_metadata: { display, claims: claims(type, allIds, (id) => [elementNamespace(type, id), id]) },
        };
      case 'dc+sd-jwt':
        return {
          format: 'dc+sd-jwt',
          vct: typeId,
          cryptographic_binding_methods_supported: ['jwk'],
          credential_signing_alg_values_supported: [suite.joseAlg],
          proof_types_supported: proof,
          credential_metadata: { display, claims: claims(type, allIds, (id) => [id]) },
        };
      case 'zz1_qr': {
        const purposeId = spec.qrPurpose as string;
        return {
          format: 'zz1_qr',
          type_id: typeId,
          purpose: purposeId,
          cryptographic_binding_methods_supported: ['cose_key'],
          credential_signing_alg_values_supported: [suite.coseAlg],
          proof_types_supported: proof,
          credential_metadata: {
            display,
            claims: claims(type, getQrPurpose(typeId, purposeId).elements, (id) => [id]),
          },
        };
      }
    }
  };
  return Object.fromEntries(config.profile.configurations.map((spec) => [spec.id, configurationOf(spec)]));
}

export function endpointUrls(config: ResolvedOid4vciConfig) {
  return {
    token: `${config.credentialIssuer}/token`,
    nonce: `${config.credentialIssuer}/nonce`,
    credential: `${config.credentialIssuer}/credential`,
  };
}

/** Credential Issuer Metadata (OpenID4VCI 1.0 §12.2.4); the issuer is its own authorization server. */
export function buildCredentialIssuerMetadata(
  config: ResolvedOid4vciConfig,
  display: readonly Oid4vciDisplay[] = DEFAULT_ISSUER_DISPLAY,
): CredentialIssuerMetadata {
  const urls = endpointUrls(config);
  return {
    credential_issuer: config.credentialIssuer,
    credential_endpoint: urls.credential,
    nonce_endpoint: urls.nonce,
    // batch_size must be >= 2 (§12.2.4); with 1 the member is left out
    ...(config.batchSize >= 2 ? { batch_credential_issuance: { batch_size: config.batchSize } } : {}),
    display,
    credential_configurations_supported: buildCredentialConfigurations(config),
  };
}

/** Authorization Server Metadata (RFC 8414 §2, OpenID4VCI 1.0 §12.3) for the pre-authorized flow only. */
export function buildAuthorizationServerMetadata(config: ResolvedOid4vciConfig): AuthorizationServerMetadata {
  return {
    issuer: config.credentialIssuer,
    token_endpoint: endpointUrls(config).token,
    grant_types_supported: [PRE_AUTHORIZED_CODE_GRANT],
    response_types_supported: [],
    'pre-authorized_grant_anonymous_access_supported': true,
  };
}
