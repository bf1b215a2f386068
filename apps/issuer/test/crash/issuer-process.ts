/**
 * The issuer as a child process for the crash tests (run with `node --import tsx`): a SQLite
 * file from ZZ_CRASH_DB, a fresh test authority, a test-only bulk issuance route, and one line
 * `READY <url>` on stdout once it listens. The tests kill it with SIGKILL.
 */
import { ZzError } from '@zhengzhao/core';
import { createNodePlatform } from '@zhengzhao/crypto-node';
import { createDatabase, createLogger } from '@zhengzhao/server-kit';
import { createTestAuthority } from '@zhengzhao/test-kit';
import { type CredentialConfigurationId, createIssuerApp, type IssuerDatabase } from '../../src/index.js';

const file = process.env.ZZ_CRASH_DB;
if (!file) throw new ZzError('ERR_CONFIG_INVALID', 'ZZ_CRASH_DB is required');
const platform = createNodePlatform();
const authority = await createTestAuthority({ platform, suite: 'ES256', now: new Date() });
const database = createDatabase<IssuerDatabase>({ file });
const device = await platform.suite('ES256').generateSigner();

const app = await createIssuerApp({
  config: {
    publicBaseUrl: 'https://issuer-44.crash.test',
    provinceCode: '44',
    webhookSecret: process.env.ZZ_CRASH_SECRET ?? 'crash-test-webhook-secret-01',
    statusShardSize: Number(process.env.ZZ_CRASH_SHARD_SIZE ?? 4096),
    sweepIntervalMs: 200,
  },
  database,
  platform,
  clock: () => new Date(),
  logger: createLogger({ name: 'issuer-crash', level: 'silent' }),
  signer: authority.documentSigner.signer,
  certificateChain: authority.chain,
  extraRoutes(server, services) {
    server.post('/test/issue', async (request) => {
      const body = request.body as {
        personId: string;
        walletId: string;
        configurationId: CredentialConfigurationId;
        copies: number;
      };
      const issued = await services.issuance.issueBatch({
        personId: body.personId,
        walletId: body.walletId,
        configurationId: body.configurationId,
        deviceKeys: Array.from({ length: body.copies }, () => device.publicKey),
      });
      return { credentialIds: issued.map((c) => c.credentialId) };
    });
  },
});
const url = await app.listen({ host: '127.0.0.1', port: 0 });
process.stdout.write(`READY ${url}\n`);
