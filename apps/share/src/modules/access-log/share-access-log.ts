import type { AccessLogEntry, MerkleLog, TreeHead } from '@zhengzhao/core';

/** One line of the access log as the service hands it over (the log adds the time). */
export type ShareLogEntry = Omit<AccessLogEntry, 'at'>;

/** The sharing service's Merkle access log (RFC 9162 §2.1): appends, signed heads, proofs. */
export interface ShareAccessLog {
  /** Appends (with the service's time) and returns the leaf index; durable when it resolves. */
  append(entry: ShareLogEntry, holderId?: string): Promise<number>;
  /** The signed tree head of the current size (tagged COSE_Sign1) and what it says. */
  treeHead(): Promise<{ readonly signed: Uint8Array; readonly head: TreeHead }>;
  readonly log: MerkleLog;
  /** The log's identity, as every tree head names it. */
  readonly logId: string;
}
