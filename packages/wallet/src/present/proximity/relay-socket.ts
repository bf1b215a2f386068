import { ZzError } from '@zhengzhao/core';

/** What the session reads from a WebSocket event (open, message, close, error). */
export interface RelaySocketEvent {
  readonly type?: string;
  readonly data?: unknown;
  readonly code?: number;
}

/**
 * The part of the WebSocket API a proximity session uses. The browser's `WebSocket` and the
 * `ws` package's `WebSocket` (Node tests) both fit.
 */
export interface RelayWebSocket {
  binaryType: string;
  readonly readyState: number;
  send(data: Uint8Array): void;
  close(code?: number, reason?: string): void;
  addEventListener(type: 'open' | 'message' | 'close' | 'error', listener: (event: RelaySocketEvent) => void): void;
}

/** A WebSocket constructor: `globalThis.WebSocket` in a browser, `ws`'s `WebSocket` in Node. */
export type RelayWebSocketConstructor = new (url: string) => RelayWebSocket;

/** An open relay connection. Frames arrive through `onFrame`, the end through `onClose`. */
export interface RelayConnection {
  /** Sends one binary frame; does nothing once the connection is no longer open. */
  send(bytes: Uint8Array): void;
  /** Closes with code 1000 (normal closure); idempotent. */
  close(): void;
}

export interface RelayHandlers {
  /** A binary frame as bytes; a text frame as a string (the relay contract has none). */
  onFrame(frame: Uint8Array | string | undefined): void;
  /** The connection closed (either side). */
  onClose(): void;
}

const OPEN = 1;

/**
 * Opens a WebSocket to the relay (the contract in docs: binary frames only, one peer, at most
 * 4 MiB a frame) and resolves once it is open; fails with `ERR_SESSION_TRANSPORT` when it cannot
 * be opened within `timeoutMs`.
 */
export function connectRelay(
  WebSocketClass: RelayWebSocketConstructor,
  url: string,
  handlers: RelayHandlers,
  timeoutMs: number,
): Promise<RelayConnection> {
  return new Promise((resolve, reject) => {
    let socket: RelayWebSocket;
    try {
      socket = new WebSocketClass(url);
      socket.binaryType = 'arraybuffer';
    } catch (error) {
      reject(new ZzError('ERR_SESSION_TRANSPORT', 'The relay connection could not be opened', { cause: error }));
      return;
    }
    let opened = false;
    let closed = false;
    const timer = setTimeout(() => {
      if (opened) return;
      closed = true;
      socket.close();
      reject(new ZzError('ERR_SESSION_TRANSPORT', 'The relay did not answer in time'));
    }, timeoutMs);
    const connection: RelayConnection = {
      send(bytes) {
        if (!closed && socket.readyState === OPEN) socket.send(bytes);
      },
      close() {
        if (closed) return;
        closed = true;
        socket.close(1000);
      },
    };
    socket.addEventListener('open', () => {
      if (closed) return;
      opened = true;
      clearTimeout(timer);
      resolve(connection);
    });
    socket.addEventListener('message', (event) => {
      if (opened) handlers.onFrame(frameOf(event.data));
    });
    socket.addEventListener('close', () => {
      clearTimeout(timer);
      closed = true;
      if (opened) handlers.onClose();
      else reject(new ZzError('ERR_SESSION_TRANSPORT', 'The relay connection could not be opened'));
    });
    // 'error' is always followed by 'close', which settles everything.
    socket.addEventListener('error', () => undefined);
  });
}

function frameOf(data: unknown): Uint8Array | string | undefined {
  if (typeof data === 'string') return data;
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  if (ArrayBuffer.isView(data)) return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  return undefined;
}
