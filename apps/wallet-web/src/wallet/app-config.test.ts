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
    });
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
