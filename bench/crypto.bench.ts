/**
 * Crypto adapters: SM2 (pure TypeScript on @noble/curves, native SM3) and WebCrypto ES256,
 * each as a ratio against node:crypto ES256 measured in the same run.
 */
import { utf8Encode } from '@zhengzhao/core';
import { createNodePlatform } from '@zhengzhao/crypto-node';
import { createWebPlatform } from '@zhengzhao/crypto-web';
import { compare, report } from './lib.js';

export async function run(): Promise<void> {
  const node = createNodePlatform();
  const web = createWebPlatform();
  const data = utf8Encode('x'.repeat(300)); // about the size of a COSE Sig_structure of an MSO digest
  const es256 = node.suite('ES256');
  const sm2 = node.suite('SM2');
  const esSigner = await es256.generateSigner();
  const smSigner = await sm2.generateSigner();
  const esSignature = await esSigner.sign(data);
  const smSignature = await smSigner.sign(data);
  const webEs256 = web.suite('ES256');
  const esPoint = esSigner.publicKey.point;
  const smPoint = smSigner.publicKey.point;

  const verify = await compare(
    () => sm2.verify(smPoint, data, smSignature),
    () => es256.verify(esPoint, data, esSignature),
  );
  report(
    'SM2 verify ÷ node ES256 verify (cached issuer key)',
    `${verify.ratio.toFixed(3)}× (${Math.round(verify.subject)}/s)`,
    '≥ 0.12×',
    verify.ratio >= 0.12,
  );

  const sign = await compare(
    () => smSigner.sign(data),
    () => esSigner.sign(data),
  );
  report(
    'SM2 sign ÷ node ES256 sign',
    `${sign.ratio.toFixed(3)}× (${Math.round(sign.subject)}/s)`,
    'report',
    undefined,
  );

  const webVerify = await compare(
    () => webEs256.verify(esPoint, data, esSignature),
    () => es256.verify(esPoint, data, esSignature),
  );
  report(
    'web ES256 verify (awaited one at a time) ÷ node ES256 verify',
    `${webVerify.ratio.toFixed(3)}× (${Math.round(webVerify.subject)}/s)`,
    'report',
    undefined,
  );
  report('node ES256 verify (baseline of the above)', `${Math.round(verify.baseline)}/s`, 'report', undefined);
}
