import { describe, expect, it } from 'vitest';
import {
  acceptSessionEstablishment,
  createDeviceRequest,
  createDeviceResponse,
  createReaderSession,
  decodeCbor,
  decodeSessionData,
  decodeSessionEstablishment,
  deviceEngagementQr,
  encodeDeviceEngagement,
  encodeDeviceResponse,
  encodeSessionData,
  encodeSessionEstablishment,
  parseDeviceRequest,
  presentMdoc,
  SESSION_STATUS,
  verifyDeviceResponse,
  websocketRelayRetrievalMethod,
} from '../../src/index.js';
import { createHolder, createTestReader, DOC_TYPE, expectCode, NOW, NS, PLATFORMS } from './session-fixtures.js';

describe.each(PLATFORMS)('ISO 18013-5 proximity session in memory on %s', (_, platform) => {
  it('engagement QR → SessionEstablishment → DeviceRequest → DeviceResponse → verified', async () => {
    const session = platform.session;
    if (!session) throw new Error('platform lacks session crypto');
    const holder = await createHolder(platform);
    const reader = await createTestReader(platform);

    // Holder: ephemeral EDeviceKey, engagement shown as a QR code.
    const eDeviceKeyPair = await session.generateEcdhKeyPair();
    const engagementBytes = encodeDeviceEngagement({
      eDeviceKey: { suite: 'ES256', point: eDeviceKeyPair.publicKey },
      retrievalMethods: [websocketRelayRetrievalMethod('wss://relay.zhengzhao.test/s/abc123')],
    });
    const qr = deviceEngagementQr(engagementBytes);
    expect(qr.startsWith('mdoc:')).toBe(true);

    // Reader: scans, starts the session, sends a signed DeviceRequest.
    const readerSession = await createReaderSession(platform, qr);
    expect(readerSession.engagement.relayUrl).toBe('wss://relay.zhengzhao.test/s/abc123');
    const request = await createDeviceRequest({
      docType: DOC_TYPE,
      nameSpaces: { [NS]: { family_name: false, age_over_18: false } },
      sessionTranscript: readerSession.sessionTranscript,
      readerSigner: reader.signer,
      readerCertificateChain: reader.chain,
    });
    const establishment = await readerSession.createSessionEstablishment(request);

    // Holder: accepts, decrypts, checks the reader, presents with the SAME transcript.
    const holderSession = await acceptSessionEstablishment(platform, {
      eDeviceKeyPair,
      deviceEngagementBytes: engagementBytes,
      message: establishment,
    });
    expect(decodeCbor(holderSession.request)).toEqual(decodeCbor(request));
    const parsed = await parseDeviceRequest(platform, holderSession.request, {
      sessionTranscript: holderSession.sessionTranscript,
      trust: reader.trust,
      now: NOW,
      requireReaderAuth: true,
    });
    const [docRequest] = parsed.docRequests;
    expect(docRequest?.readerAuth).toBe('verified');
    expect(docRequest?.reader?.subject.commonName).toBe('Hotel Reader');
    expect(docRequest?.nameSpaces).toEqual({ [NS]: { family_name: false, age_over_18: false } });
    const document = await presentMdoc(platform, {
      issuerSigned: holder.issuerSigned,
      deviceSigner: holder.deviceSigner,
      sessionTranscript: holderSession.sessionTranscript,
      docType: DOC_TYPE,
      disclose: Object.fromEntries(
        Object.entries(docRequest?.nameSpaces ?? {}).map(([ns, elements]) => [ns, Object.keys(elements)]),
      ),
    });
    const responseBytes = encodeDeviceResponse(createDeviceResponse([document]));
    const reply = encodeSessionData({ data: await holderSession.cipher.encrypt(responseBytes) });

    // Reader: decrypts and verifies with its own transcript.
    const received = decodeSessionData(reply);
    const plaintext = await readerSession.cipher.decrypt(received.data as Uint8Array);
    const result = await verifyDeviceResponse(platform, plaintext, {
      trust: holder.authority.trustSource,
      now: NOW,
      sessionTranscript: readerSession.sessionTranscript,
    });
    expect(result.valid).toBe(true);
    expect(result.reports[0]?.claims?.[NS]).toEqual({ family_name: '张', age_over_18: true });

    // Reader ends the session; the holder sees status 20.
    const end = decodeSessionData(encodeSessionData({ status: SESSION_STATUS.terminated }));
    expect(end).toEqual({ status: 20 });
    expect(readerSession.cipher.sent).toBe(1);
    expect(readerSession.cipher.received).toBe(1);
    expect(holderSession.cipher.received).toBe(1);
  });

  it('a DeviceResponse signed over another transcript does not verify', async () => {
    const session = platform.session;
    if (!session) throw new Error('platform lacks session crypto');
    const holder = await createHolder(platform);
    const eDeviceKeyPair = await session.generateEcdhKeyPair();
    const engagementBytes = encodeDeviceEngagement({ eDeviceKey: { suite: 'ES256', point: eDeviceKeyPair.publicKey } });
    const readerSession = await createReaderSession(platform, engagementBytes);
    const otherReader = await createReaderSession(platform, engagementBytes);
    const document = await presentMdoc(platform, {
      issuerSigned: holder.issuerSigned,
      deviceSigner: holder.deviceSigner,
      sessionTranscript: otherReader.sessionTranscript,
      docType: DOC_TYPE,
    });
    const result = await verifyDeviceResponse(platform, encodeDeviceResponse(createDeviceResponse([document])), {
      trust: holder.authority.trustSource,
      now: NOW,
      sessionTranscript: readerSession.sessionTranscript,
    });
    expect(result.valid).toBe(false);
    // a tampered first message does not decrypt on the holder side
    const establishment = decodeSessionEstablishment(await otherReader.createSessionEstablishment(new Uint8Array([1])));
    const data = new Uint8Array(establishment.data);
    data[0] = (data[0] as number) ^ 1;
    const tampered = encodeSessionEstablishment({ eReaderKeyBytes: establishment.eReaderKeyBytes, data });
    await expectCode(
      () =>
        acceptSessionEstablishment(platform, {
          eDeviceKeyPair,
          deviceEngagementBytes: engagementBytes,
          message: tampered,
        }),
      'ERR_SESSION_DECRYPTION',
    );
  });
});
