import { describe, expect, it } from 'vitest';
import { resolveReaderConfigUrl } from './reader-config-url.js';

describe('resolveReaderConfigUrl', () => {
  const base = 'https://counter.example.cn/app/';

  it('defaults to reader.json next to the app, whatever else the page carries', () => {
    expect(resolveReaderConfigUrl('https://counter.example.cn/app/?trust=b.json', base)).toBe(
      'https://counter.example.cn/app/reader.json',
    );
  });

  it('takes ?reader= as an absolute URL or relative to the page', () => {
    expect(resolveReaderConfigUrl('https://counter.example.cn/app/?reader=keys/front-desk.json', base)).toBe(
      'https://counter.example.cn/app/keys/front-desk.json',
    );
    expect(
      resolveReaderConfigUrl('https://counter.example.cn/app/?reader=https%3A%2F%2Fconfig.example.cn%2Fr.json', base),
    ).toBe('https://config.example.cn/r.json');
  });

  it('refuses schemes other than http(s) and ignores an empty parameter', () => {
    for (const reader of ['javascript:alert(1)', 'data:application/json,{}', 'file:///etc/passwd', '']) {
      const page = `https://counter.example.cn/app/?reader=${encodeURIComponent(reader)}`;
      expect(resolveReaderConfigUrl(page, base)).toBe('https://counter.example.cn/app/reader.json');
    }
  });
});
