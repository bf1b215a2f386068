import { bytesEqual } from '../bytes/bytes.js';
import { chinaDateOf } from '../catalog/china-date.js';
import { CREDENTIAL_CATALOG } from '../catalog/credential-catalog.js';
import {
  findGuardianshipRelationship,
  GUARDIANSHIP_TYPE_ID,
  parseGuardianshipScope,
} from '../catalog/guardianship-type.js';
import { isFullDate } from '../cbor/tags.js';
import type { ErrorCode } from '../errors/catalogue.js';
import { ZzError } from '../errors/zz-error.js';
import type { PublicKey } from '../platform/crypto-suite.js';
import type { VerificationReport } from '../verify/report.js';
import type {
  CheckDelegationInput,
  DelegationCheck,
  DelegationCheckId,
  DelegationDocument,
  DelegationGuardian,
  DelegationResult,
} from './delegation-types.js';

/** The element of the ward's credential that the delegation's `ward_id_number` names (GB 11643). */
export const WARD_ID_ELEMENT = 'id_number';

/**
 * Checks that a guardian may present the ward's credential (docs/adr/0011-guardian-delegation.md).
 * Both documents arrive verified on their own; this adds, in order and each only if the ones
 * before passed:
 * - `DELEGATION.CREDENTIALS` both reports valid with a passed `device_binding` (else
 *   `ERR_DELEGATION_NOT_VERIFIED`, `cause` the document's own code, e.g. `ERR_STATUS_REVOKED`);
 * - `DELEGATION.ELEMENTS` the delegation discloses relationship, ward_id_number, scope,
 *   valid_from, valid_until, and the ward credential its `id_number` (`ERR_DELEGATION_INCOMPLETE`);
 * - `DELEGATION.VALIDITY` `now`'s China calendar day within valid_from…valid_until inclusive
 *   (`ERR_DELEGATION_NOT_YET_VALID`, `ERR_DELEGATION_EXPIRED`);
 * - `DELEGATION.DEVICE_KEY` both bound to one device key, the presenter's, since each device
 *   signature was checked with its own bound key (`ERR_DELEGATION_KEY_MISMATCH`);
 * - `DELEGATION.WARD` ward_id_number equals the ward's id_number (`ERR_DELEGATION_WARD_MISMATCH`);
 * - `DELEGATION.SCOPE` the ward's docType is in scope (`ERR_DELEGATION_SCOPE`);
 * - `DELEGATION.RELATIONSHIP` a code of `GUARDIANSHIP_RELATIONSHIPS` (`ERR_DELEGATION_RELATIONSHIP_UNKNOWN`).
 * Input of the wrong shape throws `ERR_INPUT_INVALID`. Pure and synchronous; `now` is injected.
 */
export function checkDelegation(input: CheckDelegationInput): DelegationResult {
  if (typeof input !== 'object' || input === null) throw new ZzError('ERR_INPUT_INVALID', 'input is required');
  const { ward, delegation, now } = input;
  assertDocument(ward, 'ward');
  assertDocument(delegation, 'delegation');
  const today = chinaDateOf(now);
  if (delegation.docType !== GUARDIANSHIP_TYPE_ID) {
    throw new ZzError('ERR_INPUT_INVALID', `delegation must be a ${GUARDIANSHIP_TYPE_ID} document`);
  }
  if (ward.docType === GUARDIANSHIP_TYPE_ID) throw new ZzError('ERR_INPUT_INVALID', 'ward must not be a delegation');

  const checks: DelegationCheck[] = [];
  let failed: DelegationCheckId | undefined;
  const run = (id: DelegationCheckId, check: () => void): void => {
    if (failed) {
      checks.push({ id, outcome: 'skipped', reason: `not run: ${failed} failed` });
      return;
    }
    try {
      check();
      checks.push({ id, outcome: 'ok' });
    } catch (error) {
      if (!(error instanceof DelegationFailure)) throw error;
      failed = id;
      checks.push({ id, outcome: 'failed', code: error.code, reason: error.message, ...error.extra });
    }
  };

  run('DELEGATION.CREDENTIALS', () => {
    for (const [what, document] of [
      ['delegation', delegation],
      ['ward credential', ward],
    ] as const) {
      const cause = ownFailure(document.report);
      if (cause) throw new DelegationFailure('ERR_DELEGATION_NOT_VERIFIED', `The ${what} is not valid`, { cause });
      if (!document.report.checks.some((check) => check.id === 'device_binding' && check.outcome === 'ok')) {
        throw new DelegationFailure(
          'ERR_DELEGATION_NOT_VERIFIED',
          `The ${what} was not presented with device binding`,
          {
            cause: 'ERR_DEVICE_BINDING_MISSING',
          },
        );
      }
    }
  });
  const granted = claimsOf(delegation);
  const held = claimsOf(ward);
  let scope: readonly string[] = [];
  run('DELEGATION.ELEMENTS', () => {
    for (const id of ['relationship', 'ward_id_number', 'scope', 'valid_from', 'valid_until'] as const) {
      if (granted[id] === undefined) incomplete(`The delegation does not disclose ${id}`);
    }
    if (typeof held[WARD_ID_ELEMENT] !== 'string')
      incomplete(`The ward credential does not disclose ${WARD_ID_ELEMENT}`);
    if (!isFullDate(granted.valid_from) || !isFullDate(granted.valid_until)) {
      incomplete('valid_from and valid_until must be full-dates');
    }
    if (typeof granted.ward_id_number !== 'string') incomplete('ward_id_number must be text');
    scope = parseGuardianshipScope(granted.scope) ?? incomplete('scope is not a list of docTypes');
  });
  run('DELEGATION.VALIDITY', () => {
    if (today < (granted.valid_from as string)) {
      throw new DelegationFailure('ERR_DELEGATION_NOT_YET_VALID', 'The delegation starts after today');
    }
    if (today > (granted.valid_until as string)) {
      throw new DelegationFailure('ERR_DELEGATION_EXPIRED', 'The delegation ended before today');
    }
  });
  run('DELEGATION.DEVICE_KEY', () => {
    if (!sameKey(delegation.deviceKey, ward.deviceKey)) {
      throw new DelegationFailure('ERR_DELEGATION_KEY_MISMATCH', 'The two documents are bound to different keys');
    }
  });
  run('DELEGATION.WARD', () => {
    if (granted.ward_id_number !== held[WARD_ID_ELEMENT]) {
      throw new DelegationFailure('ERR_DELEGATION_WARD_MISMATCH', 'The delegation names another ward');
    }
  });
  run('DELEGATION.SCOPE', () => {
    if (!scope.includes(ward.docType)) {
      throw new DelegationFailure('ERR_DELEGATION_SCOPE', 'The ward credential type is not in the delegation scope');
    }
  });
  run('DELEGATION.RELATIONSHIP', () => {
    if (!findGuardianshipRelationship(granted.relationship)) {
      throw new DelegationFailure('ERR_DELEGATION_RELATIONSHIP_UNKNOWN', 'The relationship code is not known');
    }
  });
  if (failed) return { valid: false, checks };
  return { valid: true, checks, guardian: guardianOf(granted) };
}

/** A failed delegation check (internal: `checkDelegation` turns it into a check result). */
class DelegationFailure extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly extra: { readonly cause?: ErrorCode } = {},
  ) {
    super(message);
  }
}

function incomplete(reason: string): never {
  throw new DelegationFailure('ERR_DELEGATION_INCOMPLETE', reason);
}

function assertDocument(document: DelegationDocument, what: string): void {
  if (typeof document !== 'object' || document === null || typeof document.docType !== 'string') {
    throw new ZzError('ERR_INPUT_INVALID', `${what} must be a document with a docType`);
  }
  const report = document.report;
  if (typeof report !== 'object' || report === null || !Array.isArray(report.checks)) {
    throw new ZzError('ERR_INPUT_INVALID', `${what} must carry its verification report`);
  }
  const key = document.deviceKey;
  if (key !== undefined && (typeof key !== 'object' || key === null || !(key.point instanceof Uint8Array))) {
    throw new ZzError('ERR_INPUT_INVALID', `${what} deviceKey must be a PublicKey`);
  }
}

/** The code of the report's first failed check, or a generic one when it is not valid; undefined when valid. */
function ownFailure(report: VerificationReport): ErrorCode | undefined {
  if (report.valid === true) return undefined;
  return report.checks.find((check) => check.outcome === 'failed')?.code ?? 'ERR_DELEGATION_NOT_VERIFIED';
}

/** Claims of a document: the catalog namespace (mdoc) or the `vct` (SD-JWT VC) of its type. */
function claimsOf(document: DelegationDocument): Readonly<Record<string, unknown>> {
  const claims = document.report.claims;
  if (!claims) return {};
  const namespace = CREDENTIAL_CATALOG.get(document.docType)?.namespace ?? document.docType;
  const found = Object.hasOwn(claims, namespace) ? claims[namespace] : claims[document.docType];
  return typeof found === 'object' && found !== null ? found : {};
}

function sameKey(a: PublicKey | undefined, b: PublicKey | undefined): boolean {
  return a !== undefined && b !== undefined && a.suite === b.suite && bytesEqual(a.point, b.point);
}

function guardianOf(granted: Readonly<Record<string, unknown>>): DelegationGuardian {
  const relationship = findGuardianshipRelationship(granted.relationship);
  const text = (value: unknown) => (typeof value === 'string' ? value : undefined);
  const familyName = text(granted.guardian_family_name);
  const givenName = text(granted.guardian_given_name);
  const documentNumber = text(granted.document_number);
  return {
    ...(familyName !== undefined && { familyName }),
    ...(givenName !== undefined && { givenName }),
    relationship: relationship?.code as string,
    relationshipDisplay: relationship?.display ?? { 'zh-CN': '', en: '' },
    validUntil: granted.valid_until as string,
    ...(documentNumber !== undefined && { documentNumber }),
  };
}
