import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { decodeBase64url, decodeCertificatePem, type Platform } from '@zhengzhao/core';
import { startRelay } from '@zhengzhao/relay';
import type { Logger } from '@zhengzhao/server-kit';
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
  /** The provinces' issuers: the wallet activates with one of them (the first by default). */
  readonly issuers: readonly DemoIssuer[];
  /** The national trust registry: all that verifiers and wallets are configured with. */
  readonly national: {
    readonly rootPem: string;
    readonly trustListUrl: string;
    /** The list signed now, so the verifier service verifies before its first download. */
    readonly trustList: string;
  };
  readonly relyingParties: DemoRelyingParties;
  /** The sharing service the wallet answers agencies' requests through. */
  readonly shareUrl: string;
  /** The back-office API key of the demo (`POST /verify`). */
  readonly verifyApiKey: string;
  readonly onProgress: (line: string) => void;
}

/** A province's issuer as the wallet offers it. */
export interface DemoIssuer {
  readonly code: string;
  readonly name: { readonly 'zh-CN': string; readonly en: string };
  readonly url: string;
  /** Its IACA root (PEM): the wallet checks what it receives against these. */
  readonly iacaPem: string;
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
 * documents (`wallet-config.json`; `trust.json` — the national root and trust-list URL — and
 * `reader.json`). Browsers reach them on
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
    trust: {
      nationalRoot: options.national.rootPem,
      trustListUrl: options.national.trustListUrl,
      trustList: options.national.trustList,
    },
    // a compromised key or a de-registered party reaches the service within five minutes
    refreshIntervalSeconds: 300,
    apiKeys: [{ id: 'demo-back-office', key: options.verifyApiKey }],
    publicBaseUrl: urls.verifier,
    walletLinkBase: `${urls.wallet}/`,
    requestSigning: {
      signer: await platform.suite('ES256').importSigner(decodeBase64url(website.privateKeyJwk.d)),
      certificateChain: websiteChain,
    },
  });

  const issuerOrigins = options.issuers.map((issuer) => new URL(issuer.url).origin);
  const registryOrigin = new URL(options.national.trustListUrl).origin;
  const counter = await serveWebApp({
    name: 'counter-web',
    root: counterDist as string,
    host,
    port: ports.counter,
    logger,
    // status lists from every province's issuer, the trust list from the national registry
    connectTo: [...issuerOrigins, registryOrigin, urls.relay],
    documents: {
      'trust.json': () => ({
        national_root: options.national.rootPem,
        trust_list_url: options.national.trustListUrl,
      }),
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
    connectTo: [...issuerOrigins, registryOrigin, urls.relay, urls.verifier, options.shareUrl, 'https:', 'wss:'],
    documents: {
      'wallet-config.json': () => ({
        relayUrl: urls.relay,
        issuerUrl: options.issuers[0]?.url,
        issuers: options.issuers.map(({ code, name, url }) => ({ code, name, url })),
        relyingPartyTrustAnchorsPem: [relyingParties.rootPem],
        issuerTrustAnchorsPem: options.issuers.map((issuer) => issuer.iacaPem),
        nationalRootPem: options.national.rootPem,
        trustListUrl: options.national.trustListUrl,
        shareUrl: options.shareUrl,
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
