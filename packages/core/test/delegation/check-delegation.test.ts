import { describe, expect, it } from 'vitest';
import {
  type CheckDelegationInput,
  type CheckResult,
  checkDelegation,
  computeCitizenIdCheckDigit,
  DELEGATION_CHECK_IDS,
  type DelegationDocument,
  GUARDIANSHIP_TYPE_ID,
  type PublicKey,
  RESIDENT_ID_TYPE_ID,
  type VerificationReport,
} from '../../src/index.js';

/**
 * checkDelegation on hand-made "already verified" parts (its input contract): every check's
 * pass and failure, their order, and bad inputs. The signed end-to-end path (real mdoc and
 * SD-JWT VC presentations) is in packages/verifier/test/delegation.test.ts.
 */

const idOf = (body: string) => body + computeCitizenIdCheckDigit(body);
const WARD_ID = idOf('44010620160512123');
const OTHER_WARD_ID = idOf('44010620170101124');
const NOW = new Date('2026-11-27T08:00:00Z'); // China date 2026-11-27
const key = (fill: number): PublicKey => ({ suite: 'ES256', point: new Uint8Array(65).fill(fill) });
const KEY = key(4);

const OK_CHECKS: CheckResult[] = [
  { id: 'trust_chain', outcome: 'ok' },
  { id: 'issuer_signature', outcome: 'ok' },
  { id: 'validity', outcome: 'ok' },
  { id: 'status', outcome: 'ok' },
  { id: 'device_binding', outcome: 'ok' },
];

function report(type: string, claims: Record<string, unknown>, checks = OK_CHECKS): VerificationReport {
  const valid = checks.every((check) => check.outcome !== 'failed');
  return {
    valid,
    format: 'mdoc-device-response',
    credentialType: type,
    ...(valid && { claims: { [type]: claims } }),
    checks,
  };
}

const GRANT = {
  guardian_family_name: '陈',
  guardian_given_name: '小红',
  relationship: 'parent',
  ward_id_number: WARD_ID,
  scope: `${RESIDENT_ID_TYPE_ID} cn.gov.mdl.1`,
  valid_from: '2016-05-12',
  valid_until: '2034-05-11',
  document_number: 'JH4401062026000123',
};

function input(
  options: {
    grant?: Record<string, unknown>;
    wardClaims?: Record<string, unknown>;
    wardType?: string;
    delegationChecks?: CheckResult[];
    wardChecks?: CheckResult[];
    delegationKey?: PublicKey | undefined;
    now?: Date;
  } = {},
): CheckDelegationInput {
  const wardType = options.wardType ?? RESIDENT_ID_TYPE_ID;
  const ward: DelegationDocument = {
    docType: wardType,
    report: report(wardType, options.wardClaims ?? { id_number: WARD_ID, given_name: '小明' }, options.wardChecks),
    deviceKey: KEY,
  };
  const delegation: DelegationDocument = {
    docType: GUARDIANSHIP_TYPE_ID,
    report: report(GUARDIANSHIP_TYPE_ID, options.grant ?? GRANT, options.delegationChecks),
    deviceKey: 'delegationKey' in options ? options.delegationKey : KEY,
  };
  return { ward, delegation, now: options.now ?? NOW };
}

const failedCheck = (result: ReturnType<typeof checkDelegation>) =>
  result.checks.find((check) => check.outcome === 'failed');

describe('checkDelegation', () => {
  it('passes a valid delegation and names the guardian', () => {
    const result = checkDelegation(input());
    expect(result.valid).toBe(true);
    expect(result.checks.map((check) => [check.id, check.outcome])).toEqual(
      DELEGATION_CHECK_IDS.map((id) => [id, 'ok']),
    );
    expect(result.guardian).toEqual({
      familyName: '陈',
      givenName: '小红',
      relationship: 'parent',
      relationshipDisplay: { 'zh-CN': '父母', en: 'Parent' },
      validUntil: '2034-05-11',
      documentNumber: 'JH4401062026000123',
    });
  });

  it('judges the window on China calendar days, both ends inclusive', () => {
    const lastDay = new Date('2034-05-11T15:59:59Z'); // 23:59:59 in Beijing
    expect(checkDelegation(input({ now: lastDay })).valid).toBe(true);
    const dayAfter = new Date('2034-05-11T16:00:00Z'); // 00:00 on 2034-05-12 in Beijing
    expect(failedCheck(checkDelegation(input({ now: dayAfter })))?.code).toBe('ERR_DELEGATION_EXPIRED');
    const firstDay = new Date('2016-05-11T16:00:00Z');
    expect(checkDelegation(input({ now: firstDay })).valid).toBe(true);
    const before = new Date('2016-05-11T15:59:59Z');
    expect(failedCheck(checkDelegation(input({ now: before })))?.code).toBe('ERR_DELEGATION_NOT_YET_VALID');
  });

  it.each([
    ['an expired delegation', { grant: { ...GRANT, valid_until: '2026-11-26' } }, 'ERR_DELEGATION_EXPIRED'],
    ['another ward', { grant: { ...GRANT, ward_id_number: OTHER_WARD_ID } }, 'ERR_DELEGATION_WARD_MISMATCH'],
    ['another device key', { delegationKey: key(5) }, 'ERR_DELEGATION_KEY_MISMATCH'],
    ['no device key', { delegationKey: undefined }, 'ERR_DELEGATION_KEY_MISMATCH'],
    ['a docType outside scope', { wardType: 'cn.gov.sscard.1' }, 'ERR_DELEGATION_SCOPE'],
    ['an unknown relationship', { grant: { ...GRANT, relationship: 'uncle' } }, 'ERR_DELEGATION_RELATIONSHIP_UNKNOWN'],
    ['a scope that is not docTypes', { grant: { ...GRANT, scope: 'cn.gov.eid.1  x' } }, 'ERR_DELEGATION_INCOMPLETE'],
    ['a malformed date', { grant: { ...GRANT, valid_until: '2034-13-01' } }, 'ERR_DELEGATION_INCOMPLETE'],
    ['the ward id undisclosed', { wardClaims: { given_name: '小明' } }, 'ERR_DELEGATION_INCOMPLETE'],
    ['the grant undisclosed', { grant: { guardian_family_name: '陈' } }, 'ERR_DELEGATION_INCOMPLETE'],
  ] as const)('refuses %s', (_name, options, code) => {
    const result = checkDelegation(input(options as Parameters<typeof input>[0]));
    expect(result.valid).toBe(false);
    expect(result.guardian).toBeUndefined();
    expect(failedCheck(result)?.code).toBe(code);
  });

  it('refuses a delegation that failed its own verification first, and skips the rest', () => {
    const revoked: CheckResult[] = [
      ...OK_CHECKS.slice(0, 3),
      { id: 'status', outcome: 'failed', code: 'ERR_STATUS_REVOKED' },
      { id: 'device_binding', outcome: 'skipped' },
    ];
    // everything else is wrong too: the credential check still decides, and nothing else runs
    const result = checkDelegation(
      input({ delegationChecks: revoked, delegationKey: key(9), grant: { ...GRANT, valid_until: '2020-01-01' } }),
    );
    expect(result.checks[0]).toMatchObject({
      id: 'DELEGATION.CREDENTIALS',
      outcome: 'failed',
      code: 'ERR_DELEGATION_NOT_VERIFIED',
      cause: 'ERR_STATUS_REVOKED',
    });
    expect(result.checks.slice(1).every((check) => check.outcome === 'skipped')).toBe(true);
    const badWard = checkDelegation(
      input({ wardChecks: [{ id: 'issuer_signature', outcome: 'failed', code: 'ERR_COSE_SIGNATURE_INVALID' }] }),
    );
    expect(failedCheck(badWard)).toMatchObject({
      code: 'ERR_DELEGATION_NOT_VERIFIED',
      cause: 'ERR_COSE_SIGNATURE_INVALID',
    });
  });

  it('refuses documents presented without device binding', () => {
    const unbound = OK_CHECKS.map(
      (check): CheckResult => (check.id === 'device_binding' ? { id: 'device_binding', outcome: 'skipped' } : check),
    );
    const result = checkDelegation(input({ delegationChecks: unbound }));
    expect(failedCheck(result)).toMatchObject({
      code: 'ERR_DELEGATION_NOT_VERIFIED',
      cause: 'ERR_DEVICE_BINDING_MISSING',
    });
    expect(failedCheck(checkDelegation(input({ wardChecks: unbound })))?.code).toBe('ERR_DELEGATION_NOT_VERIFIED');
  });

  it('reads SD-JWT VC claims keyed by vct the same way', () => {
    const ok = input();
    const sdJwt = (document: DelegationDocument): DelegationDocument => ({
      ...document,
      report: { ...document.report, format: 'sd-jwt-vc' },
    });
    expect(checkDelegation({ ...ok, ward: sdJwt(ok.ward), delegation: sdJwt(ok.delegation) }).valid).toBe(true);
  });

  it('throws ERR_INPUT_INVALID for bad inputs', () => {
    const ok = input();
    const bad: unknown[] = [
      null,
      'delegation',
      { ...ok, now: 'today' },
      { ...ok, now: new Date(Number.NaN) },
      { ...ok, ward: null },
      { ...ok, ward: { docType: RESIDENT_ID_TYPE_ID } },
      { ...ok, delegation: { ...ok.delegation, report: { checks: 'none' } } },
      { ...ok, delegation: { ...ok.delegation, deviceKey: { suite: 'ES256', point: [4] } } },
      { ...ok, delegation: ok.ward },
      { ...ok, ward: ok.delegation },
    ];
    for (const value of bad) {
      expect(() => checkDelegation(value as CheckDelegationInput)).toThrow(
        expect.objectContaining({ code: 'ERR_INPUT_INVALID' }),
      );
    }
  });
});
