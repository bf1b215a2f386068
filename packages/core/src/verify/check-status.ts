import { ZzError } from '../errors/zz-error.js';
import { statusCodeForValue } from '../status-list/status-code-for-value.js';
import type { StatusReference, StatusResolver } from '../trust/trust-source.js';
import type { ReportBuilder } from './report.js';

export interface CheckStatusOptions {
  readonly resolver: StatusResolver | undefined;
  /**
   * Reads the credential's status reference: undefined when it has none. It may throw (a
   * malformed reference), which fails the check with that error.
   */
  readonly reference: () => StatusReference | undefined;
  readonly now: Date;
}

/**
 * The `status` check of every verification pipeline (draft-ietf-oauth-status-list §7): skipped
 * after an earlier failure, when the credential has no reference, or when no resolver is
 * configured; otherwise the entry is resolved from a whole, verified list (never by asking the
 * issuer about this credential) and anything but VALID fails with its code. Returns the value.
 */
export async function checkStatus(report: ReportBuilder, options: CheckStatusOptions): Promise<number | undefined> {
  if (report.failed) {
    await report.run('status', () => undefined);
    return undefined;
  }
  let reference: StatusReference | undefined;
  try {
    reference = options.reference();
  } catch (error) {
    if (!(error instanceof ZzError)) throw error;
    report.fail('status', error);
    return undefined;
  }
  if (!reference) {
    report.skip('status', 'the credential carries no status reference');
    return undefined;
  }
  const { resolver } = options;
  if (!resolver) {
    report.skip('status', 'no status resolver configured');
    return undefined;
  }
  const resolved = reference;
  return report.run('status', async () => {
    const value = await resolver.resolveStatus(resolved, { now: options.now });
    const code = statusCodeForValue(value);
    if (code) throw new ZzError(code, 'Credential status is not VALID');
    return value;
  });
}
