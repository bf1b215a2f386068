/**
 * A minimal holder for the reader tests (not the wallet): shows an engagement with the relay
 * method, answers the reader's SessionEstablishment as told, and records what it saw.
 */
import {
  acceptSessionEstablishment,
  createDeviceResponse,
  createSessionTranscript,
  decodeSessionData,
  deviceEngagementQr,
  type ExportableSigner,
  encodeDeviceEngagement,
  encodeDeviceResponse,
  encodeSessionData,
  fullDate,
  issueMdoc,
  type MdocIssuerSigned,
  type ParsedDeviceRequest,
  parseDeviceRequest,
  presentMdoc,
  type StatusReference,
  type TrustSource,
  websocketRelayRetrievalMethod,
} from '@zhengzhao/core';
import type { TestAuthority } from '@zhengzhao/test-kit';
import { WebSocket } from 'ws';
import { platform } from './fixtures.js';

export const DOC_TYPE = 'cn.gov.eid.1';
export const NS = 'cn.gov.eid.1';

export type HolderBehaviour =
  | 'present'
  | 'refuse'
  | 'status-10'
  | 'garbage'
  | 'undecryptable'
  | 'other-transcript'
  | 'silent';

export interface HolderOutcome {
  request?: ParsedDeviceRequest;
  /** Why the holder refused the request (its error code). */
  requestError?: string;
  /** The SessionData status the reader ended with. */
  endStatus?: number;
  /** The close code the holder's connection ended with. */
  closeCode?: number;
}

export async function issueTestMdoc(
  authority: TestAuthority,
  device: ExportableSigner,
  now: Date,
  status?: StatusReference,
  docType = DOC_TYPE,
): Promise<MdocIssuerSigned> {
  const day = 86_400_000;
  return issueMdoc(platform, {
    signer: authority.documentSigner.signer,
    x5chain: authority.chain,
    docType,
    nameSpaces: {
      [NS]: { family_name: '陈', given_name: '小红', birth_date: fullDate('1990-03-07'), age_over_18: true },
    },
    deviceKey: device.publicKey,
    signed: new Date(now.getTime() - day),
    validFrom: new Date(now.getTime() - day),
    validUntil: new Date(now.getTime() + 365 * day),
    ...(status && { status }),
  });
}

/** Connects as the holder (first party) and returns the engagement QR and the eventual outcome. */
export async function startHolder(options: {
  readonly relayWsUrl: string;
  readonly behaviour: HolderBehaviour;
  readonly issuerSigned: MdocIssuerSigned;
  readonly device: ExportableSigner;
  /** When given, the holder requires readerAuth trusted by it (else it ends the session with status 20). */
  readonly readerTrust?: TrustSource;
  readonly now: Date;
  readonly docType?: string;
}): Promise<{ qr: string; outcome: Promise<HolderOutcome>; socket: WebSocket }> {
  const session = platform.session;
  if (!session) throw new Error('no session crypto');
  const eDeviceKeyPair = await session.generateEcdhKeyPair();
  const id = Buffer.from(platform.randomBytes(16)).toString('base64url');
  const url = `${options.relayWsUrl}/s/${id}`;
  const engagementBytes = encodeDeviceEngagement({
    eDeviceKey: { suite: 'ES256', point: eDeviceKeyPair.publicKey },
    retrievalMethods: [websocketRelayRetrievalMethod(url)],
  });
  const socket = new WebSocket(url);
  socket.on('error', () => {});
  await new Promise((resolve, reject) => {
    socket.once('open', resolve);
    socket.once('error', reject);
  });
  const outcome: HolderOutcome = {};
  const frames: Buffer[] = [];
  let wake: (() => void) | undefined;
  socket.on('message', (data: Buffer) => {
    frames.push(data);
    wake?.();
  });
  const closed = new Promise<void>((resolve) =>
    socket.on('close', (code) => {
      outcome.closeCode = code;
      wake?.();
      resolve();
    }),
  );
  const nextFrame = async (): Promise<Buffer | undefined> => {
    while (frames.length === 0 && outcome.closeCode === undefined)
      await new Promise<void>((resolve) => (wake = resolve));
    return frames.shift();
  };
  const run = async (): Promise<HolderOutcome> => {
    const first = await nextFrame();
    if (!first) return outcome;
    const holder = await acceptSessionEstablishment(platform, {
      eDeviceKeyPair,
      deviceEngagementBytes: engagementBytes,
      message: new Uint8Array(first),
    });
    const send = (bytes: Uint8Array) => socket.send(bytes);
    try {
      outcome.request = await parseDeviceRequest(platform, holder.request, {
        sessionTranscript: holder.sessionTranscript,
        now: options.now,
        ...(options.readerTrust && { trust: options.readerTrust, requireReaderAuth: true }),
      });
    } catch (error) {
      // as a wallet does: a reader it cannot authenticate gets no data, only the end of the session
      outcome.requestError = (error as { code?: string }).code ?? 'unknown';
      send(encodeSessionData({ status: 20 }));
      socket.close(1000);
      await closed;
      return outcome;
    }
    switch (options.behaviour) {
      case 'silent':
        await closed;
        return outcome;
      case 'refuse':
        send(encodeSessionData({ status: 20 }));
        break;
      case 'status-10':
        send(encodeSessionData({ status: 10 }));
        break;
      case 'garbage':
        send(new Uint8Array([0xff, 0x00, 0x13]));
        break;
      case 'undecryptable':
        send(encodeSessionData({ data: platform.randomBytes(64) }));
        break;
      default: {
        const transcript =
          options.behaviour === 'other-transcript'
            ? createSessionTranscript(engagementBytes, engagementBytes, null)
            : holder.sessionTranscript;
        const wanted = outcome.request?.docRequests[0];
        const document = await presentMdoc(platform, {
          issuerSigned: options.issuerSigned,
          deviceSigner: options.device,
          sessionTranscript: transcript,
          docType: options.docType ?? DOC_TYPE,
          disclose: Object.fromEntries(
            Object.entries(wanted?.nameSpaces ?? {}).map(([ns, elements]) => [ns, Object.keys(elements)]),
          ),
        });
        const response = encodeDeviceResponse(createDeviceResponse([document]));
        send(encodeSessionData({ data: await holder.cipher.encrypt(response) }));
      }
    }
    const end = await nextFrame();
    if (end) outcome.endStatus = decodeSessionData(new Uint8Array(end)).status;
    await closed;
    return outcome;
  };
  return { qr: deviceEngagementQr(engagementBytes), outcome: run(), socket };
}
