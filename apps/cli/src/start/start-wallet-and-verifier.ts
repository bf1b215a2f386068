import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { decodeBase64url, decodeCertificatePem, encodeCertificatePem, type Platform } from '@zhengzhao/core';
import { startRelay } from '@zhengzhao/relay';
import type { Logger } from '@zhengzhao/server-kit';
import type { TrustBundle } from '@zhengzhao/verifier';
import { startVerifierService } from '@zhengzhao/verifier-service';
import type { FastifyInstance } from 'fastify';
import { buildWebAppIfStale } from './build-web-app.js';
import type { DemoRelyingParties } from './demo-relying-parties.js';
import { serveWebApp } from './serve-web-app.js';

const REPO_ROOT = fileURLToPath(new URL('../../../../', import.meta.url));

export interface WalletAndVerifierPorts {
  readonly relay: number;
  readonly verifier: number;
  readonly counter: number;
  readonly wallet: number;
}

export interface StartWalletAndVerifierOptions {
  readonly platform: Platform;
  readonly logger: Logger;
  readonly dir: string;
  readonly ports: WalletAndVerifierPorts;
  readonly issuerUrl: string;
  /** The issuing authorities verifiers trust (the issuer's IACA root and document signers). */
  readonly trustBundle: () => TrustBundle;
  readonly relyingParties: DemoRelyingParties;
  /** The back-office API key of the demo (`POST /verify`). */
  readonly verifyApiKey: string;
  readonly onProgress: (line: string) => void;
}

export interface RunningWalletAndVerifier {
  readonly urls: {
    readonly relay: string;
    readonly verifier: string;
    readonly counter: string;
    readonly wallet: string;
  };
  close(): Promise<void>;
}

/**
 * The holder and verifier side of `zz start` (P3): the WebSocket relay for proximity sessions,
 * the verifier service (POST /verify, OpenID4VP endpoints, the e-ID login demo), and the two web
 * apps — the wallet and the counter — built on first start and served with their deployment
 * documents (`wallet-config.json`; `trust-bundle.json` and `reader.json`). Browsers reach them on
 * `localhost`, a secure context, so WebCrypto, WebAuthn and service workers work without TLS.
 */
export async function startWalletAndVerifier(
  options: StartWalletAndVerifierOptions,
): Promise<RunningWalletAndVerifier> {
  const { ports, platform, logger, relyingParties } = options;
  const host = '127.0.0.1';
  const urls = {
    relay: `ws://localhost:${ports.relay}`,
    verifier: `http://localhost:${ports.verifier}`,
    counter: `http://localhost:${ports.counter}`,
    wallet: `http://localhost:${ports.wallet}`,
  };
  const [walletDist, counterDist] = await Promise.all(
    (['wallet-web', 'verifier-web'] as const).map((app) =>
      buildWebAppIfStale({
        repoRoot: REPO_ROOT,
        appDir: join(REPO_ROOT, 'apps', app),
        outDir: join(options.dir, 'web', app),
        onBuild: () => options.onProgress(`building the ${app} app (first start or changed sources)…`),
      }),
    ),
  );

  const relay = await startRelay({ port: ports.relay, host, logger, handleSignals: false });
  const website = relyingParties.website;
  const websiteChain = website.certificateChainPem.map((pem) => decodeCertificatePem(pem));
  const verifier = await startVerifierService({
    port: ports.verifier,
    host,
    platform,
    logger,
    handleSignals: false,
    trust: options.trustBundle(),
    trustBundleUrl: `${urls.counter}/trust-bundle.json`,
    apiKeys: [{ id: 'demo-back-office', key: options.verifyApiKey }],
    publicBaseUrl: urls.verifier,
    walletLinkBase: `${urls.wallet}/`,
    requestSigning: {
      signer: await platform.suite('ES256').importSigner(decodeBase64url(website.privateKeyJwk.d)),
      certificateChain: websiteChain,
    },
  });

  const issuerOrigin = new URL(options.issuerUrl).origin;
  const counter = await serveWebApp({
    name: 'counter-web',
    root: counterDist as string,
    host,
    port: ports.counter,
    logger,
    connectTo: [issuerOrigin, urls.relay],
    documents: {
      'trust.json': options.trustBundle,
      'trust-bundle.json': options.trustBundle,
      'reader.json': () => ({
        certificate_chain: relyingParties.counter.certificateChainPem,
        private_key_jwk: relyingParties.counter.privateKeyJwk,
        organisation: relyingParties.counter.organisation,
      }),
    },
  });
  const wallet = await serveWebApp({
    name: 'wallet-web',
    root: walletDist as string,
    host,
    port: ports.wallet,
    logger,
    // a wallet talks to any issuer and verifier (OpenID4VCI/VP over https) and to the relay
    connectTo: [issuerOrigin, urls.relay, urls.verifier, 'https:', 'wss:'],
    documents: {
      'wallet-config.json': () => ({
        relayUrl: urls.relay,
        issuerUrl: options.issuerUrl,
        relyingPartyTrustAnchorsPem: [relyingParties.rootPem],
        issuerTrustAnchorsPem: options.trustBundle().issuers.flatMap((issuer) => issuer.iaca),
      }),
    },
  });
  const apps: FastifyInstance[] = [wallet, counter];
  return {
    urls,
    async close() {
      await Promise.all([...apps.map((app) => app.close()), verifier.close(), relay.close()]);
    },
  };
}

/** A trust bundle naming one issuing authority: its IACA root and document signer. */
export function trustBundleOf(issuer: {
  readonly id: string;
  readonly name: { readonly 'zh-CN': string; readonly en: string };
  readonly suite: TrustBundle['issuers'][number]['suite'];
  readonly rootDer: Uint8Array;
  readonly documentSignerDer: Uint8Array;
  readonly now: () => Date;
}): () => TrustBundle {
  return () => ({
    version: 1,
    issued_at: issuer.now().toISOString(),
    issuers: [
      {
        id: issuer.id,
        name: issuer.name,
        suite: issuer.suite,
        iaca: [encodeCertificatePem(issuer.rootDer)],
        document_signers: [encodeCertificatePem(issuer.documentSignerDer)],
      },
    ],
  });
}
