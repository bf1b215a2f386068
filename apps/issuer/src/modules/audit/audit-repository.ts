import type { Kysely } from 'kysely';
import type { IssuerDatabase } from '../../db/schema.js';

/** One administrative action as the append-only audit log keeps it: who, what, when, why. */
export interface AuditEntry {
  readonly id: string;
  readonly at: Date;
  /** The actor's name from the token configuration (an official's id, never a citizen's data). */
  readonly actor: string;
  readonly role: string;
  /** e.g. `person.suspend`, `wallet.resume`, `audit.read`. */
  readonly action: string;
  readonly targetType: 'person' | 'wallet' | 'paper_card' | 'audit' | 'key';
  /** Internal ids only. */
  readonly targetId: string;
  readonly reason: string | null;
  readonly outcome: 'ok' | 'denied';
}

/** Appends one entry (there is no update or delete: the database refuses both). */
export async function appendAuditEntry(db: Kysely<IssuerDatabase>, entry: AuditEntry): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      id: entry.id,
      at: entry.at.getTime(),
      actor: entry.actor,
      role: entry.role,
      action: entry.action,
      target_type: entry.targetType,
      target_id: entry.targetId,
      reason: entry.reason,
      outcome: entry.outcome,
    })
    .execute();
}

/** Entries newest first, at most `limit`, optionally only those before `before`. */
export async function listAuditEntries(
  db: Kysely<IssuerDatabase>,
  options: { limit: number; before?: Date; targetId?: string },
): Promise<AuditEntry[]> {
  const rows = await db
    .selectFrom('audit_log')
    .selectAll()
    .$if(options.before !== undefined, (q) => q.where('at', '<', (options.before as Date).getTime()))
    .$if(options.targetId !== undefined, (q) => q.where('target_id', '=', options.targetId as string))
    .orderBy('at', 'desc')
    .orderBy('id', 'desc')
    .limit(options.limit)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    at: new Date(Number(r.at)),
    actor: r.actor,
    role: r.role,
    action: r.action,
    targetType: r.target_type as AuditEntry['targetType'],
    targetId: r.target_id,
    reason: r.reason,
    outcome: r.outcome as AuditEntry['outcome'],
  }));
}
