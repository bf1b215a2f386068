import type { ShareContext } from '../../context.js';
import type { ShareHoldersTable } from '../../db/schema.js';

export type HolderRow = ShareHoldersTable;

export function insertHolder(context: ShareContext, row: HolderRow): Promise<unknown> {
  return context.db.insertInto('share_holders').values(row).execute();
}

export function findHolderById(context: ShareContext, id: string): Promise<HolderRow | undefined> {
  return context.db.selectFrom('share_holders').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findHolderByHandle(context: ShareContext, handle: string): Promise<HolderRow | undefined> {
  return context.db.selectFrom('share_holders').selectAll().where('handle', '=', handle).executeTakeFirst();
}
