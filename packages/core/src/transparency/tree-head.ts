import { decodeCbor } from '../cbor/decode.js';
import { encodeCbor } from '../cbor/encode.js';
import { CborReader } from '../cbor/shape.js';
import { ZzError } from '../errors/zz-error.js';
import { MERKLE_HASH_LENGTH } from './merkle-hasher.js';

/**
 * A tree head: the state of a log at one moment (RFC 9162 §4.10 TreeHeadDataV2, less the
 * extensions, plus the log's identity so a head of one log is never taken for another's).
 */
export interface TreeHead {
  /** Identifies the log (for example `https://share.example.gov.cn/log`); fixed for its life. */
  readonly logId: string;
  readonly treeSize: number;
  /** MTH of the first `treeSize` entries. */
  readonly rootHash: Uint8Array;
  /** When the log produced the head (kept to the millisecond, as RFC 9162 timestamps). */
  readonly timestamp: Date;
}

/** COSE `typ` (RFC 9596) of a signed tree head. */
export const TREE_HEAD_COSE_TYPE = 'application/zz-tree-head+cose';

/** Upper bounds for a tree head payload and its log id. */
export const MAX_TREE_HEAD_BYTES = 1024;
const MAX_LOG_ID_LENGTH = 256;

const read = new CborReader('ERR_LOG_TREE_HEAD_MALFORMED');
const KEYS = ['log', 'root', 'size', 'time'] as const;

/**
 * The deterministic CBOR payload of a tree head (RFC 8949 §4.2.1):
 * `{ "log": tstr, "root": bstr .size 32, "size": uint, "time": uint (ms since the epoch) }`.
 * Refuses (`ERR_LOG_TREE_HEAD_MALFORMED`) what `decodeTreeHead` would refuse.
 */
export function encodeTreeHead(head: TreeHead): Uint8Array {
  const checked = checkTreeHead(head);
  return encodeCbor({
    log: checked.logId,
    root: checked.rootHash,
    size: checked.treeSize,
    time: checked.timestamp.getTime(),
  }).slice(); // its own buffer, not a view into the encoder's
}

/** Parses a tree head payload: exactly the four keys, in deterministic encoding. */
export function decodeTreeHead(bytes: Uint8Array): TreeHead {
  let value: unknown;
  try {
    value = decodeCbor(bytes, { maxBytes: MAX_TREE_HEAD_BYTES });
  } catch (error) {
    throw new ZzError('ERR_LOG_TREE_HEAD_MALFORMED', 'The tree head is not CBOR', { cause: error });
  }
  const map = read.map(value, 'Tree head');
  if (map.size !== KEYS.length || !KEYS.every((key) => map.has(key))) {
    read.fail(`A tree head has exactly the keys ${KEYS.join(', ')}`);
  }
  const head = checkTreeHead({
    logId: read.text(map.get('log'), 'log'),
    rootHash: read.bytes(map.get('root'), 'root'),
    treeSize: uint(map.get('size'), 'size'),
    timestamp: new Date(uint(map.get('time'), 'time')),
  });
  const canonical = encodeTreeHead(head);
  if (canonical.length !== bytes.length || canonical.some((byte, i) => byte !== bytes[i])) {
    read.fail('The tree head is not in deterministic CBOR');
  }
  return head;
}

/** An unsigned integer: cbor-x decodes those beyond 32 bits as bigint. */
function uint(value: unknown, what: string): number {
  if (typeof value === 'bigint' && value <= BigInt(Number.MAX_SAFE_INTEGER)) return read.uint(Number(value), what);
  return read.uint(value, what);
}

function checkTreeHead(head: TreeHead): TreeHead {
  if (typeof head !== 'object' || head === null) read.fail('A tree head is an object');
  const { logId, treeSize, rootHash, timestamp } = head;
  if (typeof logId !== 'string' || logId.length === 0 || logId.length > MAX_LOG_ID_LENGTH) {
    read.fail(`logId is 1 to ${MAX_LOG_ID_LENGTH} characters`);
  }
  if (typeof treeSize !== 'number' || !Number.isSafeInteger(treeSize) || treeSize < 0) {
    read.fail('treeSize is a non-negative safe integer');
  }
  if (!(rootHash instanceof Uint8Array) || rootHash.length !== MERKLE_HASH_LENGTH) {
    read.fail(`rootHash is ${MERKLE_HASH_LENGTH} bytes`);
  }
  if (!(timestamp instanceof Date) || !Number.isSafeInteger(timestamp.getTime()) || timestamp.getTime() < 0) {
    read.fail('timestamp is a Date after 1970');
  }
  return { logId, treeSize, rootHash: new Uint8Array(rootHash), timestamp: new Date(timestamp.getTime()) };
}
