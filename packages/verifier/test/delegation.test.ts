import {
  computeCitizenIdCheckDigit,
  createDeviceResponse,
  createOid4vpSessionTranscript,
  decodeIssuerSigned,
  type ExportableSigner,
  encodeDeviceResponse,
  GUARDIANSHIP_TYPE_ID,
  type MdocIssuerSigned,
  presentMdoc,
  presentSdJwtVc,
  RESIDENT_ID_TYPE_ID,
} from '@zhengzhao/core';
import { type IssueTestGuardianshipOptions, issueTestGuardianship } from '@zhengzhao/test-kit';
import { describe, expect, it } from 'vitest';
import { applyDelegationToPresentations, createVerifier, type VerifierReport } from '../src/index.js';
import { createWorld, JWT_LIST_URI, platform, type World } from './fixtures.js';

/**
 * A guardian's wallet presents a child's resident ID with the guardianship (监护关系证明), both
 * bound to the guardian's device key: a real ISO 18013-5 DeviceResponse of two documents through
 * `verifyDeviceResponse`, and two SD-JWT VCs with Key Binding JWTs (an OpenID4VP vp_token)
 * through `verify` + `applyDelegationToPresentations`.
 */

const HOUR = 3600_000;
const OTHER_WARD_ID = `44010620170101124${computeCitizenIdCheckDigit('44010620170101124')}`;

async function transcript() {
  return createOid4vpSessionTranscript(platform, {
    clientId: 'x509_san_dns:hotel.example.cn',
    nonce: 'n-42',
    jwkThumbprint: null,
    responseUri: 'https://hotel.example.cn/response',
  });
}

/** Issues to the guardian, presents both documents in one DeviceResponse, and verifies it. */
async function presentMdocPair(
  world: World,
  options: Partial<IssueTestGuardianshipOptions> & {
    disclose?: Record<string, readonly string[]>;
    tamper?: (issuerSigned: MdocIssuerSigned) => MdocIssuerSigned;
    onlyWard?: boolean;
  } = {},
) {
  const issued = await issueTestGuardianship(platform, world.authority, {
    format: 'mdoc',
    signedAt: new Date(world.clock.now().getTime() - HOUR),
    ...options,
  });
  const sessionTranscript = await transcript();
  const present = (bytes: Uint8Array | string, docType: string, signer: ExportableSigner) =>
    presentMdoc(platform, {
      issuerSigned: (options.tamper ?? ((value) => value))(decodeIssuerSigned(bytes as Uint8Array)),
      deviceSigner: signer,
      sessionTranscript,
      docType,
      ...(options.disclose && docType === RESIDENT_ID_TYPE_ID && { disclose: options.disclose }),
    });
  const documents = [await present(issued.ward, RESIDENT_ID_TYPE_ID, issued.device)];
  if (!options.onlyWard) {
    const signer = options.delegationDevice ?? issued.device;
    documents.push(await present(issued.delegation, GUARDIANSHIP_TYPE_ID, signer));
  }
  const verifier = createVerifier({
    platform,
    trust: world.bundle,
    clock: world.clock.now,
    fetch: world.origin.fetch,
  });
  return verifier.verifyDeviceResponse(encodeDeviceResponse(createDeviceResponse(documents)), { sessionTranscript });
}

const failedDelegation = (report: VerifierReport | undefined) =>
  report?.delegation?.checks.find((check) => check.outcome === 'failed');

describe('guardian delegation in the verifier SDK', () => {
  it('verifies a DeviceResponse of a ward credential and its delegation, and shows the guardian', async () => {
    const world = await createWorld();
    const { status, reports } = await presentMdocPair(world);
    expect(status).toBe(0);
    const [ward, delegation] = reports;
    expect(ward?.valid).toBe(true);
    expect(ward?.credentialType).toBe(RESIDENT_ID_TYPE_ID);
    expect(ward?.claims?.[RESIDENT_ID_TYPE_ID]?.given_name).toBe('小明');
    expect(ward?.delegation).toMatchObject({
      valid: true,
      notice: { 'zh-CN': '由监护人代为出示', en: 'Presented by a guardian' },
      guardian: { familyName: '陈', givenName: '小红', relationship: 'parent', validUntil: '2034-05-11' },
    });
    expect(ward?.checks.at(-1)).toEqual({ id: 'delegation', outcome: 'ok' });
    expect(delegation?.valid).toBe(true);
    expect(delegation?.credentialType).toBe(GUARDIANSHIP_TYPE_ID);
    expect(delegation?.delegation).toBeUndefined();
  });

  it.each([
    ['an expired delegation', { delegation: { valid_until: '2026-11-26' } }, 'ERR_DELEGATION_EXPIRED'],
    ['a delegation not yet valid', { delegation: { valid_from: '2026-11-28' } }, 'ERR_DELEGATION_NOT_YET_VALID'],
    [
      'a delegation for another ward',
      { delegation: { ward_id_number: OTHER_WARD_ID } },
      'ERR_DELEGATION_WARD_MISMATCH',
    ],
    ['a docType outside scope', { delegation: { scope: 'cn.gov.mdl.1' } }, 'ERR_DELEGATION_SCOPE'],
    [
      'an unknown relationship',
      { delegation: { relationship: 'uncle' }, uncheckedDelegation: true },
      'ERR_DELEGATION_RELATIONSHIP_UNKNOWN',
    ],
    [
      'a ward whose id number is not disclosed',
      { disclose: { [RESIDENT_ID_TYPE_ID]: ['given_name', 'age_over_18'] } },
      'ERR_DELEGATION_INCOMPLETE',
    ],
  ] as const)('rejects %s', async (_name, options, code) => {
    const world = await createWorld();
    const { reports } = await presentMdocPair(world, options as Parameters<typeof presentMdocPair>[1]);
    const [ward, delegation] = reports;
    expect(delegation?.valid).toBe(true); // the guardianship itself is genuine
    expect(ward?.valid).toBe(false);
    expect(ward?.claims).toBeUndefined();
    expect(ward?.checks.at(-1)).toMatchObject({ id: 'delegation', outcome: 'failed', code });
    expect(ward?.delegation?.valid).toBe(false);
    expect(ward?.delegation?.guardian).toBeUndefined();
    expect(failedDelegation(ward)?.code).toBe(code);
  });

  it('rejects a delegation bound to another device key', async () => {
    const world = await createWorld();
    const delegationDevice = await platform.suite('ES256').generateSigner();
    const { reports } = await presentMdocPair(world, { delegationDevice });
    // each document's own device signature is good: only the pair is wrong
    expect(reports[1]?.valid).toBe(true);
    expect(reports[0]?.valid).toBe(false);
    expect(failedDelegation(reports[0])?.id).toBe('DELEGATION.DEVICE_KEY');
    expect(failedDelegation(reports[0])?.code).toBe('ERR_DELEGATION_KEY_MISMATCH');
  });

  it('rejects a revoked delegation (Token Status List)', async () => {
    const world = await createWorld();
    await world.publish(JWT_LIST_URI, { revoked: [5] });
    const { reports } = await presentMdocPair(world, {
      status: { ward: { uri: JWT_LIST_URI, idx: 4 }, delegation: { uri: JWT_LIST_URI, idx: 5 } },
    });
    const [ward, delegation] = reports;
    expect(delegation?.valid).toBe(false);
    expect(delegation?.checks.find((check) => check.id === 'status')?.code).toBe('ERR_STATUS_REVOKED');
    expect(ward?.valid).toBe(false);
    expect(ward?.checks.at(-1)).toMatchObject({ id: 'delegation', code: 'ERR_DELEGATION_NOT_VERIFIED' });
    expect(failedDelegation(ward)).toMatchObject({ id: 'DELEGATION.CREDENTIALS', cause: 'ERR_STATUS_REVOKED' });
  });

  it('rejects a tampered delegation (issuer signature)', async () => {
    const world = await createWorld();
    const tamper = (issuerSigned: MdocIssuerSigned): MdocIssuerSigned => {
      const signature = issuerSigned.issuerAuth.signature.slice();
      signature[10] = (signature[10] as number) ^ 0xff;
      return { ...issuerSigned, issuerAuth: { ...issuerSigned.issuerAuth, signature } };
    };
    const { reports } = await presentMdocPair(world, { tamper });
    expect(reports[1]?.valid).toBe(false);
    expect(reports[0]?.valid).toBe(false);
    expect(failedDelegation(reports[0])?.code).toBe('ERR_DELEGATION_NOT_VERIFIED');
    expect(failedDelegation(reports[0])?.cause).toBe(reports[1]?.checks.find((c) => c.outcome === 'failed')?.code);
  });

  it('leaves a single document alone', async () => {
    const world = await createWorld();
    const { reports } = await presentMdocPair(world, { onlyWard: true });
    expect(reports).toHaveLength(1);
    expect(reports[0]?.valid).toBe(true);
    expect(reports[0]?.delegation).toBeUndefined();
    expect(reports[0]?.checks.some((check) => check.id === 'delegation')).toBe(false);
  });

  it('checks two SD-JWT VCs of one vp_token (OpenID4VP) the same way', async () => {
    const world = await createWorld();
    const now = world.clock.now();
    const verifier = createVerifier({ platform, trust: world.bundle, clock: world.clock.now });
    const options = { audience: 'x509_san_dns:hotel.example.cn', nonce: 'n-7' };
    const presentPair = async (issueOptions: Partial<IssueTestGuardianshipOptions> = {}) => {
      const issued = await issueTestGuardianship(platform, world.authority, {
        format: 'sd-jwt',
        signedAt: new Date(now.getTime() - HOUR),
        ...issueOptions,
      });
      const present = (sdJwt: string | Uint8Array, holderSigner: ExportableSigner) =>
        presentSdJwtVc(platform, sdJwt as string, { disclose: () => true, holderSigner, ...options, now });
      const inputs = [
        await present(issued.delegation, issueOptions.delegationDevice ?? issued.device),
        await present(issued.ward, issued.device),
      ];
      const reports = [];
      for (const input of inputs) reports.push({ input, report: await verifier.verify(input, options) });
      return applyDelegationToPresentations(reports, now);
    };

    const [delegation, ward] = await presentPair();
    expect(delegation?.valid).toBe(true);
    expect(ward?.valid).toBe(true);
    expect(ward?.format).toBe('sd-jwt-vc');
    expect(ward?.delegation?.guardian).toMatchObject({ familyName: '陈', relationship: 'parent' });

    const otherKey = await presentPair({ delegationDevice: await platform.suite('ES256').generateSigner() });
    expect(otherKey[1]?.valid).toBe(false);
    expect(failedDelegation(otherKey[1])?.code).toBe('ERR_DELEGATION_KEY_MISMATCH');

    const expired = await presentPair({ delegation: { valid_until: '2026-11-01' } });
    expect(expired[1]?.checks.at(-1)).toMatchObject({ id: 'delegation', code: 'ERR_DELEGATION_EXPIRED' });

    // unreadable input: no bound key can be read, so the pair cannot be matched
    const garbled = applyDelegationToPresentations(
      [
        { input: 'not a presentation', report: delegation as VerifierReport },
        { input: new Uint8Array([0xff]), report: ward as VerifierReport },
      ],
      now,
    );
    expect(failedDelegation(garbled[1])?.code).toBe('ERR_DELEGATION_KEY_MISMATCH');
  });
});
