import {
  createDeviceRequest,
  createReaderSession,
  type Platform,
  parseDeviceEngagement,
  type ReaderSession,
  type RequestedNameSpaces,
} from '@zhengzhao/core';
import { WebSocket } from 'ws';
import type { TestRelyingParty } from './relying-party.js';

/** The reader's end of a relay session in a test: core's reader session over a `ws` client. */
export interface TestReader {
  readonly session: ReaderSession;
  /** Sends one binary frame to the holder. */
  send(bytes: Uint8Array): void;
  sendText(text: string): void;
  /** The next binary frame from the holder (rejects when none comes within `timeoutMs`). */
  next(timeoutMs?: number): Promise<Uint8Array>;
  /** Frames received and not yet taken by `next`. */
  readonly pending: number;
  /** Resolves with the close code when the connection closes. */
  readonly closed: Promise<number>;
  close(): void;
}

/** Scans the engagement QR text, starts core's reader session and joins the relay session it names. */
export async function connectTestReader(platform: Platform, engagementQr: string): Promise<TestReader> {
  const engagement = parseDeviceEngagement(engagementQr);
  if (!engagement.relayUrl) throw new Error('engagement has no relay URL');
  const session = await createReaderSession(platform, engagement);
  const socket = new WebSocket(engagement.relayUrl);
  socket.binaryType = 'arraybuffer';
  const frames: Uint8Array[] = [];
  const waiters: ((frame: Uint8Array) => void)[] = [];
  socket.on('message', (data: ArrayBuffer) => {
    const frame = new Uint8Array(data);
    const waiter = waiters.shift();
    if (waiter) waiter(frame);
    else frames.push(frame);
  });
  const closed = new Promise<number>((resolve) => socket.on('close', (code) => resolve(code)));
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  return {
    session,
    send: (bytes) => socket.send(bytes),
    sendText: (text) => socket.send(text),
    get pending() {
      return frames.length;
    },
    next(timeoutMs = 5000) {
      const ready = frames.shift();
      if (ready) return Promise.resolve(ready);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('no frame from the holder')), timeoutMs);
        waiters.push((frame) => {
          clearTimeout(timer);
          resolve(frame);
        });
      });
    },
    closed,
    close: () => socket.close(1000),
  };
}

/** Builds a DeviceRequest signed by `relyingParty` (or unsigned) over the reader's transcript. */
export async function createSignedDeviceRequest(
  reader: TestReader,
  nameSpaces: RequestedNameSpaces,
  relyingParty: TestRelyingParty | undefined,
  docType = 'cn.gov.eid.1',
): Promise<Uint8Array> {
  return createDeviceRequest({
    docType,
    nameSpaces,
    sessionTranscript: reader.session.sessionTranscript,
    ...(relyingParty && { readerSigner: relyingParty.signer, readerCertificateChain: relyingParty.chain }),
  });
}
