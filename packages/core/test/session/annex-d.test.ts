import { createECDH } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  acceptSessionEstablishment,
  type CborValue,
  createSessionCipher,
  createSessionTranscript,
  DEVICE_RETRIEVAL_TYPE,
  decodeCbor,
  type EcdhKeyPair,
  encodeSessionData,
  encodeSessionEstablishment,
  encodeSessionTranscriptBytes,
  fromHex,
  type MdocSessionTranscript,
  parseCertificate,
  parseDeviceEngagement,
  parseDeviceRequest,
  type Tag,
  type TrustSource,
  toHex,
} from '../../src/index.js';
import { ANNEX_D_SESSION as D } from './annex-d-vectors.js';
import { expectCode, PLATFORMS } from './session-fixtures.js';

const shared = JSON.parse(
  readFileSync(
    new URL('../../../../../shared/vectors/mdoc/iso18013-5_annexD_device_response.json', import.meta.url),
    'utf8',
  ),
).vectors as Record<string, string>;
const vector = (name: string) => fromHex(shared[name] as string);

/** A fixed ECDH key (test only: adapters never import ephemeral private keys). */
function fixedEcdhPair(d: string): EcdhKeyPair {
  const ecdh = createECDH('prime256v1');
  ecdh.setPrivateKey(fromHex(d));
  return {
    publicKey: new Uint8Array(ecdh.getPublicKey()),
    deriveSharedSecret: (peer) => new Uint8Array(ecdh.computeSecret(peer)),
  };
}

/** Trusts any chain (the Annex D reader root is not published): resolves the leaf's key. */
const trustLeaf: TrustSource = {
  resolveChain: async (chain) => {
    const leaf = parseCertificate(chain[0] as Uint8Array);
    return { publicKey: leaf.publicKey, issuer: { name: leaf.subject.display, suite: leaf.publicKey.suite } };
  },
  resolveKid: async () => {
    throw new Error('unused');
  },
};

function expectCiphertext(actual: Uint8Array, expected: { length: number; head: string; tail: string }): void {
  expect(actual.length).toBe(expected.length);
  expect(toHex(actual).startsWith(expected.head)).toBe(true);
  expect(toHex(actual).endsWith(expected.tail)).toBe(true);
}

// SessionTranscript of Annex D (NFC handover), from its tag-24 bytes.
const transcriptBytes = vector('SESSION_TRANSCRIPT_BYTES');
const transcriptArray = decodeCbor((decodeCbor(transcriptBytes) as Tag).value as Uint8Array) as CborValue[];
const eReaderKeyBytes = (transcriptArray[1] as Tag).value as Uint8Array;
const handover = transcriptArray[2] as CborValue;
// Annex D engages over NFC: the transcript's DeviceEngagement (no retrieval methods) is not the QR one.
const transcriptEngagementBytes = (transcriptArray[0] as Tag).value as Uint8Array;

describe.each(PLATFORMS)('ISO/IEC 18013-5 Annex D session vectors on %s', (_, platform) => {
  it('parses the Annex D DeviceEngagements (QR with BLE; NFC) and rebuilds SessionTranscriptBytes', () => {
    const engagement = parseDeviceEngagement(vector('DEVICE_ENGAGEMENT'));
    expect(toHex(engagement.eDeviceKey.point)).toBe(`04${D.eDeviceKeyX}${D.eDeviceKeyY}`);
    expect(engagement.retrievalMethods.map((m) => m.type)).toEqual([DEVICE_RETRIEVAL_TYPE.ble]);
    const nfcEngagement = parseDeviceEngagement(transcriptEngagementBytes);
    expect(toHex(nfcEngagement.eDeviceKey.point)).toBe(`04${D.eDeviceKeyX}${D.eDeviceKeyY}`);
    expect(nfcEngagement.retrievalMethods).toEqual([]);
    const transcript = createSessionTranscript(nfcEngagement.bytes, eReaderKeyBytes, handover);
    expect(toHex(encodeSessionTranscriptBytes(transcript))).toBe(toHex(transcriptBytes));
  });

  it('reader: encrypts DeviceRequest to the Annex D SessionEstablishment data; holder: decrypts it and answers with SESSION_DATA', async () => {
    const engagement = parseDeviceEngagement(transcriptEngagementBytes);
    const transcript: MdocSessionTranscript = createSessionTranscript(engagement.bytes, eReaderKeyBytes, handover);
    const eReader = fixedEcdhPair(D.eReaderKeyD);
    expect(toHex(eReader.publicKey)).toBe(`04${D.eReaderKeyX}${D.eReaderKeyY}`);
    const z = await eReader.deriveSharedSecret(engagement.eDeviceKey.point);
    const reader = await createSessionCipher(platform, {
      role: 'reader',
      sharedSecret: z,
      sessionTranscript: transcript,
    });
    const data = await reader.encrypt(vector('DEVICE_REQUEST'));
    expectCiphertext(data, D.establishmentData);

    const holder = await acceptSessionEstablishment(platform, {
      eDeviceKeyPair: fixedEcdhPair(D.eDeviceKeyD),
      deviceEngagementBytes: engagement.bytes,
      message: encodeSessionEstablishment({ eReaderKeyBytes, data }),
      handover,
    });
    expect(toHex(holder.request)).toBe(shared.DEVICE_REQUEST);
    const sessionData = encodeSessionData({ data: await holder.cipher.encrypt(vector('DEVICE_RESPONSE')) });
    expectCiphertext(sessionData, D.sessionData);
    const response = await reader.decrypt(
      (decodeCbor(sessionData) as Map<string, Uint8Array>).get('data') as Uint8Array,
    );
    expect(toHex(response)).toBe(shared.DEVICE_RESPONSE);
    expect(toHex(encodeSessionData({ status: 20 }))).toBe(D.sessionTermination);
  });

  it('verifies the Annex D readerAuth over ReaderAuthenticationBytes', async () => {
    const engagement = parseDeviceEngagement(transcriptEngagementBytes);
    const sessionTranscript = createSessionTranscript(engagement.bytes, eReaderKeyBytes, handover);
    const now = new Date('2021-06-01T00:00:00Z');
    const parsed = await parseDeviceRequest(platform, vector('DEVICE_REQUEST'), {
      sessionTranscript,
      trust: trustLeaf,
      now,
    });
    const [request] = parsed.docRequests;
    expect(request?.readerAuth).toBe('verified');
    expect(request?.reader?.subject.commonName).toBe('reader');
    expect(request?.docType).toBe('org.iso.18013.5.1.mDL');
    expect(toHex(request?.itemsRequestBytes ?? new Uint8Array(0))).toBe(shared.ITEMS_REQUEST);
    expect(request?.nameSpaces).toEqual({
      'org.iso.18013.5.1': {
        family_name: true,
        document_number: true,
        driving_privileges: true,
        issue_date: true,
        expiry_date: true,
        portrait: false,
      },
    });
    const otherTranscript = createSessionTranscript(engagement.bytes, eReaderKeyBytes, null);
    await expectCode(
      () =>
        parseDeviceRequest(platform, vector('DEVICE_REQUEST'), {
          sessionTranscript: otherTranscript,
          trust: trustLeaf,
          now,
        }),
      'ERR_SESSION_READER_AUTH_INVALID',
    );
  });
});
