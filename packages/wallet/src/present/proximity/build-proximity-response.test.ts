import {
  createQrHandoverSessionTranscript,
  decodeDeviceResponse,
  decodeIssuerSigned,
  encodeCbor,
  verifyDeviceResponse,
} from '@zhengzhao/core';
import { createNodePlatform } from '@zhengzhao/crypto-node';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestHolder, EID, expectCode, NOW, type TestHolder } from '../test/holder-fixtures.js';
import { buildProximityResponse } from './build-proximity-response.js';
import type { ProximityRequest } from './proximity-types.js';

const platform = createNodePlatform();
const transcript = createQrHandoverSessionTranscript(encodeCbor(new Map([[0, '1.0']])), encodeCbor(new Map([[1, 2]])));
const request: ProximityRequest = {
  reader: { trusted: true },
  documents: [
    { docType: EID, elements: { [EID]: [{ identifier: 'age_over_18', intentToRetain: false }] } },
    { docType: 'cn.gov.mdl.1', elements: { 'cn.gov.mdl.1': [{ identifier: 'name', intentToRetain: false }] } },
  ],
};

let holder: TestHolder;
beforeAll(async () => {
  holder = await createTestHolder(platform);
});

describe('buildProximityResponse', () => {
  it('signs over the transcript, takes decoded IssuerSigned too, and lists docTypes left out as documentErrors', async () => {
    const bytes = await buildProximityResponse(platform, {
      request,
      sessionTranscript: transcript,
      approval: {
        documents: [
          {
            issuerSigned: decodeIssuerSigned(holder.mdoc),
            deviceSigner: holder.deviceSigner,
            elements: { [EID]: ['age_over_18', 'age_over_18'] },
          },
        ],
      },
    });
    const response = decodeDeviceResponse(bytes);
    expect(response.status).toBe(0);
    expect(response.documentErrors).toEqual([new Map([['cn.gov.mdl.1', 0]])]);
    const verification = await verifyDeviceResponse(platform, bytes, {
      trust: holder.authority.trustSource,
      now: NOW,
      sessionTranscript: transcript,
    });
    expect(verification.valid).toBe(true);
    expect(verification.reports[0]?.claims).toEqual({ [EID]: { age_over_18: true } });
  });

  it('refuses the same docType twice and malformed element lists', async () => {
    const document = {
      issuerSigned: holder.mdoc,
      deviceSigner: holder.deviceSigner,
      elements: { [EID]: ['age_over_18'] },
    };
    const build = (approval: unknown) =>
      buildProximityResponse(platform, { request, sessionTranscript: transcript, approval: approval as never });
    await expectCode(build({ documents: [document, document] }), 'ERR_INPUT_INVALID');
    await expectCode(build({ documents: [{ ...document, elements: [] }] }), 'ERR_INPUT_INVALID');
    await expectCode(build({ documents: [{ ...document, elements: { [EID]: 'age_over_18' } }] }), 'ERR_INPUT_INVALID');
    await expectCode(build({ documents: [{ ...document, elements: { [EID]: [42] } }] }), 'ERR_INPUT_INVALID');
    await expectCode(build({ documents: [{ ...document, deviceSigner: {} }] }), 'ERR_INPUT_INVALID');
    await expectCode(build({ documents: [{ ...document, issuerSigned: { issuerAuth: {} } }] }), 'ERR_INPUT_INVALID');
    await expectCode(build({ documents: new Array(17).fill(document) }), 'ERR_INPUT_INVALID');
  });
});
