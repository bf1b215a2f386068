import {
  AUTHORIZATION_SERVER_WELL_KNOWN,
  CREDENTIAL_ISSUER_WELL_KNOWN,
  type ErrorCode,
  type Oid4vciDisplay,
  type Platform,
  timingSafeEqual,
  utf8Encode,
  ZzError,
} from '@zhengzhao/core';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { IssuanceService, PaperCardPrinter, PersonDirectory, WalletControl } from '../ports.js';
import { ActivationLockedError, createActivationService } from './activation-service.js';
import { type Oid4vciConfig, resolveOid4vciConfig } from './config.js';
import { createCredentialService } from './credential-service.js';
import { FormParameters, MAX_FORM_BODY, parseFormBody } from './form-body.js';
import { createLayoutDocumentService } from './layout-document-service.js';
import { buildAuthorizationServerMetadata, buildCredentialIssuerMetadata } from './metadata.js';
import { sendOAuthError } from './oauth-reply.js';
import { createRefreshService } from './refresh-service.js';
import { createOid4vciRepository } from './repository.js';
import {
  ACTIVATION_CODE_REQUEST_SCHEMA,
  ACTIVATION_REQUEST_SCHEMA,
  CREDENTIAL_REQUEST_SCHEMA,
  LOST_DEVICE_REQUEST_SCHEMA,
  PAPER_CARD_REQUEST_SCHEMA,
  parseActivationCodeRequest,
  parseActivationRequest,
  parsePaperCardRequest,
  parseWalletOfferRequest,
  TOKEN_REQUEST_SCHEMA,
  WALLET_OFFER_REQUEST_SCHEMA,
} from './schema.js';
import { createSecretHasher, type RandomBytes } from './secrets.js';
import type { Oid4vciDatabase } from './tables.js';
import { createTokenService } from './token-service.js';

export interface Oid4vciDeps {
  readonly config: Oid4vciConfig;
  readonly database: { readonly db: Kysely<Oid4vciDatabase> };
  readonly persons: PersonDirectory;
  readonly issuance: IssuanceService;
  /** Wallet suspension on the lifecycle side (`POST /activation/lost-device`). */
  readonly wallets: WalletControl;
  readonly clock: () => Date;
  readonly random: RandomBytes;
  readonly platform: Platform;
  /** The issuer's display in the metadata; default zh-CN and en names. */
  readonly display?: readonly Oid4vciDisplay[];
  /** Paper cards and wallets' layout documents (`POST /paper-cards`, `POST /wallets/:id/layout-document`). */
  readonly paperCards?: PaperCardPrinter;
}

// Bodies are checked by hand in schema.ts; the JSON Schemas only document them (no Ajv coercion).
const passThrough = () => (value: unknown) => ({ value });
const JSON_LIMIT = 4 * 1024;
const PROOF_BYTES = 8 * 1024;
const WALLET_PARAMS_SCHEMA = {
  type: 'object',
  properties: { walletId: { type: 'string', maxLength: 128 } },
  required: ['walletId'],
} as const;

/**
 * Registers the OpenID4VCI 1.0 issuer (pre-authorized code flow) and wallet activation:
 * - `GET /.well-known/openid-credential-issuer`, `GET /.well-known/oauth-authorization-server`;
 * - `POST /activation/codes` (clerk bearer token), `POST /activation` and
 *   `POST /activation/lost-device` (holder), `POST /wallets/:walletId/offer` (a wallet's fresh
 *   batch after a `refresh` notification, for a device-key proof): problem details;
 * - `POST /token`, `POST /nonce`, `POST /credential`: OAuth JSON errors (`sendOAuthError`).
 * Paths are prefixed with the path of `credentialIssuer`, if it has one.
 */
export async function registerOid4vciRoutes(app: FastifyInstance, deps: Oid4vciDeps): Promise<void> {
  const config = resolveOid4vciConfig(deps.config);
  const repo = createOid4vciRepository(deps.database.db);
  const hasher = createSecretHasher(deps.config.secretHashKey);
  const common = { repo, config, hasher, clock: deps.clock, random: deps.random };
  const activation = createActivationService({ ...common, persons: deps.persons, wallets: deps.wallets });
  const tokens = createTokenService(common);
  const credentials = createCredentialService({ ...common, platform: deps.platform, issuance: deps.issuance });
  const refresh = createRefreshService({
    ...common,
    persons: deps.persons,
    wallets: deps.wallets,
    platform: deps.platform,
  });
  const issuerMetadata = buildCredentialIssuerMetadata(config, deps.display);
  const serverMetadata = buildAuthorizationServerMetadata(config);
  const base = config.basePath;
  const clerkHashes = config.clerkTokens.map((t) => utf8Encode(hasher.hash('clerk_token', t)));

  const metadataRoute = (path: string, body: object, summary: string) =>
    app.get(path, { schema: { summary, tags: ['oid4vci'] } }, async (_request, reply) =>
      reply.header('cache-control', 'public, max-age=300').send(body),
    );
  metadataRoute(
    `${CREDENTIAL_ISSUER_WELL_KNOWN}${base}`,
    issuerMetadata,
    'Credential Issuer Metadata (OpenID4VCI 1.0 §12.2)',
  );
  metadataRoute(
    `${AUTHORIZATION_SERVER_WELL_KNOWN}${base}`,
    serverMetadata,
    'OAuth Authorization Server Metadata (RFC 8414)',
  );

  // The registry's clerk page asks for activation codes from the browser: allow its origin(s).
  const clerkOrigins = new Set(config.clerkOrigins);
  const allowClerkOrigin = (origin: string | undefined, reply: FastifyReply): void => {
    if (origin && clerkOrigins.has(origin)) {
      reply.header('access-control-allow-origin', origin).header('vary', 'origin');
    }
  };
  for (const path of ['/activation/codes', '/paper-cards']) {
    app.options(`${base}${path}`, { schema: { hide: true } }, async (request, reply) => {
      allowClerkOrigin(request.headers.origin, reply);
      return reply
        .code(204)
        .header('access-control-allow-methods', 'POST')
        .header('access-control-allow-headers', 'authorization, content-type')
        .header('access-control-max-age', '600')
        .send();
    });
  }
  /** The registry clerk's bearer token, or `ERR_OID4VCI_CLERK_UNAUTHORIZED`. */
  const requireClerk = (request: FastifyRequest, reply: FastifyReply): void => {
    const match = /^Bearer (\S+)$/.exec(request.headers.authorization ?? '');
    const given = match ? utf8Encode(hasher.hash('clerk_token', match[1] as string)) : undefined;
    if (!given || !clerkHashes.some((h) => timingSafeEqual(h, given))) {
      reply.header('www-authenticate', 'Bearer');
      throw new ZzError('ERR_OID4VCI_CLERK_UNAUTHORIZED');
    }
  };

  app.post(
    `${base}/activation/codes`,
    {
      onRequest: async (request, reply) => allowClerkOrigin(request.headers.origin, reply),
      bodyLimit: JSON_LIMIT,
      validatorCompiler: passThrough,
      schema: {
        summary: 'Clerk: create a one-time activation code for a person',
        tags: ['activation'],
        body: ACTIVATION_CODE_REQUEST_SCHEMA,
      },
    },
    async (request, reply) => {
      requireClerk(request, reply);
      const created = await activation.createActivationCode(parseActivationCodeRequest(request.body));
      return reply.code(201).header('cache-control', 'no-store').send({
        person_id: created.personId,
        activation_code: created.activationCode,
        expires_at: created.expiresAt.toISOString(),
        expires_in: created.expiresInSeconds,
      });
    },
  );

  app.post(
    `${base}/activation`,
    {
      bodyLimit: JSON_LIMIT,
      validatorCompiler: passThrough,
      schema: {
        summary: 'Holder: card number + activation code → credential offer and tx_code',
        tags: ['activation'],
        body: ACTIVATION_REQUEST_SCHEMA,
      },
    },
    async (request, reply) => {
      const input = parseActivationRequest(request.body);
      try {
        const offer = await activation.activate({ ...input, clientIp: request.ip });
        return reply.code(201).header('cache-control', 'no-store').send({
          credential_offer: offer.credentialOffer,
          credential_offer_link: offer.credentialOfferLink,
          tx_code: offer.txCode,
          expires_in: offer.expiresInSeconds,
        });
      } catch (error) {
        if (error instanceof ActivationLockedError) reply.header('retry-after', String(error.retryAfterSeconds));
        throw error;
      }
    },
  );

  app.post(
    `${base}/activation/lost-device`,
    {
      bodyLimit: JSON_LIMIT,
      validatorCompiler: passThrough,
      schema: {
        summary: 'Holder: lost phone — card number + activation code → every wallet of the person suspended',
        tags: ['activation'],
        body: LOST_DEVICE_REQUEST_SCHEMA,
      },
    },
    async (request, reply) => {
      const input = parseActivationRequest(request.body);
      try {
        const result = await activation.reportLostDevice({ ...input, clientIp: request.ip });
        return reply.code(200).header('cache-control', 'no-store').send({
          suspended_wallets: result.wallets,
          suspended_credentials: result.affected,
        });
      } catch (error) {
        if (error instanceof ActivationLockedError) reply.header('retry-after', String(error.retryAfterSeconds));
        throw error;
      }
    },
  );

  app.post(
    `${base}/wallets/:walletId/offer`,
    {
      bodyLimit: PROOF_BYTES + JSON_LIMIT,
      validatorCompiler: passThrough,
      schema: {
        summary: 'Wallet: a fresh offer after a refresh notification, for a proof of the device key',
        tags: ['wallets', 'oid4vci'],
        params: WALLET_PARAMS_SCHEMA,
        body: WALLET_OFFER_REQUEST_SCHEMA,
      },
    },
    async (request, reply) => {
      const input = parseWalletOfferRequest((request.params as { walletId?: unknown }).walletId, request.body);
      const offer = await refresh.refreshOffer(input);
      return reply.code(201).header('cache-control', 'no-store').send({
        credential_offer: offer.credentialOffer,
        credential_offer_link: offer.credentialOfferLink,
        tx_code: offer.txCode,
        expires_in: offer.expiresInSeconds,
      });
    },
  );

  const { paperCards } = deps;
  if (paperCards) {
    const layoutDocuments = createLayoutDocumentService({
      ...common,
      persons: deps.persons,
      wallets: deps.wallets,
      platform: deps.platform,
      paperCards,
    });
    app.post(
      `${base}/paper-cards`,
      {
        onRequest: async (request, reply) => allowClerkOrigin(request.headers.origin, reply),
        bodyLimit: JSON_LIMIT,
        validatorCompiler: passThrough,
        schema: {
          summary: 'Clerk: print a paper credential (signed PDF) for a person without a smartphone',
          tags: ['paper cards'],
          body: PAPER_CARD_REQUEST_SCHEMA,
        },
      },
      async (request, reply) => {
        requireClerk(request, reply);
        const { personId, purpose } = parsePaperCardRequest(request.body);
        const card = await paperCards.print(personId, purpose);
        return reply
          .code(201)
          .header('cache-control', 'no-store')
          .header('content-type', 'application/pdf')
          .header('content-disposition', `inline; filename="paper-card-${card.paperCardId}.pdf"`)
          .header('zz-paper-card-id', card.paperCardId)
          .header('access-control-expose-headers', 'zz-paper-card-id')
          .send(Buffer.from(card.pdf));
      },
    );
    app.post(
      `${base}/wallets/:walletId/layout-document`,
      {
        bodyLimit: PROOF_BYTES + JSON_LIMIT,
        validatorCompiler: passThrough,
        schema: {
          summary: 'Wallet: the holder’s signed layout document (PDF), for a proof of the device key',
          tags: ['wallets', 'paper cards'],
          params: WALLET_PARAMS_SCHEMA,
          body: WALLET_OFFER_REQUEST_SCHEMA,
        },
      },
      async (request, reply) => {
        const input = parseWalletOfferRequest((request.params as { walletId?: unknown }).walletId, request.body);
        const card = await layoutDocuments.layoutDocument(input);
        return reply
          .code(201)
          .header('cache-control', 'no-store')
          .send({
            layout_document: Buffer.from(card.pdf).toString('base64'),
            paper_card_id: card.paperCardId,
            expires_at: card.expiresAt.toISOString(),
          });
      },
    );
  }

  await app.register(async (oauth) => {
    const fallbackOf = (request: FastifyRequest): ErrorCode =>
      request.routeOptions.url?.endsWith('/credential')
        ? 'ERR_OID4VCI_INVALID_CREDENTIAL_REQUEST'
        : 'ERR_OID4VCI_INVALID_REQUEST';
    oauth.setErrorHandler((error, request, reply) => sendOAuthError(request, reply, error, fallbackOf(request)));
    oauth.addContentTypeParser(
      'application/x-www-form-urlencoded',
      { parseAs: 'string', bodyLimit: MAX_FORM_BODY },
      (_request, body, done) => {
        try {
          done(null, parseFormBody(body as string));
        } catch (error) {
          done(error as Error, undefined);
        }
      },
    );
    const noStore = (reply: FastifyReply) => reply.header('cache-control', 'no-store').header('pragma', 'no-cache');

    oauth.post(
      `${base}/token`,
      {
        bodyLimit: MAX_FORM_BODY,
        validatorCompiler: passThrough,
        schema: {
          summary: 'Token endpoint: pre-authorized code + tx_code → access token (OpenID4VCI 1.0 §6)',
          tags: ['oid4vci'],
          consumes: ['application/x-www-form-urlencoded'],
          body: TOKEN_REQUEST_SCHEMA,
        },
      },
      async (request, reply) => {
        if (!(request.body instanceof FormParameters)) {
          throw new ZzError(
            'ERR_OID4VCI_INVALID_REQUEST',
            'Send the token request as application/x-www-form-urlencoded',
          );
        }
        const form = request.body;
        const issued = await tokens.redeem({
          grant_type: form.get('grant_type'),
          'pre-authorized_code': form.get('pre-authorized_code'),
          tx_code: form.get('tx_code'),
        });
        return noStore(reply).send({
          access_token: issued.accessToken,
          token_type: 'Bearer',
          expires_in: issued.expiresInSeconds,
        });
      },
    );

    oauth.post(
      `${base}/nonce`,
      {
        bodyLimit: JSON_LIMIT,
        schema: { summary: 'Nonce endpoint: a fresh c_nonce (OpenID4VCI 1.0 §7)', tags: ['oid4vci'] },
      },
      async (_request, reply) => noStore(reply).send({ c_nonce: await credentials.createNonce() }),
    );

    oauth.post(
      `${base}/credential`,
      {
        bodyLimit: config.batchSize * PROOF_BYTES + JSON_LIMIT,
        validatorCompiler: passThrough,
        schema: {
          summary: 'Credential endpoint: one credential per key proof (OpenID4VCI 1.0 §8)',
          tags: ['oid4vci'],
          body: CREDENTIAL_REQUEST_SCHEMA,
        },
      },
      async (request, reply) => {
        const token = await credentials.authenticate(request.headers.authorization);
        if (request.body instanceof FormParameters) {
          throw new ZzError(
            'ERR_OID4VCI_INVALID_CREDENTIAL_REQUEST',
            'Send the credential request as application/json',
          );
        }
        const issued = await credentials.issue(token, request.body);
        return noStore(reply).send({ credentials: issued.map((c) => ({ credential: c.credential })) });
      },
    );
  });
}
