import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeCertificatePem, verifyTrustList } from '@zhengzhao/core';
import { createNodePlatform } from '@zhengzhao/crypto-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningZzStart, spawnZzStart } from './spawn-zz-start.js';

describe('zz start (npm start): the whole platform in one process', () => {
  const dir = mkdtempSync(join(tmpdir(), 'zz-start-'));
  let platform: RunningZzStart;
  beforeAll(async () => {
    platform = await spawnZzStart(dir, 10, 360_000);
  }, 420_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('prints one line per service with its URL', () => {
    const { ports } = platform;
    const output = platform.output();
    expect(output).toContain(`trust      http://127.0.0.1:${ports.trust}/docs`);
    expect(output).toContain(`registry   http://127.0.0.1:${ports.registry}/`);
    expect(output).toContain(`issuer-44  http://127.0.0.1:${ports.issuer}/docs`);
    expect(output).toContain(`registry-33 http://127.0.0.1:${ports['registry-33']}/`);
    expect(output).toContain(`issuer-33  http://127.0.0.1:${ports['issuer-33']}/docs`);
    expect(output).toContain(`issuer-11  http://127.0.0.1:${ports['issuer-11']}/docs`);
    expect(output).toMatch(/issuer-11 .*\(SM2\)/);
    expect(output).toContain(`wallet     http://localhost:${ports.wallet}/`);
    expect(output).toContain(`counter    http://localhost:${ports.counter}/`);
    expect(output).toContain(`verifier   http://localhost:${ports.verifier}/`);
    expect(output).toContain(`relay      ws://localhost:${ports.relay}/`);
    expect(output).toContain(`share      http://localhost:${ports.share}/docs`);
  });

  it('runs each province’s registry and issuer, and the national trust registry naming all three', async () => {
    const { ports } = platform;
    for (const [registry, issuer] of [
      [ports.registry, ports.issuer],
      [ports['registry-33'], ports['issuer-33']],
      [ports['registry-11'], ports['issuer-11']],
    ]) {
      expect((await fetch(`http://127.0.0.1:${registry}/healthz`)).status).toBe(200);
      const metadata = await fetch(`http://127.0.0.1:${issuer}/.well-known/openid-credential-issuer`);
      expect((await metadata.json()).credential_issuer).toBe(`http://127.0.0.1:${issuer}`);
    }
    const root = await (await fetch(`http://127.0.0.1:${ports.trust}/root.pem`)).text();
    const signed = await (await fetch(`http://127.0.0.1:${ports.trust}/trust-list`)).text();
    const verified = await verifyTrustList(createNodePlatform(), signed, {
      roots: [decodeCertificatePem(root)],
      now: new Date(),
    });
    expect(verified.list.authorities.map((authority) => [authority.id, authority.suite]).sort()).toEqual([
      ['cn-11-gat', 'SM2'],
      ['cn-33-gat', 'ES256'],
      ['cn-44-gat', 'ES256'],
      ['cn-44-rsj', 'ES256'],
    ]);
    const sscard = verified.list.authorities.find((authority) => authority.id === 'cn-44-rsj');
    expect(sscard).toMatchObject({ kind: 'human_resources', credential_types: ['cn.gov.sscard.1'] });
    const metadata = await fetch(`http://127.0.0.1:${ports.sscard}/.well-known/openid-credential-issuer`);
    expect(Object.keys((await metadata.json()).credential_configurations_supported).sort()).toEqual([
      'sscard_mdoc',
      'sscard_sd_jwt',
    ]);
    expect(verified.list.relying_parties.map((party) => party.id).sort()).toEqual([
      'demo-bank',
      'demo-gov-portal',
      'demo-hotel-front-desk',
    ]);
    const page = await fetch(`http://127.0.0.1:${ports.registry}/`);
    expect(await page.text()).toContain('<html lang="zh-CN"');
  });

  it('serves the wallet with its configuration and the counter with the national root and trust-list URL', async () => {
    const { ports } = platform;
    const wallet = await fetch(`http://localhost:${ports.wallet}/`);
    expect(wallet.headers.get('content-security-policy')).toContain(`http://127.0.0.1:${ports.issuer}`);
    expect(await wallet.text()).toContain('<div id="root"');
    const config = await (await fetch(`http://localhost:${ports.wallet}/wallet-config.json`)).json();
    expect(config.relayUrl).toBe(`ws://localhost:${ports.relay}`);
    expect(config.relyingPartyTrustAnchorsPem[0]).toContain('BEGIN CERTIFICATE');
    expect(config.issuers.map((issuer: { code: string }) => issuer.code)).toEqual(['44', '44-rsj', '33', '11']);
    expect(config.trustListUrl).toBe(`http://127.0.0.1:${ports.trust}/trust-list`);
    expect(config.shareUrl).toBe(`http://localhost:${ports.share}`);
    const share = await fetch(`http://localhost:${ports.share}/log/tree-head`);
    expect(share.status).toBe(200);
    expect((await share.json()).log_id).toBe(`http://localhost:${ports.share}/log`);
    const trust = await (await fetch(`http://localhost:${ports.counter}/trust.json`)).json();
    expect(trust.national_root).toContain('BEGIN CERTIFICATE');
    expect(trust.trust_list_url).toBe(`http://127.0.0.1:${ports.trust}/trust-list`);
    const reader = await (await fetch(`http://localhost:${ports.counter}/reader.json`)).json();
    expect(reader.certificate_chain).toHaveLength(1);
  });

  it('runs the verifier service (login page, POST /verify with the demo API key) and the relay', async () => {
    const { ports } = platform;
    const login = await fetch(`http://localhost:${ports.verifier}/`);
    expect(await login.text()).toContain('zh-CN');
    const { verifyApiKey } = JSON.parse(readFileSync(join(dir, 'demo-secrets.json'), 'utf8')) as {
      verifyApiKey: string;
    };
    const verify = (headers: Record<string, string>) =>
      fetch(`http://localhost:${ports.verifier}/verify`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ presentation: 'ZZ1:NOT-A-QR' }),
      });
    expect((await verify({})).status).toBe(401);
    const unreadable = await verify({ authorization: `Bearer ${verifyApiKey}` });
    expect(unreadable.status).toBe(400);
    expect(unreadable.headers.get('content-type')).toContain('application/problem+json');
    expect(((await unreadable.json()) as { code: string }).code).toBe('ERR_ENCODING_BASE45');
    expect((await fetch(`http://localhost:${ports.relay}/healthz`)).status).toBe(200);
  });

  it('stops cleanly on SIGTERM', async () => {
    expect(await platform.stop()).toBe(0);
  }, 30_000);
});
