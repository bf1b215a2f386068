import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encodeCbor, sigStructure1, toHex } from '../../src/index.js';

describe('sigStructure1 (RFC 9052 §4.4)', () => {
  it('equals the general deterministic encoding of ["Signature1", protected, aad, payload]', () => {
    const sizes = fc.oneof(fc.constantFrom(0, 1, 23, 24, 255, 256, 65535, 65536), fc.nat({ max: 70000 }));
    fc.assert(
      fc.property(sizes, sizes, sizes, (a, b, c) => {
        const [p, aad, payload] = [a, b, c].map((n) => new Uint8Array(n).fill(n & 0xff)) as [
          Uint8Array,
          Uint8Array,
          Uint8Array,
        ];
        expect(toHex(sigStructure1(p, aad, payload))).toBe(toHex(encodeCbor(['Signature1', p, aad, payload])));
      }),
      { numRuns: 60 },
    );
  });
});
