import { assertPublicKey, type Platform, type PublicKey, ZzError } from '@zhengzhao/core';
import { type IssuerContext, inTransaction, lockRows, newId } from '../../context.js';
import type { IssuerSigning } from '../../signing.js';
import { getPerson } from '../persons/person-repository.js';
import type {
  CredentialConfigurationId,
  CredentialProfile,
  IssuanceService,
  IssueBatchRequest,
  IssuedCredential,
} from '../ports.js';
import { allocateStatusEntries } from '../status/status-repository.js';
import { findWallet, insertWallet } from '../wallets/wallet-repository.js';
import { claimsForProfile, configurationOf, RESIDENT_ID_PROFILE } from './credential-profiles.js';
import { type CredentialRecord, insertCredentials } from './credential-repository.js';
import { signCredentialCopy } from './sign-credential-copy.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const MAX_ID_LENGTH = 128;

export interface IssuanceServiceOptions {
  readonly context: IssuerContext;
  readonly platform: Platform;
  /** The current document signer; a function so that a rotated key is picked up. */
  readonly signing: () => IssuerSigning | Promise<IssuerSigning>;
  /** Credential issuer URL (SD-JWT `iss`). */
  readonly credentialIssuer: string;
  readonly provinceCode: string;
  /** What this issuer issues; default the resident e-ID. */
  readonly profile?: CredentialProfile;
  /** The authority's name, printed in derived licences (`issuing_authority`). */
  readonly authorityName?: string;
  /** Entries of each new status shard. */
  readonly shardSize: number;
  /** Published URI of a shard: `<base>/status/<shardId>`. */
  readonly statusUriOf: (shardId: number) => string;
  /** Validity of mdoc, SD-JWT and hotel QR copies; default 30 days. */
  readonly validityDays?: number;
  /** Lifetime of the status-less age QR; default 72 hours (docs/qr-format.md §7). */
  readonly ageQrValidityHours?: number;
  /** Most copies in one batch; default 100. */
  readonly maxCopies?: number;
  /** Decoy digests per SD-JWT VC; default 8. */
  readonly sdJwtDecoys?: number;
}

/**
 * The {@link IssuanceService} port. One batch = one transaction that checks the person (active
 * card, no administrative hold) and the wallet (registered on first use, bound to this person,
 * not suspended), allocates one random status index per copy and inserts the credential rows;
 * only after it committed is each copy signed, with its own salts, index and signature. So no
 * credential leaves the issuer before its row and index are committed, and a failed batch
 * consumes no index.
 */
export function createIssuanceService(options: IssuanceServiceOptions): IssuanceService {
  const { context, platform } = options;
  const validityMs = (options.validityDays ?? 30) * DAY;
  const ageQrMs = (options.ageQrValidityHours ?? 72) * HOUR;
  const maxCopies = options.maxCopies ?? 100;
  const sdJwtDecoys = options.sdJwtDecoys ?? 8;
  const profile = options.profile ?? RESIDENT_ID_PROFILE;
  const authority = { name: options.authorityName ?? '', provinceCode: options.provinceCode };

  return {
    async issueBatch(request: IssueBatchRequest): Promise<IssuedCredential[]> {
      const { personId, walletId, configurationId, deviceKeys } = checkRequest(request, maxCopies, profile);
      const configuration = configurationOf(profile, configurationId);
      const now = context.clock();
      const expiresAt = new Date(now.getTime() + (configuration.statusReference ? validityMs : ageQrMs));
      const { format } = configuration;

      const { claims, records, uris } = await inTransaction(context, async (tx) => {
        const person = await getPerson(tx, personId, { forUpdate: lockRows(context) });
        if (person.cardState !== 'active' || person.claims === null) {
          throw new ZzError('ERR_ISSUER_CARD_NOT_ACTIVE', 'The person’s card is not active');
        }
        if (person.suspended) throw new ZzError('ERR_ISSUER_PERSON_SUSPENDED', 'The person is suspended');
        const claims = claimsForProfile(profile, person.claims, person, authority, now);
        const wallet = await findWallet(tx, walletId, { forUpdate: lockRows(context) });
        if (!wallet) {
          await insertWallet(tx, { walletId, personId, deviceKey: deviceKeys[0] as PublicKey, now });
        } else if (wallet.personId !== personId) {
          throw new ZzError('ERR_ISSUER_WALLET_UNKNOWN', 'No wallet with this id for this person');
        } else if (wallet.state !== 'active') {
          throw new ZzError('ERR_ISSUER_WALLET_SUSPENDED', 'The wallet is suspended');
        }
        const entries = configuration.statusReference
          ? await allocateStatusEntries(tx, deviceKeys.length, {
              shardSize: options.shardSize,
              uriOf: options.statusUriOf,
              randomKey: () => context.random(32),
              now,
            })
          : [];
        const records: CredentialRecord[] = deviceKeys.map((_, i) => ({
          credentialId: newId(context, 'cr'),
          personId,
          walletId,
          configurationId,
          format,
          statusShard: entries[i]?.shardId ?? null,
          statusIndex: entries[i]?.index ?? null,
          status: 0,
          issuedAt: now,
          expiresAt,
        }));
        await insertCredentials(tx, records);
        return { claims, records, uris: entries.map((e) => e.uri) };
      });

      // a shard opened by this batch starts all VALID in memory too
      if (records.some((r) => r.statusShard !== null && !context.lists.has(r.statusShard))) {
        await context.lists.refreshShards(context.db);
      }
      const signing = await options.signing();
      return Promise.all(
        records.map(async (record, i) => {
          const uri = uris[i];
          const credential = await signCredentialCopy({
            platform,
            signing,
            typeId: profile.typeId,
            configuration,
            claims,
            deviceKey: deviceKeys[i] as PublicKey,
            ...(uri !== undefined && record.statusIndex !== null ? { status: { idx: record.statusIndex, uri } } : {}),
            issuedAt: now,
            expiresAt,
            credentialIssuer: options.credentialIssuer,
            provinceCode: options.provinceCode,
            sdJwtDecoys,
          });
          return { credentialId: record.credentialId, format, credential };
        }),
      );
    },
  };
}

function checkRequest(
  request: IssueBatchRequest,
  maxCopies: number,
  profile: CredentialProfile,
): { personId: string; walletId: string; configurationId: CredentialConfigurationId; deviceKeys: PublicKey[] } {
  const bad = (message: string): never => {
    throw new ZzError('ERR_INPUT_INVALID', message);
  };
  if (typeof request !== 'object' || request === null) bad('Request is required');
  const { personId, walletId, configurationId, deviceKeys } = request;
  const isId = (v: unknown) => typeof v === 'string' && v.length > 0 && v.length <= MAX_ID_LENGTH;
  if (!isId(personId)) bad('personId must be an id');
  if (!isId(walletId)) bad('walletId must be an id');
  if (!profile.configurations.some((c) => c.id === configurationId)) bad('Unknown credential configuration');
  if (!Array.isArray(deviceKeys) || deviceKeys.length === 0 || deviceKeys.length > maxCopies) {
    bad(`deviceKeys must hold 1 to ${maxCopies} keys`);
  }
  const keys = deviceKeys.map((key) => {
    try {
      return assertPublicKey(key);
    } catch {
      return bad('deviceKeys must be public keys');
    }
  });
  return { personId, walletId, configurationId, deviceKeys: keys };
}
