import {
  decodeBase64,
  decodeBase64url,
  decodeCbor,
  isZzError,
  type MdocSessionTranscript,
  ZzError,
} from '@zhengzhao/core';

/** Largest presentation accepted by `POST /verify` (characters of text or of base64). */
export const MAX_PRESENTATION_LENGTH = 512 * 1024;
/** Largest `session_transcript` (base64 characters). */
export const MAX_TRANSCRIPT_LENGTH = 8 * 1024;

const BASE64_BOX = (description: string, maxLength: number) =>
  ({
    type: 'object',
    additionalProperties: false,
    required: ['base64'],
    description,
    properties: { base64: { type: 'string', minLength: 1, maxLength } },
  }) as const;

/**
 * `POST /verify` request body (validated by Ajv without coercion: wrong types are 400
 * `ERR_INPUT_INVALID` with JSON pointers). The presentation length is checked in code so that a
 * too-long presentation is a 413, like a too-large body.
 */
export const VERIFY_REQUEST_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  required: ['presentation'],
  properties: {
    presentation: {
      description:
        'A `ZZ1:` offline QR text or an SD-JWT VC presentation (with its KB-JWT), or `{ "base64": … }` holding the CBOR of an ISO 18013-5 DeviceResponse',
      oneOf: [
        { type: 'string', minLength: 1 },
        BASE64_BOX('CBOR DeviceResponse in base64 or base64url', Number.MAX_SAFE_INTEGER),
      ],
    },
    nonce: { type: 'string', minLength: 1, maxLength: 512, description: 'SD-JWT VC: the KB-JWT nonce you asked for' },
    audience: { type: 'string', minLength: 1, maxLength: 1024, description: 'SD-JWT VC: the KB-JWT aud you asked for' },
    expected_type: {
      type: 'string',
      minLength: 1,
      maxLength: 128,
      pattern: '^[\\x21-\\x7e]+$',
      description: 'Credential type you expect (mdoc docType / SD-JWT vct), e.g. cn.gov.eid.1',
    },
    session_transcript: BASE64_BOX(
      'mdoc DeviceResponse: CBOR of the SessionTranscript the holder signed over (ISO 18013-5 §9.1.5.1)',
      MAX_TRANSCRIPT_LENGTH,
    ),
  },
} as const;

/** What `POST /verify` asks the engine, decoded from the body. */
export interface VerifyRequest {
  readonly input: string | Uint8Array;
  readonly nonce?: string;
  readonly audience?: string;
  readonly expectedType?: string;
  readonly sessionTranscript?: MdocSessionTranscript;
}

interface VerifyBody {
  presentation: string | { base64: string };
  nonce?: string;
  audience?: string;
  expected_type?: string;
  session_transcript?: { base64: string };
}

/**
 * Decodes a schema-checked body: base64 (RFC 4648 §4, padded) or base64url (§5) for the CBOR
 * parts; a SessionTranscript must be a CBOR array of three items. Too long → `ERR_INPUT_TOO_LARGE`.
 */
export function parseVerifyRequest(body: unknown): VerifyRequest {
  const b = body as VerifyBody;
  const text = typeof b.presentation === 'string' ? b.presentation : b.presentation.base64;
  if (text.length > MAX_PRESENTATION_LENGTH) {
    throw new ZzError('ERR_INPUT_TOO_LARGE', `presentation is longer than ${MAX_PRESENTATION_LENGTH} characters`);
  }
  const input = typeof b.presentation === 'string' ? b.presentation : decodeBase64Any(text, 'presentation.base64');
  return {
    input,
    ...(b.nonce !== undefined && { nonce: b.nonce }),
    ...(b.audience !== undefined && { audience: b.audience }),
    ...(b.expected_type !== undefined && { expectedType: b.expected_type }),
    ...(b.session_transcript !== undefined && {
      sessionTranscript: decodeSessionTranscript(b.session_transcript.base64),
    }),
  };
}

/** base64 when the text has `+`, `/` or `=`, otherwise base64url (the two agree on the rest). */
export function decodeBase64Any(text: string, what: string): Uint8Array {
  try {
    return /[+/=]/.test(text) ? decodeBase64(text) : decodeBase64url(text);
  } catch (error) {
    if (isZzError(error)) throw new ZzError(error.code, `${what} is not valid base64`, { cause: error });
    throw error;
  }
}

function decodeSessionTranscript(text: string): MdocSessionTranscript {
  const value = decodeCbor(decodeBase64Any(text, 'session_transcript.base64'));
  if (!Array.isArray(value) || value.length !== 3) {
    throw new ZzError('ERR_INPUT_INVALID', 'session_transcript must be a CBOR array of three items');
  }
  return value as MdocSessionTranscript;
}

const CHECK_SCHEMA = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    outcome: { enum: ['ok', 'failed', 'skipped'] },
    code: { type: 'string' },
    reason: { type: 'string' },
  },
  required: ['id', 'outcome'],
} as const;

/** `POST /verify` 200 response (documentation; the body is rendered by `renderReport`). */
export const VERIFY_RESPONSE_SCHEMA = {
  type: 'object',
  description: 'The verification report. `claims` only when `valid`.',
  properties: {
    valid: { type: 'boolean' },
    format: { enum: ['zz1-qr', 'sd-jwt-vc', 'mdoc-device-response', 'mdoc-issuer-signed'] },
    credential_type: { type: 'string' },
    issuer: {
      type: 'object',
      properties: {
        name: { type: 'string' },
        suite: { type: 'string' },
        country: { type: 'string' },
        trust_anchor: { type: 'string' },
      },
    },
    claims: { type: 'object', additionalProperties: { type: 'object', additionalProperties: true } },
    status_value: { type: 'integer' },
    checks: { type: 'array', items: CHECK_SCHEMA },
    cache: {
      type: 'object',
      description: 'Age of the trust and status data used; stale data makes the report invalid',
      properties: {
        stale: { type: 'boolean' },
        trust_age_seconds: { type: 'integer' },
        status_age_seconds: { type: 'integer' },
      },
      required: ['stale'],
    },
    trusted_issuer: { type: 'object', additionalProperties: true },
  },
  required: ['valid', 'format', 'checks', 'cache'],
} as const;
