import { toJson } from '../verify/render-report.js';
import type { CreatedSession, SessionView } from './service.js';

/** Session and request ids: 128 random bits in base64url. */
export const ID_PATTERN = '^[A-Za-z0-9_-]{22}$';

export const ID_PARAMS_SCHEMA = (name: string) =>
  ({
    type: 'object',
    required: [name],
    properties: { [name]: { type: 'string', pattern: ID_PATTERN } },
  }) as const;

/** `POST /oid4vp/sessions` body. */
export const CREATE_SESSION_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  properties: {
    purpose: {
      type: 'string',
      enum: ['login', 'age_over_18', 'identity_basic'],
      default: 'login',
      description: 'Purpose preset: which catalog elements are asked for',
    },
    flow: { type: 'string', enum: ['cross_device', 'same_device'], default: 'cross_device' },
    response_mode: { type: 'string', enum: ['direct_post', 'direct_post.jwt'], default: 'direct_post.jwt' },
  },
} as const;

export const CREATED_SESSION_SCHEMA = {
  type: 'object',
  properties: {
    session_id: { type: 'string', description: 'Secret of the page: poll GET /oid4vp/sessions/{session_id}' },
    authorization_request: { type: 'string', description: 'openid4vp:// link with client_id and request_uri' },
    request_uri: { type: 'string' },
    qr_code: { type: 'string', description: 'The link as an SVG data: URL' },
    expires_at: { type: 'string', format: 'date-time' },
    expires_in: { type: 'integer' },
    purpose: { type: 'object', additionalProperties: true },
  },
} as const;

export const SESSION_QUERY_SCHEMA = {
  type: 'object',
  properties: { response_code: { type: 'string', pattern: ID_PATTERN } },
} as const;

export const SESSION_VIEW_SCHEMA = {
  type: 'object',
  properties: {
    status: { enum: ['pending', 'retrieved', 'verifying', 'verified', 'failed', 'declined', 'expired'] },
    flow: { enum: ['cross_device', 'same_device'] },
    purpose: { type: 'string' },
    expires_at: { type: 'string', format: 'date-time' },
    result: { type: 'object', additionalProperties: true, description: 'Verified: only the purpose elements, once' },
    response_code_required: { type: 'boolean' },
    result_released: { type: 'boolean' },
    error: { type: 'object', additionalProperties: true },
  },
} as const;

export function renderCreatedSession(created: CreatedSession, now: Date): Record<string, unknown> {
  return {
    session_id: created.sessionId,
    authorization_request: created.authorizationRequest,
    request_uri: created.requestUri,
    qr_code: created.qrCode,
    expires_at: created.expiresAt.toISOString(),
    expires_in: Math.max(0, Math.round((created.expiresAt.getTime() - now.getTime()) / 1000)),
    purpose: { id: created.purpose.id, elements: created.purpose.elements, display: created.purpose.display },
  };
}

export function renderSessionView(view: SessionView): Record<string, unknown> {
  return {
    status: view.status,
    flow: view.flow,
    purpose: view.purpose,
    expires_at: view.expiresAt.toISOString(),
    ...(view.result && {
      result: {
        credential_type: view.result.credentialType,
        ...(view.result.issuer && { issuer: view.result.issuer }),
        claims: toJson(view.result.claims, 0),
      },
    }),
    ...(view.responseCodeRequired && { response_code_required: true }),
    ...(view.resultReleased && { result_released: true }),
    ...(view.error && {
      error: {
        code: view.error.code,
        ...(view.error.check !== undefined && { check: view.error.check }),
        ...(view.error.walletError !== undefined && { wallet_error: view.error.walletError }),
      },
    }),
  };
}
