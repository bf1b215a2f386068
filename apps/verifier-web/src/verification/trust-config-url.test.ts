import { describe, expect, it } from 'vitest';
import { resolveTrustConfigUrl } from './trust-config-url.js';

describe('resolveTrustConfigUrl', () => {
  const base = 'https://counter.example.cn/app/';

  it('defaults to trust.json next to the app', () => {
    expect(resolveTrustConfigUrl('https://counter.example.cn/app/', base)).toBe(
      'https://counter.example.cn/app/trust.json',
    );
    expect(resolveTrustConfigUrl('https://counter.example.cn/app/?lang=en', base)).toBe(
      'https://counter.example.cn/app/trust.json',
    );
  });

  it('takes ?trust= as an absolute URL or relative to the page', () => {
    expect(
      resolveTrustConfigUrl('https://counter.example.cn/app/?trust=https%3A%2F%2Ftrust.gov.cn%2Fb.json', base),
    ).toBe('https://trust.gov.cn/b.json');
    expect(resolveTrustConfigUrl('https://counter.example.cn/app/?trust=bundles/gd.json', base)).toBe(
      'https://counter.example.cn/app/bundles/gd.json',
    );
  });

  it('refuses schemes other than http(s)', () => {
    for (const trust of ['javascript:alert(1)', 'data:application/json,{}', 'file:///etc/passwd', 'blob:x']) {
      const page = `https://counter.example.cn/app/?trust=${encodeURIComponent(trust)}`;
      expect(resolveTrustConfigUrl(page, base)).toBe('https://counter.example.cn/app/trust.json');
    }
  });

  it('ignores an empty parameter', () => {
    expect(resolveTrustConfigUrl('https://counter.example.cn/app/?trust=', base)).toBe(
      'https://counter.example.cn/app/trust.json',
    );
  });
});
