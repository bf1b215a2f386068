import {
  type ClaimValue,
  encodePaperQr,
  issuePaperCredential,
  type LocalizedText,
  PAPER_MAX_LIFETIME_SECONDS,
  type Platform,
  parseCertificate,
  type ValidatedClaims,
  ZzError,
} from '@zhengzhao/core';
import { renderLayoutDocument, signLayoutDocument } from '@zhengzhao/layout';
import { type IssuerContext, inTransaction, lockRows, newId } from '../../context.js';
import type { IssuerSigning } from '../../signing.js';
import { claimsForIssuance } from '../credentials/sign-credential-copy.js';
import { getPerson } from '../persons/person-repository.js';
import { allocateStatusEntries, type StatusEntry } from '../status/status-repository.js';
import { insertPaperCard } from './paper-card-repository.js';
import { portraitThumbnail } from './portrait-thumbnail.js';

const EID = 'cn.gov.eid.1';
/** The paper purposes a clerk may print (ADR 0010). */
export const PAPER_CARD_PURPOSES = ['paper_basic', 'paper_with_portrait'] as const;
export type PaperCardPurpose = (typeof PAPER_CARD_PURPOSES)[number];

export interface PaperCardServiceOptions {
  readonly context: IssuerContext;
  readonly platform: Platform;
  readonly signing: () => IssuerSigning | Promise<IssuerSigning>;
  /** The authority's name, printed on the card. */
  readonly issuerName: LocalizedText;
  /** Short CWT `iss`: the province code. */
  readonly provinceCode: string;
  readonly shardSize: number;
  readonly statusUriOf: (shardId: number) => string;
  /** Lifetime of a paper card; default (and at most) five years. */
  readonly lifetimeSeconds?: number;
}

export interface PrintedPaperCard {
  readonly paperCardId: string;
  /** The signed layout document (PDF) to print. */
  readonly pdf: Uint8Array;
  /** The `ZZ1:` text its QR holds. */
  readonly qrText: string;
  readonly expiresAt: Date;
}

/**
 * Paper credentials for people without a smartphone (Zhengzhao issue 7 §5, ADR 0010), printed at
 * the counter: one transaction checks the person (active card, no hold), allocates the card's own
 * status entry and records it — so a lost print is revoked alone, and the card's events (lost,
 * cancelled, replaced) revoke it with every other credential of the person. Then the paper
 * credential is signed (no device key, status required; it ends at the earliest of five years,
 * the identity card's expiry day and the document-signer certificate) and laid out as a signed
 * PDF with its QR, the printed data and the portrait.
 */
export function createPaperCardService(options: PaperCardServiceOptions) {
  const { context, platform } = options;
  const lifetime = Math.min(options.lifetimeSeconds ?? PAPER_MAX_LIFETIME_SECONDS, PAPER_MAX_LIFETIME_SECONDS);
  return {
    async print(personId: string, purpose: PaperCardPurpose = 'paper_basic'): Promise<PrintedPaperCard> {
      if (!PAPER_CARD_PURPOSES.includes(purpose)) throw new ZzError('ERR_INPUT_INVALID', 'Unknown paper purpose');
      const now = context.clock();
      const signing = await options.signing();
      const signerNotAfter = parseCertificate(signing.certificateChain[0] as Uint8Array).notAfter;
      const { claims, entry, paperCardId, expiresAt } = await inTransaction(context, async (tx) => {
        const person = await getPerson(tx, personId, { forUpdate: lockRows(context) });
        if (person.cardState !== 'active' || person.claims === null) {
          throw new ZzError('ERR_ISSUER_CARD_NOT_ACTIVE', 'The person’s card is not active');
        }
        if (person.suspended) throw new ZzError('ERR_ISSUER_PERSON_SUSPENDED', 'The person is suspended');
        const claims = claimsForIssuance(person.claims, now);
        const cardEnd =
          typeof claims.expiry_date === 'string'
            ? Date.parse(`${claims.expiry_date}T00:00:00+08:00`) + 86_400_000
            : Number.POSITIVE_INFINITY;
        const end = Math.min(now.getTime() + lifetime * 1000, cardEnd, signerNotAfter.getTime());
        // whole seconds, as the credential carries them
        const expiresAt = new Date(Math.floor(end / 1000) * 1000);
        if (expiresAt.getTime() <= now.getTime() + 86_400_000) {
          throw new ZzError('ERR_ISSUER_CARD_NOT_ACTIVE', 'The card or the signing key ends within a day: renew first');
        }
        const [allocated] = await allocateStatusEntries(tx, 1, {
          shardSize: options.shardSize,
          uriOf: options.statusUriOf,
          randomKey: () => context.random(32),
          now,
        });
        const entry = allocated as StatusEntry;
        const paperCardId = newId(context, 'pc');
        await insertPaperCard(tx, {
          paperCardId,
          personId,
          purpose,
          statusShard: entry.shardId,
          statusIndex: entry.index,
          issuedAt: now,
          expiresAt,
        });
        return { claims, entry, paperCardId, expiresAt };
      });
      if (!context.lists.has(entry.shardId)) await context.lists.refreshShards(context.db);

      const credential = await issuePaperCredential(platform, {
        signer: signing.signer,
        kid: signing.kid,
        signerNotAfter,
        typeId: EID,
        purpose,
        claims:
          purpose === 'paper_with_portrait' && claims.portrait instanceof Uint8Array
            ? { ...claims, portrait_thumb: portraitThumbnail(claims.portrait) }
            : claims,
        iat: now,
        exp: expiresAt,
        status: { idx: entry.index, uri: entry.uri },
        issuer: options.provinceCode,
      });
      const qrText = await encodePaperQr(platform, credential);
      const unsigned = await renderLayoutDocument({
        typeId: EID,
        claims: printedClaims(claims),
        credential: qrText,
        issuerName: `${options.issuerName['zh-CN']} ${options.issuerName.en}`,
        documentNumber: paperCardId,
        issuedAt: now,
        now,
      });
      const pdf = await signLayoutDocument(
        unsigned,
        { signer: signing.signer, certificateChain: [...signing.certificateChain] },
        { platform, now, reason: '纸质凭证 Paper credential' },
      );
      return { paperCardId, pdf, qrText, expiresAt };
    },
  };
}

export type PaperCardService = ReturnType<typeof createPaperCardService>;

/** The elements the sheet prints: the paper purposes' data, the card's expiry and the portrait (to compare the face). */
const PRINTED = ['full_name', 'sex', 'birth_date', 'id_number', 'expiry_date', 'portrait'] as const;

function printedClaims(claims: ValidatedClaims): Readonly<Record<string, ClaimValue>> {
  return Object.fromEntries(PRINTED.flatMap((id) => (claims[id] === undefined ? [] : [[id, claims[id]]])));
}
