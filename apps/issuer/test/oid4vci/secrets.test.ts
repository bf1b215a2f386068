import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseFormBody } from '../../src/modules/oid4vci/form-body.js';
import { createSecretHasher, randomDigits } from '../../src/modules/oid4vci/index.js';

describe('oid4vci secrets and form parsing', () => {
  it('randomDigits gives exactly n digits, uniform by rejection sampling', () => {
    const words = [Uint8Array.of(0xff, 0xff, 0xff, 0xff), Uint8Array.of(0, 0, 0, 42)];
    let i = 0;
    expect(randomDigits(() => words[i++] as Uint8Array, 6)).toBe('000042'); // the first word is rejected
    fc.assert(
      fc
        .property(fc.uint8Array({ minLength: 4, maxLength: 4 }), fc.integer({ min: 1, max: 9 }), (bytes, n) => {
          let calls = 0;
          // the given word first, then zeros (always accepted): a fixed rejected word would loop forever
          const out = randomDigits(() => (calls++ === 0 ? bytes : new Uint8Array(4)), n);
          return out.length === n && /^\d+$/.test(out);
        })
        .beforeEach(() => {}),
      { numRuns: 200 },
    );
    expect(() => randomDigits(() => new Uint8Array(4), 10)).toThrow();
  });

  it('keyed hashes depend on the key, the purpose and every part', () => {
    const a = createSecretHasher('k1');
    const b = createSecretHasher('k2');
    expect(a.hash('tx_code', 'c', '123456')).toMatch(/^[0-9a-f]{64}$/);
    expect(a.hash('tx_code', 'c', '123456')).not.toBe(b.hash('tx_code', 'c', '123456'));
    expect(a.hash('tx_code', 'c', '123456')).not.toBe(a.hash('activation_code', 'c', '123456'));
    expect(a.hash('x', 'ab', 'c')).not.toBe(a.hash('x', 'a', 'bc'));
  });

  it('property: form parsing returns parameters or a typed error, never another exception', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (text) => {
        try {
          parseFormBody(text);
          return true;
        } catch (error) {
          return (error as { code?: string }).code === 'ERR_OID4VCI_INVALID_REQUEST';
        }
      }),
      { numRuns: 500 },
    );
  });
});
