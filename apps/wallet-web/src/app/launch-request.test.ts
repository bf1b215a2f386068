import { describe, expect, it } from 'vitest';
import { readLaunchRequest } from './launch-request.js';

describe('readLaunchRequest (same-device links)', () => {
  it('reads an OpenID4VP request given by its parameters', () => {
    const launch = readLaunchRequest('?client_id=x509_san_dns%3Ahotel.example.cn&request_uri=https%3A%2F%2Fh%2Fr');
    expect(launch).toEqual({
      kind: 'presentation',
      request: 'openid4vp://?client_id=x509_san_dns%3Ahotel.example.cn&request_uri=https%3A%2F%2Fh%2Fr',
    });
  });

  it('reads a wrapped openid4vp:// link and a credential offer', () => {
    expect(readLaunchRequest(`?request=${encodeURIComponent('openid4vp://?client_id=a&request_uri=b')}`)).toEqual({
      kind: 'presentation',
      request: 'openid4vp://?client_id=a&request_uri=b',
    });
    expect(readLaunchRequest('?credential_offer_uri=https%3A%2F%2Fi%2Fo')).toEqual({
      kind: 'offer',
      offer: 'openid-credential-offer://?credential_offer_uri=https%3A%2F%2Fi%2Fo',
    });
  });

  it('ignores anything else', () => {
    for (const search of ['', '?', '?client_id=a', '?request=https://evil.example/', '?foo=bar', '?request_uri=x']) {
      expect(readLaunchRequest(search)).toBeUndefined();
    }
  });
});
