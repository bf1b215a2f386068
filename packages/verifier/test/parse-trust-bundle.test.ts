import { createTestAuthority } from '@zhengzhao/test-kit';
import { describe, expect, it } from 'vitest';
import { MAX_TRUST_BUNDLE_BYTES, parseTrustBundle, trustSourceFromBundle } from '../src/index.js';
import { bundleIssuer, bundleOf, platform, START } from './fixtures.js';

const authority = await createTestAuthority({ suite: 'ES256', now: new Date(START) });
const good = bundleOf(START, bundleIssuer(authority, 'cn-44'));
const issuer = good.issuers[0] as unknown as Record<string, unknown>;
const code = (fn: () => unknown): string | undefined => {
  try {
    fn();
    return undefined;
  } catch (error) {
    return (error as { code?: string }).code;
  }
};

describe('parseTrustBundle', () => {
  it('accepts a good bundle as object, JSON text and bytes, and freezes it', () => {
    const fromObject = parseTrustBundle(good);
    expect(parseTrustBundle(JSON.stringify(good))).toEqual(fromObject);
    expect(parseTrustBundle(new TextEncoder().encode(JSON.stringify(good)))).toEqual(fromObject);
    expect(Object.isFrozen(fromObject.issuers[0])).toBe(true);
    expect(fromObject.issuers[0]?.document_signers).toHaveLength(1);
  });

  const bad: [string, unknown][] = [
    ['not JSON', '{"version":1,'],
    ['an array', []],
    ['null', null],
    ['version 2', { ...good, version: 2 }],
    ['version as text', { ...good, version: '1' }],
    ['issued_at without zone', { ...good, issued_at: '2026-11-27T08:00:00' }],
    ['issued_at not a date', { ...good, issued_at: 'yesterday' }],
    ['issued_at a number', { ...good, issued_at: 1764230400 }],
    ['no issuers', { ...good, issuers: [] }],
    ['issuers an object', { ...good, issuers: {} }],
    ['unknown top member', { ...good, extra: true }],
    ['unknown issuer member', { ...good, issuers: [{ ...issuer, trusted: true }] }],
    ['id with a slash', { ...good, issuers: [{ ...issuer, id: '../x' }] }],
    ['id a number', { ...good, issuers: [{ ...issuer, id: 44 }] }],
    ['duplicate ids', { ...good, issuers: [issuer, issuer] }],
    ['name missing en', { ...good, issuers: [{ ...issuer, name: { 'zh-CN': '某' } }] }],
    ['name empty', { ...good, issuers: [{ ...issuer, name: { 'zh-CN': ' ', en: 'x' } }] }],
    ['suite RS256', { ...good, issuers: [{ ...issuer, suite: 'RS256' }] }],
    ['suite mismatch', { ...good, issuers: [{ ...issuer, suite: 'SM2' }] }],
    ['no iaca', { ...good, issuers: [{ ...issuer, iaca: [] }] }],
    ['iaca not PEM', { ...good, issuers: [{ ...issuer, iaca: ['MIIB...'] }] }],
    ['iaca a number', { ...good, issuers: [{ ...issuer, iaca: [1] }] }],
    [
      'iaca two certs in one PEM',
      { ...good, issuers: [{ ...issuer, iaca: [authority.root.pem + authority.root.pem] }] },
    ],
    [
      'iaca garbage DER',
      { ...good, issuers: [{ ...issuer, iaca: ['-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n'] }] },
    ],
    ['document_signers missing', { ...good, issuers: [{ ...issuer, document_signers: undefined }] }],
    [
      'too many certificates',
      { ...good, issuers: [{ ...issuer, document_signers: Array(33).fill(authority.documentSigner.pem) }] },
    ],
    ['doc_types empty', { ...good, issuers: [{ ...issuer, doc_types: [] }] }],
    ['doc_types numbers', { ...good, issuers: [{ ...issuer, doc_types: [1] }] }],
  ];
  it.each(bad)('refuses %s with ERR_TRUST_BUNDLE_MALFORMED', (_what, input) => {
    expect(code(() => parseTrustBundle(input))).toBe('ERR_TRUST_BUNDLE_MALFORMED');
  });

  it('refuses oversized text before parsing', () => {
    expect(code(() => parseTrustBundle(' '.repeat(MAX_TRUST_BUNDLE_BYTES + 1)))).toBe('ERR_INPUT_TOO_LARGE');
    expect(code(() => parseTrustBundle(new Uint8Array(MAX_TRUST_BUNDLE_BYTES + 1)))).toBe('ERR_INPUT_TOO_LARGE');
  });

  it('refuses too many issuers', () => {
    const many = Array.from({ length: 257 }, (_, i) => ({ ...issuer, id: `i-${i}` }));
    expect(code(() => parseTrustBundle({ ...good, issuers: many }))).toBe('ERR_TRUST_BUNDLE_MALFORMED');
  });
});

describe('trustSourceFromBundle', () => {
  it('resolves document signers by kid and chains to the IACA, and names the bundle issuer', async () => {
    const source = trustSourceFromBundle(platform, parseTrustBundle(good));
    const now = new Date(START);
    const byKid = await source.resolveKid(authority.kid, { now });
    expect(byKid.publicKey.point).toEqual(authority.documentSigner.signer.publicKey.point);
    const byChain = await source.resolveChain(authority.chain, { now });
    expect(source.issuerFor(byChain.issuer)?.id).toBe('cn-44');
    await expect(source.resolveKid(new Uint8Array(8), { now })).rejects.toMatchObject({
      code: 'ERR_TRUST_KID_UNKNOWN',
    });
    await expect(
      source.resolveChain(
        authority.variants.untrustedDocumentSigner.der ? [authority.variants.untrustedDocumentSigner.der] : [],
        { now },
      ),
    ).rejects.toMatchObject({
      code: 'ERR_TRUST_UNTRUSTED_ROOT',
    });
  });

  it('reuses a kid resolution only inside the chain validity and per docType', async () => {
    const limited = parseTrustBundle({ ...good, issuers: [{ ...issuer, doc_types: ['cn.gov.eid.1'] }] });
    const source = trustSourceFromBundle(platform, limited);
    const now = new Date(START);
    await source.resolveKid(authority.kid, { now, docType: 'cn.gov.eid.1' });
    expect((await source.resolveKid(authority.kid, { now, docType: 'cn.gov.eid.1' })).issuer.suite).toBe('ES256');
    await expect(source.resolveKid(authority.kid, { now, docType: 'cn.gov.mdl.1' })).rejects.toMatchObject({
      code: 'ERR_TRUST_DOCTYPE_NOT_ALLOWED',
    });
    const later = new Date(now.getTime() + 400 * 86_400_000); // the DS certificate ended after 364 days
    await expect(source.resolveKid(authority.kid, { now: later, docType: 'cn.gov.eid.1' })).rejects.toMatchObject({
      code: 'ERR_TRUST_CERT_EXPIRED',
    });
    const before = new Date(now.getTime() - 2 * 86_400_000);
    await expect(source.resolveKid(authority.kid, { now: before, docType: 'cn.gov.eid.1' })).rejects.toMatchObject({
      code: 'ERR_TRUST_CERT_NOT_YET_VALID',
    });
  });

  it('limits an issuer to its doc_types', async () => {
    const limited = parseTrustBundle({ ...good, issuers: [{ ...issuer, doc_types: ['cn.gov.mdl.1'] }] });
    const source = trustSourceFromBundle(platform, limited);
    await expect(
      source.resolveKid(authority.kid, { now: new Date(START), docType: 'cn.gov.eid.1' }),
    ).rejects.toMatchObject({
      code: 'ERR_TRUST_DOCTYPE_NOT_ALLOWED',
    });
  });
});
