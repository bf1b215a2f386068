import { createServer, type Server } from 'node:http';
import { encodeCertificatePem, parseCredentialOfferLink } from '@zhengzhao/core';
import { createNodePlatform } from '@zhengzhao/crypto-node';
import { freePort } from '@zhengzhao/test-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activateWithCard } from '../src/activate-with-card.js';
import { createWallet } from '../src/create-wallet.js';
import { retryAfterSeconds } from '../src/issuer/issuer-refusal.js';
import { createMemoryWalletStore } from '../src/store/create-memory-wallet-store.js';
import { expectCode, PIN, TEST_ITERATIONS } from './helpers.js';
import { type IssuerPlatform, startIssuerPlatform } from './issuer-platform.js';

/**
 * `activateWithCard` against the REAL issuer and registry: the holder types the card number and
 * the clerk's one-time activation code (the SMS stand-in) and gets an offer the wallet accepts
 * with the tx_code that came with it; a wrong, expired or used code, bad input, an unreachable
 * or silent issuer, and the lock-out after repeated failures are typed errors. The failures are
 * counted per client IP by the issuer (all of this file's calls come from 127.0.0.1): the
 * lock-out test runs last.
 */
const platform = createNodePlatform();

describe('activateWithCard ↔ real issuer', () => {
  let zz: IssuerPlatform;
  let calls = 0;
  const counting = ((input: string | URL | Request, init?: RequestInit) => {
    calls += 1;
    return fetch(input, init);
  }) as typeof fetch;

  beforeAll(async () => {
    zz = await startIssuerPlatform({ batchSize: 2 });
  }, 60_000);

  afterAll(async () => {
    await zz?.close();
  });

  it('the right code gives an offer and its tx_code, which the wallet accepts; the code works once', async () => {
    const person = await zz.person(0);
    const cardNumber = person.card?.card_number as string;
    const code = await zz.activationCode(person.person_id);

    // a wrong code first: refused, and it does not spend the real one
    const wrong = code.replace(/^\d/, (d) => String((Number(d) + 1) % 10));
    await expectCode(
      activateWithCard({ issuerUrl: zz.issuerUrl, cardNumber, activationCode: wrong }),
      'ERR_OID4VCI_ACTIVATION_CODE_INVALID',
    );

    // typed as people do: spaces in the code, a trailing slash on the issuer
    const issued = await activateWithCard({
      issuerUrl: `${zz.issuerUrl}/`,
      cardNumber: ` ${cardNumber} `,
      activationCode: `${code.slice(0, 4)} ${code.slice(4)}`,
      fetch: counting,
    });
    expect(calls).toBe(1);
    expect(issued.txCode).toMatch(/^\d{6}$/);
    const link = parseCredentialOfferLink(issued.offer);
    expect('credentialOffer' in link && link.credentialOffer.credential_issuer).toBe(zz.issuerUrl);

    const wallet = await createWallet({
      platform,
      store: createMemoryWalletStore(),
      pinIterations: TEST_ITERATIONS,
      trustAnchorsPem: [encodeCertificatePem(zz.authority.root.der)],
    });
    await wallet.setUp({ pin: PIN });
    const preview = await wallet.previewOffer(issued.offer);
    expect(preview.txCode).toMatchObject({ inputMode: 'numeric', length: issued.txCode?.length });
    const stored = await wallet.acceptOffer(issued.offer, issued.txCode);
    expect(stored).toEqual([
      {
        credentialId: expect.any(String),
        type: 'cn.gov.eid.1',
        issuer: zz.issuerUrl,
        copies: { mdoc: 2, sdJwt: 2, qr: { hotel: 2, age_over_18: 2 } },
      },
    ]);
    const [card] = await wallet.credentials();
    expect(card?.claims.idNumber).toBe(person.id_number);
    expect(card?.status.value).toBe('valid');

    // used: the same code again is refused like a wrong one
    await expectCode(
      activateWithCard({ issuerUrl: zz.issuerUrl, cardNumber, activationCode: code }),
      'ERR_OID4VCI_ACTIVATION_CODE_INVALID',
    );
  }, 60_000);

  it('a web wallet on another origin may call it (CORS preflight and answer)', async () => {
    const origin = 'http://localhost:8750';
    const preflight = await fetch(`${zz.issuerUrl}/activation`, {
      method: 'OPTIONS',
      headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('*');
    expect(preflight.headers.get('access-control-allow-methods')).toContain('POST');
    expect(preflight.headers.get('access-control-allow-headers')).toContain('content-type');
    const refused = await fetch(`${zz.issuerUrl}/activation`, {
      method: 'POST',
      headers: { origin, 'content-type': 'application/json' },
      body: JSON.stringify({ card_number: 'X', activation_code: 'nope' }),
    });
    expect(refused.status).toBe(400);
    expect(refused.headers.get('access-control-allow-origin')).toBe('*'); // the page can read the problem
    expect(refused.headers.get('access-control-expose-headers')).toContain('retry-after');
  });

  it('an expired code is refused as expired', async () => {
    const person = await zz.person(1);
    const code = await zz.activationCode(person.person_id);
    zz.shiftActivationClock(601); // the default lifetime is 600 s
    try {
      await expectCode(
        activateWithCard({
          issuerUrl: zz.issuerUrl,
          cardNumber: person.card?.card_number as string,
          activationCode: code,
        }),
        'ERR_OID4VCI_ACTIVATION_CODE_EXPIRED',
      );
    } finally {
      zz.shiftActivationClock(-601);
    }
  }, 30_000);

  it('refuses bad input before any call', async () => {
    const good = { issuerUrl: zz.issuerUrl, cardNumber: '44C0123456789ABCDEF', activationCode: '12345678' };
    calls = 0;
    for (const bad of [
      { issuerUrl: 'http://issuer.example.cn' }, // http beyond the loopback interface
      { issuerUrl: 'ftp://127.0.0.1/' },
      { issuerUrl: 'not a url' },
      { issuerUrl: `${zz.issuerUrl}?x=1` },
      { issuerUrl: `${zz.issuerUrl}#top` },
      { issuerUrl: 'https://user:pw@issuer.example.cn' },
      { issuerUrl: '' },
      { issuerUrl: 7 as unknown as string },
      { cardNumber: '' },
      { cardNumber: '   ' },
      { cardNumber: 'x'.repeat(65) },
      { cardNumber: '44C0123?' },
      { cardNumber: '44C０１２' }, // full-width digits
      { cardNumber: 5 as unknown as string },
      { cardNumber: 'A'.repeat(10_000) },
      { activationCode: '1234567' },
      { activationCode: '123456789' },
      { activationCode: 'abcdefgh' },
      { activationCode: '１２３４５６７８' },
      { activationCode: '' },
      { activationCode: 12345678 as unknown as string },
      { timeoutMs: 0 },
      { timeoutMs: -1 },
      { timeoutMs: 1.5 },
      { timeoutMs: 10 * 60_000 },
    ]) {
      await expectCode(activateWithCard({ ...good, ...bad, fetch: counting }), 'ERR_INPUT_INVALID');
    }
    expect(calls).toBe(0);
  });

  it('an unreachable issuer, and one that never answers, are ERR_WALLET_SYNC_FAILED', async () => {
    const nobody = `http://127.0.0.1:${await freePort()}`;
    const proof = { cardNumber: '44C0123456789ABCDEF', activationCode: '12345678' };
    await expectCode(activateWithCard({ ...proof, issuerUrl: nobody }), 'ERR_WALLET_SYNC_FAILED');

    const silent: Server = createServer(() => undefined); // reads the request, never answers
    const port = await freePort();
    await new Promise<void>((resolve) => silent.listen(port, '127.0.0.1', resolve));
    try {
      const started = Date.now();
      await expectCode(
        activateWithCard({ ...proof, issuerUrl: `http://127.0.0.1:${port}`, timeoutMs: 300 }),
        'ERR_WALLET_SYNC_FAILED',
      );
      expect(Date.now() - started).toBeLessThan(5_000);
    } finally {
      silent.closeAllConnections();
      await new Promise((resolve) => silent.close(resolve));
    }

    // a server that is not an issuer: its 404 is not a refusal the holder can act on
    const other = createServer((_request, response) => {
      response.writeHead(404, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ code: 'ERR_HTTP_NOT_FOUND', status: 404 }));
    });
    const otherPort = await freePort();
    await new Promise<void>((resolve) => other.listen(otherPort, '127.0.0.1', resolve));
    try {
      await expectCode(
        activateWithCard({ ...proof, issuerUrl: `http://127.0.0.1:${otherPort}` }),
        'ERR_WALLET_SYNC_FAILED',
      );
    } finally {
      await new Promise((resolve) => other.close(resolve));
    }
  }, 30_000);

  it('after repeated failures the issuer locks out: ERR_OID4VCI_ACTIVATION_LOCKED with Retry-After, even for the right code', async () => {
    const person = await zz.person(2);
    const cardNumber = person.card?.card_number as string;
    const code = await zz.activationCode(person.person_id);
    const wrong = code === '00000000' ? '00000001' : '00000000';
    const seen: string[] = [];
    let locked: unknown;
    for (let attempt = 0; attempt < 8 && locked === undefined; attempt++) {
      const error = await activateWithCard({ issuerUrl: zz.issuerUrl, cardNumber, activationCode: wrong }).then(
        () => new Error('accepted a wrong code'),
        (e: unknown) => e,
      );
      const errorCode = (error as { code?: string }).code ?? String(error);
      if (errorCode === 'ERR_OID4VCI_ACTIVATION_LOCKED') locked = error;
      else seen.push(errorCode);
    }
    expect(locked).toBeDefined();
    expect(seen.length).toBeGreaterThan(0);
    expect(new Set(seen)).toEqual(new Set(['ERR_OID4VCI_ACTIVATION_CODE_INVALID']));
    const wait = retryAfterSeconds(locked);
    expect(wait).toBeGreaterThan(0);
    expect(wait).toBeLessThanOrEqual(900); // the default lock-out window
    await expectCode(
      activateWithCard({ issuerUrl: zz.issuerUrl, cardNumber, activationCode: code }),
      'ERR_OID4VCI_ACTIVATION_LOCKED',
    );
  }, 30_000);
});
