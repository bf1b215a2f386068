import type { VerifierReport } from '../verifier-types.js';
import { applyDelegation } from './apply-delegation.js';
import { deviceKeyOfPresentation } from './device-key-of.js';

/**
 * {@link applyDelegation} for presentations verified one by one with `Verifier.verify` — the
 * presentations of one OpenID4VP `vp_token` (OpenID4VP 1.0 §8.1: two SD-JWT VCs, say, each with a
 * Key Binding JWT over the same nonce), in any order. Each input is the presentation exactly as
 * verified; its bound key is read from it (`cnf.jwk`, or the MSO device key). `now` is the time
 * the reports were made at.
 */
export function applyDelegationToPresentations<R extends VerifierReport>(
  presentations: readonly { readonly input: string | Uint8Array; readonly report: R }[],
  now: Date,
): R[] {
  return applyDelegation(
    presentations.map(({ input, report }) => {
      const deviceKey = deviceKeyOfPresentation(input);
      return { report, ...(deviceKey && { deviceKey }) };
    }),
    now,
  );
}
