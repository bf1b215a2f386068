import { timingSafeEqual, utf8Encode, ZzError } from '@zhengzhao/core';
import type { PersonDirectory, PersonSummary, WalletControl, WalletSuspension } from '../ports.js';
import type { ResolvedOid4vciConfig } from './config.js';
import { type CreatedOffer, createOffer } from './offer-service.js';
import type { ActivationCodeRow, Oid4vciRepository } from './repository.js';
import { type RandomBytes, randomDigits, randomToken, type SecretHasher } from './secrets.js';

/** Length of the one-time activation code shown on the clerk's page. */
export const ACTIVATION_CODE_LENGTH = 8;

export interface ActivationServiceDeps {
  readonly repo: Oid4vciRepository;
  readonly persons: PersonDirectory;
  /** The lifecycle side's wallet suspension (lost device). */
  readonly wallets: WalletControl;
  readonly config: ResolvedOid4vciConfig;
  readonly hasher: SecretHasher;
  readonly clock: () => Date;
  readonly random: RandomBytes;
}

export interface CreatedActivationCode {
  readonly personId: string;
  readonly activationCode: string;
  readonly expiresAt: Date;
  readonly expiresInSeconds: number;
}

/** The reason recorded in the audit log for a holder's lost-device report. */
export const LOST_DEVICE_REASON = 'lost device reported by the holder (card re-proved with an activation code)';

/** Input of `activate` and `reportLostDevice`: what the holder types, and where from. */
export interface CardProof {
  readonly cardNumber: string;
  readonly activationCode: string;
  readonly clientIp: string;
}

/** Thrown while a card number or client is locked out; carries when the lock ends (Retry-After). */
export class ActivationLockedError extends ZzError {
  constructor(readonly retryAfterSeconds: number) {
    super('ERR_OID4VCI_ACTIVATION_LOCKED');
  }
}

/**
 * Wallet activation (the holder proves the card, P2 §3): a clerk creates a one-time activation
 * code for a person; the holder sends card number + code and gets a credential offer with a
 * tx_code. Failures are counted per (hashed) card number and per (hashed) client IP; at
 * `activationMaxFailures` within `activationLockSeconds` both are locked for that long (429).
 */
export function createActivationService(deps: ActivationServiceDeps) {
  const { repo, persons, wallets, config, hasher, clock, random } = deps;
  const codeHash = (personId: string, code: string) => hasher.hash('activation_code', personId, code);

  function requireActive(person: PersonSummary | undefined): PersonSummary {
    if (!person) throw new ZzError('ERR_OID4VCI_PERSON_UNKNOWN');
    if (person.cardState !== 'active') throw new ZzError('ERR_ISSUER_CARD_NOT_ACTIVE');
    return person;
  }

  async function recordFailure(keys: readonly string[], now: number): Promise<void> {
    const windowMs = config.activationLockSeconds * 1000;
    const existing = new Map((await repo.attemptLimits(keys)).map((row) => [row.limit_key, row]));
    for (const key of keys) {
      const row = existing.get(key);
      const fresh =
        !row || row.window_started_at + windowMs <= now || (row.locked_until !== null && row.locked_until <= now);
      const failures = fresh ? 1 : row.failures + 1;
      const locked = failures >= config.activationMaxFailures;
      await repo.saveAttemptLimit({
        limit_key: key,
        failures: locked ? 0 : failures,
        window_started_at: fresh || locked ? now : row.window_started_at,
        locked_until: locked ? now + windowMs : null,
      });
    }
  }

  /**
   * Card number + activation code, checked against the lock-out (429), the person's unused codes
   * (a wrong pair counts a failure per card and per client IP), the code's expiry and the card's
   * state. Consumes nothing.
   */
  async function proveCard(
    input: CardProof,
  ): Promise<{ person: PersonSummary; match: ActivationCodeRow; cardKey: string; now: number }> {
    const now = clock().getTime();
    const cardKey = `card:${hasher.hash('card_number', input.cardNumber)}`;
    const keys = [cardKey, `ip:${hasher.hash('client_ip', input.clientIp)}`];
    const lockedUntil = Math.max(0, ...(await repo.attemptLimits(keys)).map((row) => row.locked_until ?? 0));
    if (lockedUntil > now) throw new ActivationLockedError(Math.ceil((lockedUntil - now) / 1000));

    const person = await persons.findByCardNumber(input.cardNumber);
    const expected = person ? utf8Encode(codeHash(person.personId, input.activationCode)) : undefined;
    const codes = person ? await repo.unusedActivationCodes(person.personId) : [];
    const match = expected && codes.find((row) => timingSafeEqual(utf8Encode(row.code_hash), expected));
    if (!person || !match) {
      await recordFailure(keys, now);
      throw new ZzError('ERR_OID4VCI_ACTIVATION_CODE_INVALID');
    }
    if (match.expires_at <= now) throw new ZzError('ERR_OID4VCI_ACTIVATION_CODE_EXPIRED');
    return { person: requireActive(person), match, cardKey, now };
  }

  return {
    /** For the clerk: a fresh 8-digit code for a person with an active card; replaces any unused one. */
    async createActivationCode(target: { personId: string } | { cardNumber: string }): Promise<CreatedActivationCode> {
      const person = requireActive(
        'personId' in target ? await persons.get(target.personId) : await persons.findByCardNumber(target.cardNumber),
      );
      const now = clock().getTime();
      const activationCode = randomDigits(random, ACTIVATION_CODE_LENGTH);
      const expiresAt = now + config.activationCodeTtlSeconds * 1000;
      await repo.replaceActivationCode({
        id: randomToken(random, 16),
        person_id: person.personId,
        code_hash: codeHash(person.personId, activationCode),
        created_at: now,
        expires_at: expiresAt,
        used_at: null,
      });
      return {
        personId: person.personId,
        activationCode,
        expiresAt: new Date(expiresAt),
        expiresInSeconds: config.activationCodeTtlSeconds,
      };
    },

    /** For the holder: card number + activation code → a credential offer and its tx_code. */
    async activate(input: CardProof): Promise<CreatedOffer> {
      const { person, match, cardKey, now } = await proveCard(input);
      return repo.transaction(async (tx) => {
        if (!(await tx.consumeActivationCode(match.id, now))) throw new ZzError('ERR_OID4VCI_ACTIVATION_CODE_INVALID');
        await tx.clearAttemptLimit(cardKey);
        return createOffer(tx, { config, hasher, random }, person.personId, now);
      });
    },

    /**
     * Lost phone, holder self-service (P2 §4): the holder re-proves the card exactly as for
     * activation (same code, same rate limits), which consumes the code and ends the person's
     * outstanding offers and access tokens (the lost phone may hold one); then every wallet of
     * the person is suspended through the lifecycle side, audited with actor `holder`. The code
     * is spent before the suspension: if that fails the holder needs a new code, nothing else
     * changed. A new activation then issues to the new device.
     */
    async reportLostDevice(input: CardProof): Promise<WalletSuspension & { personId: string }> {
      const { person, match, cardKey, now } = await proveCard(input);
      await repo.transaction(async (tx) => {
        if (!(await tx.consumeActivationCode(match.id, now))) throw new ZzError('ERR_OID4VCI_ACTIVATION_CODE_INVALID');
        await tx.clearAttemptLimit(cardKey);
        await tx.expireGrantsOfPerson(person.personId, now);
      });
      const suspension = await wallets.suspendAllWallets(person.personId, LOST_DEVICE_REASON);
      return { personId: person.personId, ...suspension };
    },
  };
}

export type ActivationService = ReturnType<typeof createActivationService>;
