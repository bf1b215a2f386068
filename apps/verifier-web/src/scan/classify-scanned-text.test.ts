import { describe, expect, it } from 'vitest';
import { classifyScannedText } from './classify-scanned-text.js';

describe('classifyScannedText', () => {
  it.each([
    ['ZZ1:NCF:PDVWHJBFG/OFA20G3WAPJYA', 'zz1'],
    ['  ZZ1:ABC  ', 'zz1'],
    ['mdoc:owBjMS4wAYIB2Bh', 'proximity'],
    ['MDOC:owBjMS4w', 'proximity'],
    ['wxp://f2f0abcdefg', 'payment'],
    ['https://qr.alipay.com/fkx12345', 'payment'],
    ['alipays://platformapi/startapp?appId=1', 'payment'],
    ['https://wx.tenpay.com/f2f?t=1', 'payment'],
    ['134567890123456789', 'payment'],
    ['281234567890123456', 'payment'],
    ['6212345678901234567', 'payment'],
    ['https://example.com/menu?table=12', 'url'],
    ['http://192.168.1.1/', 'url'],
    ['weixin://dl/business/?t=abc', 'url'],
    ['mailto:someone@example.com', 'url'],
    ['WIFI:S:hotel;T:WPA;P:secret;;', 'url'],
    ['', 'empty'],
    ['   \n', 'empty'],
    ['hello world', 'other'],
    ['Note:hello', 'other'],
    ['eyJhbGciOiJFUzI1NiJ9.eyJ2Y3QiOiJ4In0.c2ln~WyJzIiwiYSIsMV0~', 'other'],
    ['12345', 'other'],
    ['ZZ2:ABC', 'other'],
  ])('%j is %s', (text, kind) => {
    expect(classifyScannedText(text)).toBe(kind);
  });

  it('does not treat a ZZ1 text that happens to contain a URL as a link', () => {
    expect(classifyScannedText('ZZ1:HTTPS://EXAMPLE.COM')).toBe('zz1');
  });

  it('handles very long input without backtracking blow-up', () => {
    const long = `https://${'a'.repeat(200_000)}`;
    const started = performance.now();
    expect(classifyScannedText(long)).toBe('url');
    expect(classifyScannedText('9'.repeat(200_000))).toBe('other');
    expect(performance.now() - started).toBeLessThan(1000);
  });
});
