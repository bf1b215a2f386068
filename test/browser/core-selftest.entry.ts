/**
 * Runs in Chromium: the core and the web platform, bundled for the browser, exercise their main
 * paths and report each case to the Node test that drives the page.
 */
import {
  decodeCbor,
  decodeCoseSign1,
  encodeCbor,
  encodeCoseSign1,
  isZzError,
  type Platform,
  SUITE_IDS,
  signCoseSign1,
  toHex,
  utf8Encode,
  verifyCoseSign1,
} from '@zhengzhao/core';
import { createWebPlatform, generateNonExtractableSigner } from '@zhengzhao/crypto-web';

export interface SelfTestCase {
  readonly name: string;
  readonly ok: boolean;
  readonly detail?: string;
}

type Case = (platform: Platform) => Promise<void>;

function assert(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(message);
}

async function rejectsWith(promise: Promise<unknown>, code: string): Promise<void> {
  const outcome = await promise.then(
    () => 'resolved',
    (error: unknown) => error,
  );
  assert(isZzError(outcome) && outcome.code === code, `expected ${code}, got ${String(outcome)}`);
}

const cases: Record<string, Case> = {};

for (const suite of SUITE_IDS) {
  cases[`COSE_Sign1 ${suite} sign, encode, decode, verify; tamper rejected`] = async (platform) => {
    const signer = await platform.suite(suite).generateSigner();
    const message = await signCoseSign1(signer, { payload: utf8Encode('浏览器中的证照') });
    const decoded = decodeCoseSign1(encodeCoseSign1(message, { tagged: true }));
    await verifyCoseSign1(platform, decoded, signer.publicKey);
    const tampered = { ...decoded, payload: utf8Encode('tampered') };
    await rejectsWith(verifyCoseSign1(platform, tampered, signer.publicKey), 'ERR_COSE_SIGNATURE_INVALID');
  };
}

cases['non-extractable device key signs COSE'] = async (platform) => {
  const signer = await generateNonExtractableSigner();
  assert(signer.keyPair.privateKey.extractable === false, 'private key must not be extractable');
  const message = await signCoseSign1(signer, { payload: utf8Encode('device'), detached: true });
  await verifyCoseSign1(platform, message, signer.publicKey, { detachedPayload: utf8Encode('device') });
};

cases['deterministic CBOR round trip'] = async () => {
  const bytes = encodeCbor(
    new Map<string | number, unknown>([
      ['b', 1],
      [1, 'a'],
    ]) as never,
  );
  assert(toHex(bytes) === 'a20161616162' + '01', `got ${toHex(bytes)}`);
  assert((decodeCbor(bytes) as Map<unknown, unknown>).get('b') === 1, 'decoded value');
};

cases['bounded ZLIB inflate refuses a bomb'] = async (platform) => {
  const bomb = await platform.deflate(new Uint8Array(8 * 1024 * 1024));
  await rejectsWith(
    Promise.resolve().then(() => platform.inflate(bomb, 1024 * 1024)),
    'ERR_COMPRESSION_LIMIT',
  );
};

export async function runSelfTest(): Promise<SelfTestCase[]> {
  const platform = createWebPlatform();
  const results: SelfTestCase[] = [];
  for (const [name, run] of Object.entries(cases)) {
    try {
      await run(platform);
      results.push({ name, ok: true });
    } catch (error) {
      results.push({
        name,
        ok: false,
        detail: error instanceof Error ? `${error.name}: ${error.message}` : String(error),
      });
    }
  }
  return results;
}

(globalThis as { runSelfTest?: typeof runSelfTest }).runSelfTest = runSelfTest;
