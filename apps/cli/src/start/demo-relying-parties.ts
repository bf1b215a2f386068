import { webcrypto } from 'node:crypto';
import { existsSync } from 'node:fs';
import { type EcPrivateJwk, encodeCertificatePem } from '@zhengzhao/core';
import { writeFileAtomic } from '@zhengzhao/server-kit';
import { createRelyingPartyRoot, issueRelyingPartyCertificate } from '@zhengzhao/verifier-service';
import { readJsonFile } from '../io.js';

/** One relying party of the demo: its certificate chain (leaf first, PEM) and private key. */
export interface DemoRelyingParty {
  readonly organisation: { readonly 'zh-CN': string; readonly en: string };
  readonly certificateChainPem: readonly string[];
  readonly privateKeyJwk: EcPrivateJwk;
}

/**
 * The demo's relying-party authority and the two parties `zz start` runs: the counter app of a
 * hotel (an ISO 18013-5 reader certificate) and the government-service website (an OpenID4VP
 * access certificate, `x509_san_dns:localhost`). Wallets trust `rootPem` for both.
 */
export interface DemoRelyingParties {
  readonly rootPem: string;
  readonly counter: DemoRelyingParty;
  readonly website: DemoRelyingParty;
}

const DAY = 86_400_000;

/**
 * Loads the demo relying parties from `path`, or makes them on first start (mode 0600 in the
 * data directory, never in the repository). A stand-in for relying-party registration: the
 * national trust registry (P4) will issue these certificates, each carrying its registration.
 */
export async function demoRelyingParties(path: string, now: Date): Promise<DemoRelyingParties> {
  if (existsSync(path)) return readJsonFile(path) as DemoRelyingParties;
  const notBefore = new Date(now.getTime() - DAY);
  const notAfter = new Date(now.getTime() + 3 * 365 * DAY);
  const root = await createRelyingPartyRoot({ organization: 'Zhengzhao Demo Relying Parties', notBefore, notAfter });
  const leaf = async (serialNumber: string, organisation: DemoRelyingParty['organisation'], dnsName?: string) => {
    const issued = await issueRelyingPartyCertificate(root, {
      serialNumber,
      organization: organisation.en,
      ...(dnsName && { dnsName }),
      notBefore,
      notAfter,
    });
    const jwk = await webcrypto.subtle.exportKey('jwk', issued.keys.privateKey);
    return {
      organisation,
      certificateChainPem: [encodeCertificatePem(issued.certificate)],
      privateKeyJwk: { kty: 'EC', crv: 'P-256', x: jwk.x, y: jwk.y, d: jwk.d } as EcPrivateJwk,
    };
  };
  const parties: DemoRelyingParties = {
    rootPem: encodeCertificatePem(new Uint8Array(root.certificate.rawData)),
    counter: await leaf('02', { 'zh-CN': '示例酒店前台 (演示)', en: 'Demo Hotel Front Desk' }),
    website: await leaf('03', { 'zh-CN': '政务服务网 (演示)', en: 'Demo Government Services' }, 'localhost'),
  };
  await writeFileAtomic(path, `${JSON.stringify(parties, null, 2)}\n`);
  return parties;
}
