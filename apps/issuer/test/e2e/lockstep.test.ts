import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  createDeviceResponse,
  createOid4vpSessionTranscript,
  createStaticTrustSource,
  createStatusListCache,
  decodeBase64url,
  decodeIssuerSigned,
  encodeDeviceResponse,
  presentMdoc,
  presentSdJwtVc,
  receiveCredentials,
  verifyPresentation,
} from '@zhengzhao/core';
import { createNodePlatform } from '@zhengzhao/crypto-node';
import { createRegistryApp, type RegistryApp, type RegistryDatabase } from '@zhengzhao/registry';
import { createDatabase, createLogger } from '@zhengzhao/server-kit';
import { createTestAuthority, freePort } from '@zhengzhao/test-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createIssuerApp, type IssuerApp, type IssuerDatabase } from '../../src/index.js';
import { withOid4vci } from '../../src/modules/oid4vci/index.js';

/**
 * DESIGN.md M1 end to end, over real HTTP: the registry simulator pushes signed card events to
 * the issuer; a clerk gets an activation code; the holder's wallet client runs OpenID4VCI and
 * receives a batch; a verifier accepts it with status lists fetched whole; a change of address
 * at the registry revokes it within seconds.
 */
const platform = createNodePlatform();
const quiet = createLogger({ name: 'e2e', level: 'silent' });
const CLERK = 'clerk-token-0123456789abcdef';
const SECRET = 'webhook-secret-0123456789abcdef';

async function eventually<T>(probe: () => Promise<T | undefined>, what: string, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('registry → issuer → wallet → verifier, in lock-step with the physical card', () => {
  const dir = mkdtempSync(join(tmpdir(), 'zz-e2e-'));
  let issuer: IssuerApp;
  let registry: RegistryApp;
  let issuerUrl: string;
  let registryUrl: string;
  let authority: Awaited<ReturnType<typeof createTestAuthority>>;
  const closers: (() => Promise<unknown>)[] = [];

  beforeAll(async () => {
    const now = () => new Date();
    authority = await createTestAuthority({ platform, suite: 'ES256', now: new Date() });
    const port = await freePort();
    issuerUrl = `http://127.0.0.1:${port}`;
    const issuerDb = createDatabase<IssuerDatabase>({ file: join(dir, 'issuer.sqlite') });
    closers.push(() => issuerDb.close());
    issuer = await createIssuerApp({
      ...withOid4vci({ platform, clock: now, suite: 'ES256', clerkTokens: [CLERK], secretHashKey: 'e2e-secret-hash' }),
      config: { publicBaseUrl: issuerUrl, provinceCode: '44', webhookSecret: SECRET, statusShardSize: 4096 },
      database: issuerDb,
      platform,
      clock: now,
      logger: quiet,
      signer: authority.documentSigner.signer,
      certificateChain: authority.chain,
    });
    await issuer.listen({ host: '127.0.0.1', port });
    closers.unshift(() => issuer.close());

    const registryDb = createDatabase<RegistryDatabase>({ file: join(dir, 'registry.sqlite') });
    closers.push(() => registryDb.close());
    registry = await createRegistryApp({
      database: registryDb,
      registry: { province: '44', seed: 7, population: 3 },
      clock: { now },
      random: (length) => new Uint8Array(randomBytes(length)),
      logger: quiet,
      clerkTokens: [CLERK],
      webhooks: [{ name: 'issuer-44', url: `${issuerUrl}/events/registry`, secret: SECRET }],
      delivery: { intervalMs: 50 },
    });
    registryUrl = await registry.listen({ host: '127.0.0.1', port: 0 });
    closers.unshift(() => registry.close());
  }, 60_000);

  afterAll(async () => {
    for (const close of closers) await close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('issues after the card event, verifies offline with whole status lists, and revokes on a change of address', async () => {
    const clerk = { authorization: `Bearer ${CLERK}`, 'content-type': 'application/json' };
    const { persons } = (await (await fetch(`${registryUrl}/persons?limit=1`, { headers: clerk })).json()) as {
      persons: { person_id: string; card_number: string }[];
    };
    const person = persons[0] as { person_id: string; card_number: string };

    // the issuer learns of the card from the registry's signed webhook
    await eventually(
      async () => (await issuer.issuer.personDirectory.get(person.person_id))?.cardState === 'active' || undefined,
      'the card.issued event at the issuer',
    );

    // the clerk asks the issuer for an activation code; the holder proves the card with it
    const code = (await (
      await fetch(`${issuerUrl}/activation/codes`, {
        method: 'POST',
        headers: clerk,
        body: JSON.stringify({ person_id: person.person_id }),
      })
    ).json()) as { activation_code: string };
    const activation = (await (
      await fetch(`${issuerUrl}/activation`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ card_number: person.card_number, activation_code: code.activation_code }),
      })
    ).json()) as { credential_offer_link: string; tx_code: string };

    // the wallet runs OpenID4VCI 1.0 with its device key: a batch per configuration
    const device = await platform.suite('ES256').generateSigner();
    const received = await receiveCredentials(platform, {
      offer: activation.credential_offer_link,
      txCode: activation.tx_code,
      deviceSigner: device,
      configurationIds: ['eid_sd_jwt', 'eid_mdoc'],
      batchSize: 3,
      fetch: globalThis.fetch,
      now: () => new Date(),
    });
    const sdJwts = received.batches.find((b) => b.configurationId === 'eid_sd_jwt')?.credentials ?? [];
    const mdocs = received.batches.find((b) => b.configurationId === 'eid_mdoc')?.credentials ?? [];
    expect(sdJwts).toHaveLength(3);
    expect(mdocs).toHaveLength(3);
    expect(new Set(sdJwts).size).toBe(3); // one-time copies, each its own

    // a verifier with nothing but the root and whole status lists fetched from the issuer
    const trust = createStaticTrustSource({ platform, roots: [authority.root.der] });
    const statusFetches: string[] = [];
    const statusResolver = () =>
      createStatusListCache({
        platform,
        trust,
        fetchToken: async (uri) => {
          statusFetches.push(uri);
          const response = await fetch(uri, { headers: { accept: 'application/statuslist+jwt' } });
          return { body: await response.text(), contentType: response.headers.get('content-type') ?? '' };
        },
      });
    const verifySdJwt = async (sdJwt: string, resolver: ReturnType<typeof statusResolver>) => {
      const presentation = await presentSdJwtVc(platform, sdJwt, {
        disclose: ['age_over_18'],
        holderSigner: device,
        audience: 'https://hotel.example.cn',
        nonce: 'n-1',
        now: new Date(),
      });
      return verifyPresentation(platform, presentation, {
        trust,
        now: new Date(),
        statusResolver: resolver,
        audience: 'https://hotel.example.cn',
        nonce: 'n-1',
      });
    };
    const before = await verifySdJwt(sdJwts[0] as string, statusResolver());
    expect(before.valid).toBe(true);
    expect(before.statusValue).toBe(0);
    expect(statusFetches.every((uri) => uri.startsWith(`${issuerUrl}/status/`))).toBe(true);

    const sessionTranscript = await createOid4vpSessionTranscript(platform, {
      clientId: 'x509_san_dns:hotel.example.cn',
      nonce: 'n-2',
      jwkThumbprint: null,
      responseUri: 'https://hotel.example.cn/post',
    });
    const document = await presentMdoc(platform, {
      issuerSigned: decodeIssuerSigned(decodeBase64url(mdocs[0] as string)),
      deviceSigner: device,
      sessionTranscript,
      docType: 'cn.gov.eid.1',
      disclose: { 'cn.gov.eid.1': ['full_name', 'portrait'] },
    });
    const mdocReport = await verifyPresentation(platform, encodeDeviceResponse(createDeviceResponse([document])), {
      trust,
      now: new Date(),
      sessionTranscript,
      statusResolver: statusResolver(),
    });
    expect(mdocReport.valid).toBe(true);
    expect(mdocReport.claims?.['cn.gov.eid.1']?.portrait).toBeInstanceOf(Uint8Array);

    // the registry changes the address: the issuer revokes every live copy within seconds
    const changed = await fetch(`${registryUrl}/persons/${person.person_id}/address`, {
      method: 'POST',
      headers: clerk,
      body: JSON.stringify({
        address: { region_code: '440106', city: '广州市', district: '天河区', street: '体育东路 8 号' },
      }),
    });
    expect(changed.status).toBe(200);
    const after = await eventually(async () => {
      const report = await verifySdJwt(sdJwts[1] as string, statusResolver());
      return report.valid ? undefined : report;
    }, 'the revocation in the published status list');
    expect(after.checks.find((c) => c.outcome === 'failed')).toMatchObject({
      id: 'status',
      code: 'ERR_STATUS_REVOKED',
    });
  }, 60_000);
});
