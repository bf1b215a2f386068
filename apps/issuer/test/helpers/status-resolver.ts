import { type StatusResolver, verifyStatusListCwt, verifyStatusListJwt } from '@zhengzhao/core';
import type { TestAuthority } from '@zhengzhao/test-kit';
import type { IssuerApp } from '../../src/index.js';
import { BASE_URL, platform } from './fixture.js';

/**
 * A verifier's status resolver that fetches the whole list from the issuer app (in process) and
 * verifies it against the test authority, every time (no cache): JWT or CWT.
 */
export function appStatusResolver(
  app: IssuerApp,
  authority: TestAuthority,
  form: 'jwt' | 'cwt' = 'jwt',
): StatusResolver {
  return {
    async resolveStatus(reference, { now }) {
      if (!reference.uri.startsWith(`${BASE_URL}/`)) throw new Error('foreign status uri');
      const url = reference.uri.slice(BASE_URL.length);
      const response = await app.inject({
        method: 'GET',
        url,
        headers: { accept: form === 'jwt' ? 'application/statuslist+jwt' : 'application/statuslist+cwt' },
      });
      const options = { trust: authority.trustSource, expectedUri: reference.uri, now };
      const verified =
        form === 'jwt'
          ? await verifyStatusListJwt(platform, response.body, options)
          : await verifyStatusListCwt(platform, new Uint8Array(response.rawPayload), options);
      return verified.list.get(reference.idx);
    },
  };
}
