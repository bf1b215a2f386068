import { CREDENTIAL_ISSUER_WELL_KNOWN, encodeCredentialOfferUri, PRE_AUTHORIZED_CODE_GRANT } from '@zhengzhao/core';
import { describe, expect, it } from 'vitest';
import { expectCode, newWallet, PIN } from './helpers.js';

const ISSUER = 'https://issuer.example.cn';

const metadata = (formats: Record<string, string>) => ({
  credential_issuer: ISSUER,
  credential_endpoint: `${ISSUER}/credential`,
  display: [
    { name: '广东省公安厅', locale: 'zh-CN' },
    { name: 'Guangdong PSD', locale: 'en' },
  ],
  credential_configurations_supported: Object.fromEntries(
    Object.entries(formats).map(([id, format]) => [
      id,
      {
        format,
        ...(format === 'mso_mdoc' ? { doctype: 'cn.gov.eid.1' } : { vct: 'cn.gov.eid.1' }),
        credential_metadata: { display: [{ name: `ID ${id}`, locale: 'zh-CN' }] },
      },
    ]),
  ),
});

/** A fetch that serves the issuer metadata (and counts calls); anything else is a 404. */
function fakeIssuer(body: unknown) {
  const calls: string[] = [];
  const fetchFn = (async (input: string | URL | Request) => {
    const url = String(input);
    calls.push(url);
    if (url === `https://issuer.example.cn${CREDENTIAL_ISSUER_WELL_KNOWN}`) {
      return new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } });
    }
    return new Response('{"error":"not_found"}', { status: 404 });
  }) as typeof fetch;
  return { fetchFn, calls };
}

const offer = (ids: string[], txCode?: object) =>
  encodeCredentialOfferUri({
    credential_issuer: ISSUER,
    credential_configuration_ids: ids,
    grants: { [PRE_AUTHORIZED_CODE_GRANT]: { 'pre-authorized_code': 'abc', ...(txCode ? { tx_code: txCode } : {}) } },
  });

describe('previewOffer', () => {
  it('names the issuer and the credentials, and what the tx_code looks like', async () => {
    const { fetchFn } = fakeIssuer(metadata({ eid_mdoc: 'mso_mdoc', eid_sd_jwt: 'dc+sd-jwt', eid_ldp: 'ldp_vc' }));
    const { wallet } = await newWallet({ fetch: fetchFn, locale: 'en' });
    await wallet.setUp({ pin: PIN });
    const preview = await wallet.previewOffer(
      offer(['eid_mdoc', 'eid_sd_jwt', 'eid_ldp'], { length: 6, input_mode: 'numeric', description: 'SMS code' }),
    );
    expect(preview).toEqual({
      credentialIssuer: ISSUER,
      issuerName: 'Guangdong PSD',
      issuerNames: { 'zh-CN': '广东省公安厅', en: 'Guangdong PSD' },
      credentials: [
        { configurationId: 'eid_mdoc', format: 'mso_mdoc', type: 'cn.gov.eid.1', name: 'ID eid_mdoc' },
        { configurationId: 'eid_sd_jwt', format: 'dc+sd-jwt', type: 'cn.gov.eid.1', name: 'ID eid_sd_jwt' },
      ],
      txCode: { inputMode: 'numeric', length: 6, description: 'SMS code' },
    });
    // the same offer as JSON text (a QR code may carry it so)
    const json = decodeURIComponent((offer(['eid_mdoc']).split('credential_offer=')[1] as string).replace(/\+/g, ' '));
    expect((await wallet.previewOffer(`  ${json}\n`)).credentials).toHaveLength(1);
    expect((await wallet.previewOffer(offer(['eid_mdoc']))).txCode).toBeUndefined();
  });

  it('refuses malformed offers with typed errors, before any network call', async () => {
    const { fetchFn, calls } = fakeIssuer(metadata({ eid_mdoc: 'mso_mdoc' }));
    const { wallet } = await newWallet({ fetch: fetchFn });
    await wallet.setUp({ pin: PIN });
    const cases: [unknown, string][] = [
      ['', 'ERR_OID4VCI_OFFER_MALFORMED'],
      ['hello', 'ERR_OID4VCI_OFFER_MALFORMED'],
      ['https://example.cn/', 'ERR_OID4VCI_OFFER_MALFORMED'],
      ['openid-credential-offer://?foo=bar', 'ERR_OID4VCI_OFFER_MALFORMED'],
      ['openid-credential-offer://?credential_offer=%7Bnot-json', 'ERR_OID4VCI_OFFER_MALFORMED'],
      ['openid-credential-offer://?credential_offer=%E0%A4%A', 'ERR_OID4VCI_OFFER_MALFORMED'],
      ['openid-credential-offer://?credential_offer_uri=http%3A%2F%2Fevil.example%2Fo', 'ERR_OID4VCI_OFFER_MALFORMED'],
      ['{"credential_issuer":5,"credential_configuration_ids":["a"]}', 'ERR_OID4VCI_OFFER_MALFORMED'],
      ['{"credential_issuer":"https://i.example","credential_configuration_ids":"a"}', 'ERR_OID4VCI_OFFER_MALFORMED'],
      ['{"credential_issuer":"http://i.example","credential_configuration_ids":["a"]}', 'ERR_OID4VCI_OFFER_MALFORMED'],
      ['{"credential_issuer":"https://i.example","credential_configuration_ids":["a"]}', 'ERR_OID4VCI_OFFER_MALFORMED'],
      ['[1,2]', 'ERR_OID4VCI_OFFER_MALFORMED'],
      [`openid-credential-offer://?credential_offer=${'x'.repeat(20_000)}`, 'ERR_INPUT_TOO_LARGE'],
      [42, 'ERR_OID4VCI_OFFER_MALFORMED'],
      [null, 'ERR_OID4VCI_OFFER_MALFORMED'],
    ];
    for (const [input, code] of cases) {
      await expectCode(wallet.previewOffer(input as string), code as 'ERR_INPUT_INVALID');
      await expectCode(wallet.acceptOffer(input as string, '123456'), code as 'ERR_INPUT_INVALID');
    }
    expect(calls).toEqual([]);
  });

  it('refuses an offer of nothing this wallet stores, and bad metadata', async () => {
    const ldp = fakeIssuer(metadata({ eid_ldp: 'ldp_vc' }));
    const { wallet } = await newWallet({ fetch: ldp.fetchFn });
    await wallet.setUp({ pin: PIN });
    await expectCode(wallet.previewOffer(offer(['eid_ldp'])), 'ERR_OID4VCI_OFFER_MALFORMED');
    await expectCode(wallet.acceptOffer(offer(['eid_ldp']), '123456'), 'ERR_OID4VCI_OFFER_MALFORMED');

    const other = fakeIssuer({ ...metadata({ eid_mdoc: 'mso_mdoc' }), credential_issuer: 'https://other.example' });
    const second = await newWallet({ fetch: other.fetchFn });
    await second.wallet.setUp({ pin: PIN });
    await expectCode(second.wallet.previewOffer(offer(['eid_mdoc'])), 'ERR_OID4VCI_METADATA_INVALID');

    const offline = await newWallet({
      fetch: (async () => {
        throw new TypeError('network down');
      }) as typeof fetch,
    });
    await offline.wallet.setUp({ pin: PIN });
    await expectCode(offline.wallet.previewOffer(offer(['eid_mdoc'])), 'ERR_OID4VCI_ISSUER_RESPONSE');
  });

  it('checks the tx_code against the offer before calling the token endpoint', async () => {
    const { fetchFn, calls } = fakeIssuer(metadata({ eid_mdoc: 'mso_mdoc' }));
    const { wallet } = await newWallet({ fetch: fetchFn });
    await wallet.setUp({ pin: PIN });
    const withCode = offer(['eid_mdoc'], { length: 6, input_mode: 'numeric' });
    await expectCode(wallet.acceptOffer(withCode), 'ERR_INPUT_INVALID');
    await expectCode(wallet.acceptOffer(withCode, '12345'), 'ERR_INPUT_INVALID');
    await expectCode(wallet.acceptOffer(withCode, 'abcdef'), 'ERR_INPUT_INVALID');
    await expectCode(wallet.acceptOffer(offer(['eid_mdoc']), '123456'), 'ERR_INPUT_INVALID');
    expect(calls.some((url) => url.endsWith('/token'))).toBe(false);
  });
});
