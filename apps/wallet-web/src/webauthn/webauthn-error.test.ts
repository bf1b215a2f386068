import { ZzError } from '@zhengzhao/core';
import { describe, expect, it } from 'vitest';
import { toWebAuthnError } from './webauthn-error.js';

describe('toWebAuthnError', () => {
  it('maps the DOMExceptions of navigator.credentials to catalogue codes', () => {
    expect(toWebAuthnError(new DOMException('x', 'NotAllowedError')).code).toBe('ERR_WEBAUTHN_CANCELLED');
    expect(toWebAuthnError(new DOMException('x', 'AbortError')).code).toBe('ERR_WEBAUTHN_CANCELLED');
    expect(toWebAuthnError(new DOMException('x', 'NotSupportedError')).code).toBe('ERR_WEBAUTHN_UNSUPPORTED');
    expect(toWebAuthnError(new DOMException('x', 'SecurityError')).code).toBe('ERR_WEBAUTHN_UNSUPPORTED');
  });

  it('keeps a ZzError and never passes on a foreign message', () => {
    const own = new ZzError('ERR_WEBAUTHN_PRF_UNSUPPORTED');
    expect(toWebAuthnError(own)).toBe(own);
    const odd = toWebAuthnError(new TypeError('secret detail'));
    expect(odd.code).toBe('ERR_WEBAUTHN_CANCELLED');
    expect(odd.message).not.toContain('secret detail');
    expect(toWebAuthnError('text').code).toBe('ERR_WEBAUTHN_CANCELLED');
  });
});
