import type { Kysely } from 'kysely';
import type { IssuerDatabase } from '../../db/schema.js';

export interface PaperCardRecord {
  readonly paperCardId: string;
  readonly personId: string;
  readonly purpose: string;
  readonly statusShard: number;
  readonly statusIndex: number;
  readonly issuedAt: Date;
  readonly expiresAt: Date;
}

export async function insertPaperCard(db: Kysely<IssuerDatabase>, record: PaperCardRecord): Promise<void> {
  await db
    .insertInto('paper_cards')
    .values({
      paper_card_id: record.paperCardId,
      person_id: record.personId,
      purpose: record.purpose,
      status_shard: record.statusShard,
      status_index: record.statusIndex,
      status: 0,
      issued_at: record.issuedAt.getTime(),
      expires_at: record.expiresAt.getTime(),
    })
    .execute();
}
