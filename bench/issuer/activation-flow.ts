import { createProofJwt, type Signer } from '@zhengzhao/core';
import type { IssuerApp } from '@zhengzhao/issuer';
import type { InjectOptions } from 'fastify';
import { BENCH_BASE_URL, BENCH_CLERK_TOKEN, platform } from './bench-issuer.js';

const PRE_AUTH = 'urn:ietf:params:oauth:grant-type:pre-authorized_code';

export interface FlowPerson {
  readonly personId: string;
  readonly cardNumber: string;
}

export interface FlowResult {
  readonly credentials: number;
  /** Time the WALLET spent on this thread (signing its key proofs), ms — not issuer work. */
  readonly walletMs: number;
}

/** Accumulated milliseconds per endpoint, when the caller wants a breakdown. */
export type StepTimes = Map<string, number>;

async function call(
  app: IssuerApp,
  request: InjectOptions & { readonly url: string },
  expected: number,
  steps: StepTimes | undefined,
) {
  const start = performance.now();
  const response = await app.inject(request);
  if (steps) {
    const url = request.url;
    steps.set(url, (steps.get(url) ?? 0) + performance.now() - start);
  }
  if (response.statusCode !== expected) {
    throw new Error(`${request.url}: HTTP ${response.statusCode} ${response.body}`);
  }
  return response.json() as Record<string, unknown>;
}

/**
 * One wallet activation and batch issuance, exactly as a holder's wallet and the clerk's page
 * drive the issuer over HTTP (in-process through `app.inject`, no sockets):
 * clerk `POST /activation/codes` → holder `POST /activation` (offer + tx_code) → `POST /token`
 * (pre-authorized code + tx_code) → `POST /nonce` → `POST /credential` with `copies` key proofs
 * (one `openid4vci-proof+jwt` per copy, all with the device key, OpenID4VCI 1.0 §8.2).
 * Returns how many credentials came back and the wallet's own CPU time (proof signing).
 */
export async function runActivationFlow(
  app: IssuerApp,
  person: FlowPerson,
  device: Signer,
  configurationId: string,
  copies: number,
  steps?: StepTimes,
): Promise<FlowResult> {
  const code = await call(
    app,
    {
      method: 'POST',
      url: '/activation/codes',
      headers: { authorization: `Bearer ${BENCH_CLERK_TOKEN}`, 'content-type': 'application/json' },
      payload: JSON.stringify({ person_id: person.personId }),
    },
    201,
    steps,
  );
  const offer = await call(
    app,
    {
      method: 'POST',
      url: '/activation',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ card_number: person.cardNumber, activation_code: code.activation_code }),
    },
    201,
    steps,
  );
  const grants = (offer.credential_offer as { grants: Record<string, { 'pre-authorized_code': string }> }).grants;
  const token = await call(
    app,
    {
      method: 'POST',
      url: '/token',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({
        grant_type: PRE_AUTH,
        'pre-authorized_code': grants[PRE_AUTH]?.['pre-authorized_code'] ?? '',
        tx_code: String(offer.tx_code),
      }).toString(),
    },
    200,
    steps,
  );
  const nonce = await call(app, { method: 'POST', url: '/nonce' }, 200, steps);

  const walletStart = performance.now();
  const now = new Date();
  const proofs: string[] = [];
  for (let i = 0; i < copies; i++) {
    proofs.push(
      await createProofJwt(platform, {
        signer: device,
        audience: BENCH_BASE_URL,
        nonce: String(nonce.c_nonce),
        now,
      }),
    );
  }
  const body = JSON.stringify({ credential_configuration_id: configurationId, proofs: { jwt: proofs } });
  const walletMs = performance.now() - walletStart;

  const issued = await call(
    app,
    {
      method: 'POST',
      url: '/credential',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${String(token.access_token)}` },
      payload: body,
    },
    200,
    steps,
  );
  const credentials = issued.credentials as { credential: string }[];
  if (!Array.isArray(credentials) || credentials.length !== copies) throw new Error('wrong number of credentials');
  return { credentials: credentials.length, walletMs };
}
