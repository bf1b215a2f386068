import { encodeBase64url, type Platform, ZzError } from '@zhengzhao/core';
import type { SealedRecords, SealedWrite } from '../records/sealed-records.js';
import type { NewTransaction, TransactionChannel, TransactionEntry } from '../wallet-types.js';

/** As stored (sealed, kind `transaction`): dates as ISO text. */
interface StoredTransaction extends Omit<TransactionEntry, 'at'> {
  readonly at: string;
}

const CHANNELS: readonly TransactionChannel[] = ['qr', 'proximity', 'online', 'share'];
/** Element identifiers only (`full_name`, `org.iso.18013.5.1:age_over_18`): a value cannot pass. */
const ELEMENT_ID = /^[A-Za-z0-9_.:-]{1,100}$/;
const MAX_ELEMENTS = 64;
const MAX_TEXT = 200;

function text(value: unknown, what: string, optional = false): string | undefined {
  if (value === undefined && optional) return undefined;
  if (typeof value !== 'string' || value.length === 0 || value.length > MAX_TEXT) {
    throw new ZzError('ERR_INPUT_INVALID', `Transaction ${what} must be 1 to ${MAX_TEXT} characters`);
  }
  return value;
}

/**
 * A new log entry (issue 4 §5d) and the sealed write that stores it, to be put in the SAME
 * atomic batch as the copy it used. The entry says when, over which channel, to whom, for which
 * purpose and which element identifiers — never a value; identifiers are checked so that a value
 * cannot slip in. Ids sort by time.
 */
export function logTransaction(
  platform: Platform,
  input: NewTransaction,
  now: Date,
): { entry: TransactionEntry; write: SealedWrite } {
  if (!CHANNELS.includes(input?.channel)) throw new ZzError('ERR_INPUT_INVALID', 'Unknown transaction channel');
  const elements = input.elements;
  if (!Array.isArray(elements) || elements.length > MAX_ELEMENTS || !elements.every((e) => ELEMENT_ID.test(e))) {
    throw new ZzError('ERR_INPUT_INVALID', 'Transaction elements must be element identifiers');
  }
  const organisation = text(input.verifierOrganisation, 'verifierOrganisation', true);
  const entry: TransactionEntry = {
    id: `${String(now.getTime()).padStart(15, '0')}-${encodeBase64url(platform.randomBytes(9))}`,
    at: now,
    channel: input.channel,
    verifier: text(input.verifier, 'verifier') as string,
    ...(organisation !== undefined ? { verifierOrganisation: organisation } : {}),
    purpose: text(input.purpose, 'purpose') as string,
    credentialType: text(input.credentialType, 'credentialType') as string,
    credentialId: text(input.credentialId, 'credentialId') as string,
    elements: [...elements],
  };
  const stored: StoredTransaction = { ...entry, at: now.toISOString() };
  return { entry, write: { kind: 'transaction', id: entry.id, value: stored } };
}

/** Every logged presentation, newest first. */
export async function listTransactions(records: SealedRecords): Promise<TransactionEntry[]> {
  const all = await records.list('transaction');
  return all
    .map(({ value }) => {
      const stored = value as StoredTransaction;
      return { ...stored, at: new Date(stored.at), elements: [...stored.elements] };
    })
    .reverse();
}

/** The log as JSON for the holder to keep or hand over (issue 4 §5d): still no values. */
export function exportTransactionsJson(entries: readonly TransactionEntry[], now: Date): string {
  return JSON.stringify(
    {
      format: 'zhengzhao-wallet-transactions',
      version: 1,
      exportedAt: now.toISOString(),
      transactions: entries.map((e) => ({ ...e, at: e.at.toISOString() })),
    },
    null,
    2,
  );
}
