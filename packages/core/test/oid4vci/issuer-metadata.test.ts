import { describe, expect, it } from 'vitest';
import {
  CREDENTIAL_ISSUER_WELL_KNOWN,
  parseAuthorizationServerMetadata,
  parseCredentialIssuerMetadata,
  wellKnownUrl,
} from '../../src/oid4vci/index.js';
import { codeOf, ISSUER } from './helpers.js';

const metadata = {
  credential_issuer: ISSUER,
  credential_endpoint: `${ISSUER}/credential`,
  nonce_endpoint: `${ISSUER}/nonce`,
  batch_credential_issuance: { batch_size: 10 },
  credential_configurations_supported: {
    eid_mdoc: {
      format: 'mso_mdoc',
      doctype: 'cn.gov.eid.1',
      proof_types_supported: { jwt: { proof_signing_alg_values_supported: ['ES256'] } },
    },
  },
};

describe('issuer metadata (OpenID4VCI 1.0 §12.2, RFC 8414)', () => {
  it('puts the well-known segment between host and path', () => {
    expect(wellKnownUrl('https://h.example', CREDENTIAL_ISSUER_WELL_KNOWN)).toBe(
      'https://h.example/.well-known/openid-credential-issuer',
    );
    expect(wellKnownUrl('https://h.example/', CREDENTIAL_ISSUER_WELL_KNOWN)).toBe(
      'https://h.example/.well-known/openid-credential-issuer',
    );
    expect(wellKnownUrl('https://h.example/gd', CREDENTIAL_ISSUER_WELL_KNOWN)).toBe(
      'https://h.example/.well-known/openid-credential-issuer/gd',
    );
  });

  it('accepts consistent metadata', () => {
    expect(parseCredentialIssuerMetadata(metadata, ISSUER).credential_endpoint).toBe(`${ISSUER}/credential`);
    expect(
      parseAuthorizationServerMetadata({ issuer: ISSUER, token_endpoint: `${ISSUER}/token` }, ISSUER).token_endpoint,
    ).toBe(`${ISSUER}/token`);
  });

  const bad: [string, unknown][] = [
    ['another issuer', { ...metadata, credential_issuer: 'https://evil.example' }],
    ['http endpoint', { ...metadata, credential_endpoint: 'http://issuer.example/credential' }],
    ['bad nonce endpoint', { ...metadata, nonce_endpoint: 'nonce' }],
    ['batch_size 1', { ...metadata, batch_credential_issuance: { batch_size: 1 } }],
    ['no configurations', { ...metadata, credential_configurations_supported: {} }],
    ['configuration without format', { ...metadata, credential_configurations_supported: { a: {} } }],
    [
      'bad proof algs',
      { ...metadata, credential_configurations_supported: { a: { format: 'x', proof_types_supported: { jwt: {} } } } },
    ],
    ['empty authorization_servers', { ...metadata, authorization_servers: [] }],
    ['not an object', 'metadata'],
  ];
  it.each(bad)('refuses %s with ERR_OID4VCI_METADATA_INVALID', async (_name, value) => {
    expect(await codeOf(() => parseCredentialIssuerMetadata(value, ISSUER))).toBe('ERR_OID4VCI_METADATA_INVALID');
  });

  it('refuses authorization server metadata for another issuer or without token endpoint', async () => {
    expect(
      await codeOf(() =>
        parseAuthorizationServerMetadata({ issuer: 'https://x.example', token_endpoint: `${ISSUER}/token` }, ISSUER),
      ),
    ).toBe('ERR_OID4VCI_METADATA_INVALID');
    expect(await codeOf(() => parseAuthorizationServerMetadata({ issuer: ISSUER }, ISSUER))).toBe(
      'ERR_OID4VCI_METADATA_INVALID',
    );
  });
});
