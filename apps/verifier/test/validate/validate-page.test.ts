import { encodeBase64, validateClaims } from '@zhengzhao/core';
import { renderLayoutDocument, signLayoutDocument } from '@zhengzhao/layout';
import { issueTestPaperCredential, syntheticResidentClaims } from '@zhengzhao/test-kit';
import { beforeAll, describe, expect, it } from 'vitest';
import { createFixture, type Fixture, platform, REVOKED_IDX, STATUS_URI, VALID_IDX } from '../helpers/fixture.js';

/** Issue 7 §4: the public validation page (证照校验) of the verifier service. */
describe('validation page: POST /validate checks a signed layout document and its credential', () => {
  let f: Fixture;
  /** A signed layout document holding a paper credential at status index `idx`. */
  const documentWith = async (idx: number) => {
    const now = f.clock.now();
    const paper = await issueTestPaperCredential(platform, f.authority, {
      issuedAt: now,
      status: { uri: STATUS_URI, idx },
    });
    const unsigned = await renderLayoutDocument({
      typeId: 'cn.gov.eid.1',
      claims: validateClaims('cn.gov.eid.1', syntheticResidentClaims()),
      credential: paper.text,
      issuerName: '广东省公安厅 Guangdong Public Security',
      documentNumber: 'pc_test',
      issuedAt: now,
      now,
    });
    return signLayoutDocument(
      unsigned,
      { signer: f.authority.documentSigner.signer, certificateChain: [...f.authority.chain] },
      { platform, now },
    );
  };
  const post = (document: unknown) => f.app.inject({ method: 'POST', url: '/validate', payload: { document } });

  beforeAll(async () => {
    f = await createFixture();
  });

  it('serves the page in zh-CN and English with a strict CSP', async () => {
    const page = await f.app.inject({ method: 'GET', url: '/validate' });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<html lang="zh-CN"');
    expect(page.body).toContain('证照校验');
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect((await f.app.inject({ method: 'GET', url: '/validate?lang=en' })).body).toContain(
      'Validate a licence document',
    );
    expect((await f.app.inject({ method: 'GET', url: '/validate.js' })).statusCode).toBe(200);
  });

  it('a valid document: signature, signer, paper credential and status all pass', async () => {
    const res = await post(encodeBase64(await documentWith(VALID_IDX)));
    expect(res.statusCode).toBe(200);
    const report = res.json();
    expect(report.checks.filter((check: { outcome: string }) => check.outcome === 'failed')).toEqual([]);
    expect(report.valid).toBe(true);
    expect(report.signer.suite).toBe('ES256');
    expect(report.credential.presentation).toBe('paper');
    expect(report.credential.claims.full_name).toBeDefined();
    expect(report.credential.claims).not.toHaveProperty('portrait');
  });

  it('a revoked credential, a changed byte: not valid, with the code', async () => {
    const revoked = (await post(encodeBase64(await documentWith(REVOKED_IDX)))).json();
    expect(revoked.valid).toBe(false);
    expect(revoked.credential.checks.find((c: { outcome: string }) => c.outcome === 'failed').code).toBe(
      'ERR_STATUS_REVOKED',
    );
    const tampered = (await documentWith(VALID_IDX)).slice();
    const at = Math.floor(tampered.length / 2);
    tampered.set([(tampered[at] ?? 0) ^ 1], at);
    const changed = (await post(encodeBase64(tampered))).json();
    expect(changed.valid).toBe(false);
    expect(changed.checks.find((c: { outcome: string }) => c.outcome === 'failed')).toBeDefined();
  });

  it('bad input: not a PDF, not base64, empty, wrong type, too large', async () => {
    expect((await post(encodeBase64(new TextEncoder().encode('hello, not a pdf')))).json().code).toBe(
      'ERR_PDF_MALFORMED',
    );
    expect((await post('%%%')).statusCode).toBe(400);
    expect((await post('')).statusCode).toBe(400);
    expect((await post(42)).statusCode).toBe(400);
    const huge = await f.app.inject({
      method: 'POST',
      url: '/validate',
      payload: { document: 'A'.repeat(9 * 1024 * 1024) },
    });
    expect(huge.statusCode).toBe(413);
  });
});
