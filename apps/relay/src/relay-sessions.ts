import type { WebSocket } from 'ws';
import { MAX_PEER_BACKLOG_BYTES, RELAY_CLOSE, type RelayLimits } from './relay-limits.js';

/** What the relay logs about a session: never the frames, never the full id. */
export interface RelayEvents {
  event(
    name: 'paired' | 'refused' | 'closed' | 'timeout' | 'overflow',
    details: { session: string; code?: number },
  ): void;
}

interface Session {
  readonly id: string;
  readonly parties: WebSocket[];
  /** Frames from the first party, waiting for the second. */
  pending: Buffer[];
  pendingBytes: number;
  ttl: ReturnType<typeof setTimeout>;
  idle: ReturnType<typeof setTimeout>;
  ended: boolean;
}

/** The first four characters of a session id, for logs (DESIGN.md §6.3: no full identifiers). */
export function sessionTag(id: string): string {
  return `${id.slice(0, 4)}…`;
}

/**
 * Pairs WebSocket connections by session id and forwards binary frames between the two (the
 * relay contract, README "relay"): the first two connections to an id are paired, a third is
 * closed with 4409; frames from the first are held (bounded) until the second joins; text frames
 * close the sender with 4400; a session ends after its lifetime or when idle (4408); when one
 * party leaves, the other is closed with 1000. The relay only moves bytes: it cannot decrypt them.
 */
export class RelaySessions {
  readonly #sessions = new Map<string, Session>();
  readonly #limits: RelayLimits;
  readonly #events: RelayEvents;

  constructor(limits: RelayLimits, events: RelayEvents) {
    this.#limits = limits;
    this.#events = events;
  }

  get size(): number {
    return this.#sessions.size;
  }

  /** Takes a freshly upgraded connection for session `id`. */
  join(id: string, socket: WebSocket): void {
    let session = this.#sessions.get(id);
    if (session && session.parties.length >= 2) {
      this.#events.event('refused', { session: sessionTag(id), code: RELAY_CLOSE.occupied });
      socket.close(RELAY_CLOSE.occupied, 'session already has two parties');
      return;
    }
    if (!session) {
      if (this.#sessions.size >= this.#limits.maxSessions) {
        socket.close(RELAY_CLOSE.overloaded, 'relay is busy');
        return;
      }
      session = this.#create(id);
    }
    const current = session;
    current.parties.push(socket);
    socket.binaryType = 'nodebuffer';
    socket.on('message', (data, isBinary) => this.#onFrame(current, socket, data as Buffer, isBinary));
    socket.on('close', () => this.#end(current, RELAY_CLOSE.normal, 'peer left'));
    socket.on('error', () => this.#end(current, RELAY_CLOSE.normal, 'peer failed'));
    if (current.parties.length === 2) {
      this.#events.event('paired', { session: sessionTag(id) });
      const pending = current.pending;
      current.pending = [];
      current.pendingBytes = 0;
      for (const frame of pending) socket.send(frame, { binary: true });
    }
  }

  /** Closes every session (the relay is shutting down). */
  closeAll(): void {
    for (const session of [...this.#sessions.values()]) this.#end(session, 1001, 'relay shutting down');
  }

  #create(id: string): Session {
    const session: Session = {
      id,
      parties: [],
      pending: [],
      pendingBytes: 0,
      ttl: setTimeout(() => this.#timeout(session, 'session lifetime over'), this.#limits.sessionTtlMs),
      idle: setTimeout(() => this.#timeout(session, 'session idle'), this.#limits.sessionIdleMs),
      ended: false,
    };
    session.ttl.unref?.();
    session.idle.unref?.();
    this.#sessions.set(id, session);
    return session;
  }

  #onFrame(session: Session, from: WebSocket, data: Buffer, isBinary: boolean): void {
    if (session.ended) return;
    if (!isBinary) {
      this.#events.event('refused', { session: sessionTag(session.id), code: RELAY_CLOSE.textFrame });
      from.close(RELAY_CLOSE.textFrame, 'only binary frames are relayed');
      return;
    }
    this.#touch(session);
    const peer = session.parties.find((party) => party !== from);
    if (!peer) {
      if (
        session.pending.length + 1 > this.#limits.maxBufferedFrames ||
        session.pendingBytes + data.length > this.#limits.maxBufferedBytes
      ) {
        this.#events.event('overflow', { session: sessionTag(session.id), code: RELAY_CLOSE.policy });
        from.close(RELAY_CLOSE.policy, 'too much data before the peer joined');
        return;
      }
      session.pending.push(data);
      session.pendingBytes += data.length;
      return;
    }
    if (peer.bufferedAmount + data.length > MAX_PEER_BACKLOG_BYTES) {
      this.#events.event('overflow', { session: sessionTag(session.id), code: RELAY_CLOSE.policy });
      this.#end(session, RELAY_CLOSE.policy, 'peer is not reading');
      return;
    }
    peer.send(data, { binary: true });
  }

  #touch(session: Session): void {
    clearTimeout(session.idle);
    session.idle = setTimeout(() => this.#timeout(session, 'session idle'), this.#limits.sessionIdleMs);
    session.idle.unref?.();
  }

  #timeout(session: Session, reason: string): void {
    if (session.ended) return;
    this.#events.event('timeout', { session: sessionTag(session.id), code: RELAY_CLOSE.timeout });
    this.#end(session, RELAY_CLOSE.timeout, reason);
  }

  #end(session: Session, code: number, reason: string): void {
    if (session.ended) return;
    session.ended = true;
    clearTimeout(session.ttl);
    clearTimeout(session.idle);
    session.pending = [];
    if (this.#sessions.get(session.id) === session) this.#sessions.delete(session.id);
    for (const party of session.parties) {
      if (party.readyState === party.CONNECTING || party.readyState === party.OPEN) party.close(code, reason);
    }
    this.#events.event('closed', { session: sessionTag(session.id), code });
  }
}
