import websocket from '@fastify/websocket';
import { createHttpApp, type HttpApp, type Logger } from '@zhengzhao/server-kit';
import { DEFAULT_RELAY_LIMITS, type RelayLimits, SESSION_ID_PATTERN } from './relay-limits.js';
import { RelaySessions } from './relay-sessions.js';

export interface RelayAppOptions {
  /** Limits and timeouts; tests shorten them. Defaults: the relay contract (`DEFAULT_RELAY_LIMITS`). */
  readonly limits?: Partial<RelayLimits>;
  readonly logger?: Logger;
}

/** The relay's HTTP app, with a view of its sessions. */
export type RelayApp = HttpApp & {
  readonly relay: { readonly sessionCount: () => number };
};

/**
 * The WebSocket relay for ISO/IEC 18013-5 proximity sessions where a browser has neither BLE nor
 * NFC (Zhengzhao issue 5 §6): `GET /s/:sessionId` upgrades to a WebSocket; see `RelaySessions`
 * for pairing and forwarding, `relay-limits.ts` for limits and close codes. A session id that is
 * not 22 base64url characters (128 bits) is refused with a 400 problem before the upgrade. Logs
 * name a session by its first four characters only and never carry frame contents.
 */
export async function createRelayApp(options: RelayAppOptions = {}): Promise<RelayApp> {
  const limits: RelayLimits = { ...DEFAULT_RELAY_LIMITS, ...options.limits };
  const app = await createHttpApp({
    name: 'relay',
    version: '0.1.0',
    ...(options.logger && { logger: options.logger }),
    openapi: {
      title: 'Zhengzhao proximity relay',
      description:
        'Pairs a holder and a reader by session id and forwards ISO 18013-5 session messages it cannot read.',
    },
  });
  const sessions = new RelaySessions(limits, {
    event: (name, details) => app.log.info({ ...details }, `relay ${name}`),
  });
  await app.register(websocket, {
    options: { maxPayload: limits.maxFrameBytes, perMessageDeflate: false },
    // socket errors (a frame over maxPayload, an unclean disconnect): log the kind, never the data
    errorHandler: (error, socket) => {
      app.log.info({ error: (error as { code?: string }).code ?? 'socket error' }, 'relay socket error');
      socket.terminate();
    },
    preClose: (done) => {
      sessions.closeAll();
      app.websocketServer.close(() => done());
    },
  });
  app.get<{ Params: { sessionId: string } }>(
    '/s/:sessionId',
    {
      websocket: true,
      schema: {
        params: {
          type: 'object',
          properties: { sessionId: { type: 'string', pattern: SESSION_ID_PATTERN } },
          required: ['sessionId'],
        },
      },
    },
    (socket, request) => {
      sessions.join(request.params.sessionId, socket);
    },
  );
  Object.defineProperty(app, 'relay', { value: { sessionCount: () => sessions.size }, enumerable: true });
  return app as RelayApp;
}
