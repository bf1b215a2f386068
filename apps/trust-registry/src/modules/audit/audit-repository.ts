import type { RegistryDb } from '../../context.js';

/** What an audit entry is about. */
export type AuditTargetType =
  | 'authority'
  | 'relying_party'
  | 'registration_profile'
  | 'credential_type'
  | 'trust_list'
  | 'audit';

/** One administrative action as the append-only audit log keeps it: who, what, when, with what result. */
export interface AuditEntry {
  readonly id: string;
  readonly at: Date;
  /** The actor of the admin token, or `system` (scheduled republication). */
  readonly actor: string;
  /** e.g. `authority.enrol`, `relying_party.deregister`, `trust_list.republish`. */
  readonly action: string;
  readonly targetType: AuditTargetType;
  /** Registry ids only (`-` when the request named none). */
  readonly targetId: string;
  readonly outcome: 'ok' | 'refused';
  /** The problem code of a refusal. */
  readonly errorCode: string | null;
  /** The trust-list version the action published. */
  readonly sequence: number | null;
}

/** Appends one entry (there is no update or delete: the database refuses both). */
export async function appendAuditEntry(db: RegistryDb, entry: AuditEntry): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      id: entry.id,
      at: entry.at.getTime(),
      actor: entry.actor,
      action: entry.action,
      target_type: entry.targetType,
      target_id: entry.targetId,
      outcome: entry.outcome,
      error_code: entry.errorCode,
      sequence: entry.sequence,
    })
    .execute();
}

/** Entries newest first, at most `limit`, optionally only those about `targetId`. */
export async function listAuditEntries(
  db: RegistryDb,
  options: { readonly limit: number; readonly targetId?: string },
): Promise<AuditEntry[]> {
  const rows = await db
    .selectFrom('audit_log')
    .selectAll()
    .$if(options.targetId !== undefined, (q) => q.where('target_id', '=', options.targetId as string))
    .orderBy('at', 'desc')
    .orderBy('id', 'desc')
    .limit(options.limit)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    at: new Date(Number(r.at)),
    actor: r.actor,
    action: r.action,
    targetType: r.target_type as AuditTargetType,
    targetId: r.target_id,
    outcome: r.outcome as AuditEntry['outcome'],
    errorCode: r.error_code,
    sequence: r.sequence === null ? null : Number(r.sequence),
  }));
}
