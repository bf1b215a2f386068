import { ZzError } from '../errors/zz-error.js';
import type { StatusReference, StatusResolver } from '../trust/trust-source.js';
import { StatusList } from './status-list.js';

/** Per URI, either a StatusList or a sparse map of index → value (unlisted indices are VALID). */
export type InMemoryStatusEntries =
  | ReadonlyMap<string, StatusList | ReadonlyMap<number, number>>
  | Readonly<Record<string, StatusList | ReadonlyMap<number, number>>>;

/**
 * A StatusResolver over fixed data, for tests of other areas and demos. An unknown URI fails with
 * `ERR_STATUS_UNAVAILABLE`; an index outside a StatusList with `ERR_STATUS_INDEX_OUT_OF_RANGE`.
 */
export function createInMemoryStatusResolver(entries: InMemoryStatusEntries): StatusResolver {
  const lists = entries instanceof Map ? new Map(entries) : new Map(Object.entries(entries));
  return {
    async resolveStatus(reference: StatusReference): Promise<number> {
      const { idx, uri } = reference ?? {};
      if (typeof uri !== 'string' || !Number.isSafeInteger(idx) || idx < 0) {
        throw new ZzError('ERR_INPUT_INVALID', 'Status reference needs a uri and a non-negative idx');
      }
      const entry = lists.get(uri);
      if (entry === undefined) throw new ZzError('ERR_STATUS_UNAVAILABLE', 'No status list for this URI');
      if (entry instanceof StatusList) return entry.get(idx);
      return entry.get(idx) ?? 0;
    },
  };
}
