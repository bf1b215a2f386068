import {
  combineTrustSources,
  createDeviceRequest,
  createQrHandoverSessionTranscript,
  decodeCbor,
  encodeCbor,
} from '@zhengzhao/core';
import { createNodePlatform } from '@zhengzhao/crypto-node';
import { beforeAll, describe, expect, it } from 'vitest';
import { EID, expectCode, NOW } from '../test/holder-fixtures.js';
import { createTestRelyingParty, type TestRelyingParty } from '../test/relying-party.js';
import { readProximityRequest } from './read-proximity-request.js';

const platform = createNodePlatform();
const transcript = createQrHandoverSessionTranscript(encodeCbor(new Map([[0, '1.0']])), encodeCbor(new Map([[1, 2]])));

let hotel: TestRelyingParty;
beforeAll(async () => {
  hotel = await createTestRelyingParty({ platform, now: NOW });
});

describe('readProximityRequest', () => {
  it('reads a signed request as trusted', async () => {
    const deviceRequest = await createDeviceRequest({
      docType: EID,
      nameSpaces: { [EID]: { age_over_18: false } },
      sessionTranscript: transcript,
      readerSigner: hotel.signer,
      readerCertificateChain: hotel.chain,
    });
    const read = await readProximityRequest(platform, deviceRequest, {
      sessionTranscript: transcript,
      trust: hotel.trust,
      now: NOW,
    });
    expect(read.reader.trusted).toBe(true);
    expect(read.documents).toEqual([
      { docType: EID, elements: { [EID]: [{ identifier: 'age_over_18', intentToRetain: false }] } },
    ]);
  });

  it('several docRequests: trusted only when one reader certificate signed them all', async () => {
    const other = await createTestRelyingParty({ platform, now: NOW, organisation: 'Second Hotel' });
    const trust = combineTrustSources(hotel.trust, other.trust);
    const signedBy = (party: TestRelyingParty, docType: string) =>
      createDeviceRequest({
        docType,
        nameSpaces: { [docType]: { age_over_18: false } },
        sessionTranscript: transcript,
        readerSigner: party.signer,
        readerCertificateChain: party.chain,
      });
    const merge = (...requests: Uint8Array[]) =>
      encodeCbor(
        new Map<string, unknown>([
          ['version', '1.0'],
          [
            'docRequests',
            requests.flatMap((bytes) => (decodeCbor(bytes) as Map<string, unknown[]>).get('docRequests') ?? []),
          ],
        ]) as never,
      );
    const options = { sessionTranscript: transcript, trust, now: NOW };
    const same = await readProximityRequest(
      platform,
      merge(await signedBy(hotel, EID), await signedBy(hotel, 'cn.gov.mdl.1')),
      options,
    );
    expect(same.reader.trusted).toBe(true);
    expect(same.documents.map((document) => document.docType)).toEqual([EID, 'cn.gov.mdl.1']);
    const mixed = await readProximityRequest(
      platform,
      merge(await signedBy(hotel, EID), await signedBy(other, 'cn.gov.mdl.1')),
      options,
    );
    expect(mixed.reader).toEqual({
      trusted: false,
      certificate: hotel.chain[0],
      errorCode: 'ERR_SESSION_READER_AUTH_INVALID',
    });
  });

  it('malformed DeviceRequests throw ERR_SESSION_REQUEST_MALFORMED or ERR_INPUT_TOO_LARGE', async () => {
    const options = { sessionTranscript: transcript, trust: hotel.trust, now: NOW };
    for (const bytes of [
      new Uint8Array([0xff]),
      encodeCbor('DeviceRequest'),
      encodeCbor(new Map([['version', '2.0']])),
      encodeCbor(
        new Map<string, unknown>([
          ['version', '1.0'],
          ['docRequests', [new Map([['itemsRequest', 1]])]],
        ]) as never,
      ),
    ]) {
      await expectCode(readProximityRequest(platform, bytes, options), 'ERR_SESSION_REQUEST_MALFORMED');
    }
    await expectCode(readProximityRequest(platform, new Uint8Array(5 * 1024 * 1024), options), 'ERR_INPUT_TOO_LARGE');
  });
});
