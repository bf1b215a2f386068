import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isZzError } from '../../src/index.js';
import {
  type CredentialOffer,
  encodeCredentialOfferUri,
  PRE_AUTHORIZED_CODE_GRANT,
  parseCredentialOffer,
  parseCredentialOfferLink,
} from '../../src/oid4vci/index.js';
import { codeOf, ISSUER } from './helpers.js';

const offer: CredentialOffer = {
  credential_issuer: ISSUER,
  credential_configuration_ids: ['eid_mdoc', 'eid_sd_jwt'],
  grants: {
    [PRE_AUTHORIZED_CODE_GRANT]: {
      'pre-authorized_code': 'oaKazRN8I0IbtZ0C7JuMn5',
      tx_code: { input_mode: 'numeric', length: 6, description: '短信验证码 / code sent by SMS' },
    },
  },
};

const withMember = (path: 'top' | 'grant' | 'tx', key: string, value: unknown): unknown => {
  const copy = JSON.parse(JSON.stringify(offer));
  const grant = copy.grants[PRE_AUTHORIZED_CODE_GRANT];
  const target = path === 'top' ? copy : path === 'grant' ? grant : grant.tx_code;
  target[key] = value;
  return copy;
};

describe('encodeCredentialOfferUri / parseCredentialOffer (OpenID4VCI 1.0 §4.1)', () => {
  it('round-trips an offer through the openid-credential-offer link', () => {
    const link = encodeCredentialOfferUri(offer);
    expect(link.startsWith('openid-credential-offer://?credential_offer=%7B')).toBe(true);
    expect(parseCredentialOffer(link)).toEqual(offer);
    expect(parseCredentialOfferLink(link)).toEqual({ credentialOffer: offer });
  });

  it('reads the JSON text, the object, an https universal link and + as space', () => {
    expect(parseCredentialOffer(JSON.stringify(offer))).toEqual(offer);
    expect(parseCredentialOffer(offer)).toEqual(offer);
    const https = `https://wallet.example/offer?credential_offer=${encodeURIComponent(JSON.stringify(offer))}`;
    expect(parseCredentialOffer(https)).toEqual(offer);
    const plus = `openid-credential-offer://?credential_offer=${encodeURIComponent(JSON.stringify(offer)).replace(/%20/g, '+')}`;
    expect(parseCredentialOffer(plus)).toEqual(offer);
  });

  it('accepts http only for loopback issuers (the embedded demo)', async () => {
    const local = { ...offer, credential_issuer: 'http://127.0.0.1:8080' };
    expect(parseCredentialOffer(local).credential_issuer).toBe('http://127.0.0.1:8080');
    const remote = { ...offer, credential_issuer: 'http://issuer.example' };
    expect(await codeOf(() => parseCredentialOffer(remote))).toBe('ERR_OID4VCI_OFFER_MALFORMED');
  });

  it('returns credential_offer_uri for a by-reference link and refuses it where a value is needed', async () => {
    const link = `openid-credential-offer://?credential_offer_uri=${encodeURIComponent('https://issuer.example/offers/1')}`;
    expect(parseCredentialOfferLink(link)).toEqual({ credentialOfferUri: 'https://issuer.example/offers/1' });
    expect(await codeOf(() => parseCredentialOffer(link))).toBe('ERR_OID4VCI_OFFER_MALFORMED');
  });

  const bad: [string, unknown][] = [
    ['unknown top-level member', withMember('top', 'extra', 1)],
    ['unknown grant member', withMember('grant', 'user_pin_required', true)],
    ['unknown tx_code member', withMember('tx', 'min', 1)],
    ['tx_code input_mode', withMember('tx', 'input_mode', 'alpha')],
    ['tx_code length', withMember('tx', 'length', 0)],
    ['tx_code description too long', withMember('tx', 'description', 'x'.repeat(301))],
    ['empty pre-authorized_code', withMember('grant', 'pre-authorized_code', '')],
    ['numeric pre-authorized_code', withMember('grant', 'pre-authorized_code', 42)],
    ['no configuration ids', { ...offer, credential_configuration_ids: [] }],
    ['duplicate configuration ids', { ...offer, credential_configuration_ids: ['a', 'a'] }],
    ['non-string id', { ...offer, credential_configuration_ids: [1] }],
    ['http issuer', { ...offer, credential_issuer: 'http://issuer.example' }],
    ['issuer with query', { ...offer, credential_issuer: 'https://issuer.example/?x=1' }],
    ['issuer with fragment', { ...offer, credential_issuer: 'https://issuer.example/#x' }],
    ['issuer not a URL', { ...offer, credential_issuer: 'issuer' }],
    ['grants array', { ...offer, grants: [] }],
    ['unknown grant type', { ...offer, grants: { implicit: {} } }],
    ['array', [offer]],
    ['null', null],
    ['number', 7],
  ];
  it.each(bad)('refuses %s with ERR_OID4VCI_OFFER_MALFORMED', async (_name, value) => {
    expect(await codeOf(() => parseCredentialOffer(value))).toBe('ERR_OID4VCI_OFFER_MALFORMED');
    expect(await codeOf(() => parseCredentialOffer(JSON.stringify(value)))).toBe('ERR_OID4VCI_OFFER_MALFORMED');
  });

  it('refuses malformed links', async () => {
    const json = encodeURIComponent(JSON.stringify(offer));
    for (const link of [
      'openid-credential-offer://',
      'openid-credential-offer://?',
      'ftp://x/?credential_offer=%7B%7D',
      `openid-credential-offer://?credential_offer=${json}&credential_offer=${json}`,
      `openid-credential-offer://?credential_offer=${json}&credential_offer_uri=https%3A%2F%2Fa.b`,
      'openid-credential-offer://?credential_offer=%E0%A4%A',
      'openid-credential-offer://?credential_offer=%7Bnot%20json',
      'openid-credential-offer://?credential_offer_uri=http%3A%2F%2Fevil.example',
    ]) {
      expect(await codeOf(() => parseCredentialOffer(link)), link).toBe('ERR_OID4VCI_OFFER_MALFORMED');
    }
  });

  it('bounds the input size', async () => {
    const huge = `openid-credential-offer://?credential_offer=${'A'.repeat(20_000)}`;
    expect(await codeOf(() => parseCredentialOffer(huge))).toBe('ERR_INPUT_TOO_LARGE');
    expect(await codeOf(() => parseCredentialOffer(encodeCredentialOfferUri(offer), { maxLength: 50 }))).toBe(
      'ERR_INPUT_TOO_LARGE',
    );
  });

  it('encode refuses an invalid offer', async () => {
    expect(await codeOf(() => encodeCredentialOfferUri({ ...offer, credential_configuration_ids: [] }))).toBe(
      'ERR_OID4VCI_OFFER_MALFORMED',
    );
  });

  it('property: random text and truncated links end in a ZzError or a valid offer, never another exception', () => {
    const link = encodeCredentialOfferUri(offer);
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ maxLength: 300 }),
          fc.nat(link.length).map((n) => link.slice(0, n)),
        ),
        (input) => {
          try {
            const parsed = parseCredentialOffer(input);
            expect(parsed.credential_issuer).toBe(ISSUER);
          } catch (error) {
            expect(isZzError(error)).toBe(true);
          }
        },
      ),
      { numRuns: 500 },
    );
  });

  it('property: random JSON values are refused with a ZzError', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        try {
          parseCredentialOffer(value);
        } catch (error) {
          return isZzError(error, 'ERR_OID4VCI_OFFER_MALFORMED');
        }
        return false;
      }),
      { numRuns: 300 },
    );
  });
});
