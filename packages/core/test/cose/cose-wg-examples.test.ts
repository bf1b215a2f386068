import { createNodePlatform } from '@zhengzhao/crypto-node';
import { describe, expect, it } from 'vitest';
import {
  bodyProtected,
  coseSuiteOf,
  decodeBase64url,
  decodeCoseSign1,
  fromHex,
  isZzError,
  publicKeyFromCoordinates,
  sigStructure1,
  toHex,
  verifyCoseSign1,
} from '../../src/index.js';
import { listVectors, readVector } from '../support/vectors.js';

/** cose-wg/Examples (see ../shared/vectors/README.md): Sign1 pass and fail cases, ECDSA and EdDSA. */
interface CoseExample {
  title: string;
  fail?: boolean;
  input: {
    plaintext: string;
    sign0?: { key: { crv: string; x: string; y?: string }; alg: string; external?: string };
    sign?: unknown;
  };
  intermediates: { ToBeSign_hex?: string };
  output: { cbor: string };
}

const platform = createNodePlatform();
const files = listVectors('cose');

describe('cose-wg/Examples COSE_Sign1', () => {
  it('has the vectors', () => {
    expect(files.length).toBeGreaterThanOrEqual(17);
  });

  for (const file of files) {
    const example = readVector<CoseExample>(`cose/${file}`);
    const sign0 = example.input.sign0;

    if (!sign0) {
      it(`${file}: a multi-signer COSE_Sign (tag 98) is not a COSE_Sign1`, () => {
        const error = catchError(() => decodeCoseSign1(fromHex(example.output.cbor)));
        expect(isZzError(error, 'ERR_COSE_MALFORMED')).toBe(true);
      });
      continue;
    }

    if (sign0.alg !== 'ES256') {
      it(`${file}: ${sign0.alg} is refused as an unsupported algorithm`, () => {
        const message = decodeCoseSign1(fromHex(example.output.cbor));
        expect(
          isZzError(
            catchError(() => coseSuiteOf(message)),
            'ERR_CRYPTO_UNSUPPORTED_ALG',
          ),
        ).toBe(true);
      });
      continue;
    }

    it(`${file}: ${example.title} ${example.fail ? 'is rejected' : 'verifies'}`, async () => {
      const key = publicKeyFromCoordinates('ES256', decodeBase64url(sign0.key.x), decodeBase64url(sign0.key.y ?? ''));
      const externalAad = sign0.external ? fromHex(sign0.external) : new Uint8Array(0);
      const outcome = await (async () => {
        const message = decodeCoseSign1(fromHex(example.output.cbor));
        if (!example.fail && example.intermediates.ToBeSign_hex && message.payload) {
          expect(toHex(sigStructure1(bodyProtected(message), externalAad, message.payload))).toBe(
            example.intermediates.ToBeSign_hex.toLowerCase(),
          );
        }
        await verifyCoseSign1(platform, message, key, { externalAad });
        return 'verified';
      })().catch((error: unknown) => error);
      if (example.fail) {
        expect(isZzError(outcome)).toBe(true);
      } else {
        expect(outcome).toBe('verified');
      }
    });
  }
});

function catchError(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}
