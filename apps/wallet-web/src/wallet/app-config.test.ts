import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, parseAppConfig } from './app-config.js';

describe('parseAppConfig', () => {
  it('takes well-formed settings', () => {
    expect(
      parseAppConfig({
        relayUrl: 'wss://relay.example.cn',
        issuerUrl: 'https://issuer.example.cn',
        relyingPartyTrustAnchorsPem: ['-----BEGIN CERTIFICATE-----'],
        autoLockSeconds: 300,
      }),
    ).toEqual({
      relayUrl: 'wss://relay.example.cn',
      issuerUrl: 'https://issuer.example.cn',
      relyingPartyTrustAnchorsPem: ['-----BEGIN CERTIFICATE-----'],
      issuerTrustAnchorsPem: [],
      autoLockSeconds: 300,
      issuers: [],
    });
  });

  it('takes the national root, the trust-list URL and the provinces’ issuers; drops malformed ones', () => {
    const parsed = parseAppConfig({
      nationalRootPem: '-----BEGIN CERTIFICATE-----\nMII\n-----END CERTIFICATE-----',
      trustListUrl: 'https://trust.example.cn/trust-list',
      issuers: [
        { code: '44', name: { 'zh-CN': '广东省公安厅', en: 'Guangdong' }, url: 'https://gd.example.cn' },
        { code: '11', name: { 'zh-CN': '北京市公安局' }, url: 'https://bj.example.cn' },
        { code: '33', name: { 'zh-CN': '浙江省公安厅', en: 'Zhejiang' }, url: 'javascript:alert(1)' },
        'not an issuer',
      ],
    });
    expect(parsed.nationalRootPem).toContain('BEGIN CERTIFICATE');
    expect(parsed.trustListUrl).toBe('https://trust.example.cn/trust-list');
    expect(parsed.issuers.map((issuer) => issuer.code)).toEqual(['44']);
    expect(parseAppConfig({ nationalRootPem: 'x', trustListUrl: 'ftp://x' })).toMatchObject({ issuers: [] });
    expect(parseAppConfig({ nationalRootPem: 'x' }).nationalRootPem).toBeUndefined();
  });

  it('keeps the defaults for wrong types, schemes and ranges', () => {
    for (const bad of [null, 'x', 42, [], {}]) expect(parseAppConfig(bad)).toEqual(DEFAULT_CONFIG);
    const parsed = parseAppConfig({
      relayUrl: 'javascript:alert(1)',
      issuerUrl: 'ftp://x',
      relyingPartyTrustAnchorsPem: [1, null, 'pem'],
      autoLockSeconds: 1e9,
    });
    expect(parsed.relayUrl).toBeUndefined();
    expect(parsed.issuerUrl).toBeUndefined();
    expect(parsed.relyingPartyTrustAnchorsPem).toEqual(['pem']);
    expect(parsed.autoLockSeconds).toBe(DEFAULT_CONFIG.autoLockSeconds);
    expect(parseAppConfig({ autoLockSeconds: 1.5 }).autoLockSeconds).toBe(DEFAULT_CONFIG.autoLockSeconds);
    expect(parseAppConfig({ autoLockSeconds: -1 }).autoLockSeconds).toBe(DEFAULT_CONFIG.autoLockSeconds);
  });
});
