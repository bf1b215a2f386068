import { ZzError } from '@zhengzhao/core';

/**
 * The part of a WebSocket the reader needs: the browser's `WebSocket` and `ws`'s `WebSocket`
 * both fit (event listeners, `binaryType = 'arraybuffer'`).
 */
export interface RelaySocket {
  binaryType: string;
  readonly readyState: number;
  send(data: Uint8Array): void;
  close(code?: number, reason?: string): void;
  addEventListener(type: 'open' | 'message' | 'close' | 'error', listener: (event: RelaySocketEvent) => void): void;
}

/** The fields of open / message / close / error events the reader reads. */
export interface RelaySocketEvent {
  readonly type: string;
  readonly data?: unknown;
  readonly code?: number;
}

/** `new WebSocket(url)`: `globalThis.WebSocket` in browsers (and Node 22+), `ws`'s WebSocket in Node 20. */
export type WebSocketConstructor = new (url: string) => RelaySocket;

const OPEN = 1;

/** A connected relay socket with a queue of received binary frames. */
export interface RelayConnection {
  send(frame: Uint8Array): void;
  /** The next binary frame; rejects when the socket closes first (`ERR_PROXIMITY_RELAY_CLOSED`) or at the deadline. */
  next(): Promise<Uint8Array>;
  close(code?: number): void;
}

/**
 * Opens `url` and resolves once connected (`ERR_PROXIMITY_RELAY_CLOSED` when the connection fails
 * or closes, `ERR_PROXIMITY_TIMEOUT` at `deadline`, ms since the epoch on `now()`'s clock). Text
 * frames are a protocol error (the relay forwards binary frames only).
 */
export function connectRelay(
  WebSocketClass: WebSocketConstructor,
  url: string,
  options: { readonly deadline: number; readonly now: () => number },
): Promise<RelayConnection> {
  let socket: RelaySocket;
  try {
    socket = new WebSocketClass(url);
  } catch (error) {
    return Promise.reject(
      new ZzError('ERR_PROXIMITY_RELAY_CLOSED', 'Could not open the relay connection', { cause: error }),
    );
  }
  socket.binaryType = 'arraybuffer';
  const frames: Uint8Array[] = [];
  let failure: ZzError | undefined;
  let waiter: { resolve: (frame: Uint8Array) => void; reject: (error: ZzError) => void } | undefined;
  const fail = (error: ZzError) => {
    failure ??= error;
    const pending = waiter;
    waiter = undefined;
    pending?.reject(failure);
  };
  socket.addEventListener('message', (event: RelaySocketEvent) => {
    const frame = toBytes(event.data);
    if (!frame) {
      fail(new ZzError('ERR_SESSION_MALFORMED', 'The relay delivered a text frame'));
      socket.close(1000);
      return;
    }
    const pending = waiter;
    waiter = undefined;
    if (pending) pending.resolve(frame);
    else frames.push(frame);
  });
  socket.addEventListener('close', (event: RelaySocketEvent) =>
    fail(new ZzError('ERR_PROXIMITY_RELAY_CLOSED', `The relay connection closed (code ${event.code ?? 'unknown'})`)),
  );
  socket.addEventListener('error', () =>
    fail(new ZzError('ERR_PROXIMITY_RELAY_CLOSED', 'The relay connection failed')),
  );

  const withDeadline = <T>(promise: Promise<T>): Promise<T> => {
    const remaining = options.deadline - options.now();
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new ZzError('ERR_PROXIMITY_TIMEOUT', 'The proximity session timed out')),
        Math.max(0, remaining),
      );
      promise.then(
        (value) => {
          clearTimeout(timer);
          resolve(value);
        },
        (error: unknown) => {
          clearTimeout(timer);
          reject(error);
        },
      );
    });
  };

  const connection: RelayConnection = {
    send(frame) {
      if (failure) throw failure;
      socket.send(frame);
    },
    next() {
      const frame = frames.shift();
      if (frame) return Promise.resolve(frame);
      if (failure) return Promise.reject(failure);
      return withDeadline(
        new Promise<Uint8Array>((resolve, reject) => {
          waiter = { resolve, reject };
        }),
      );
    },
    close(code = 1000) {
      try {
        socket.close(code);
      } catch {
        // already closing
      }
    },
  };
  const opened = new Promise<RelayConnection>((resolve, reject) => {
    if (socket.readyState === OPEN) resolve(connection);
    socket.addEventListener('open', () => resolve(connection));
    socket.addEventListener('close', () => reject(failure));
    socket.addEventListener('error', () => reject(failure));
  });
  return withDeadline(opened).catch((error: unknown) => {
    connection.close();
    throw error;
  });
}

function toBytes(data: unknown): Uint8Array | undefined {
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  if (ArrayBuffer.isView(data)) return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  return undefined;
}
