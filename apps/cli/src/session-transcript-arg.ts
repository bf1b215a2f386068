import { existsSync } from 'node:fs';
import {
  createOid4vpSessionTranscript,
  decodeCbor,
  encodeCbor,
  fromHex,
  type MdocSessionTranscript,
  type Platform,
  toHex,
  utf8Decode,
  ZzError,
} from '@zhengzhao/core';
import { UsageError } from './cli-error.js';
import { readInput } from './io.js';

/** The OpenID4VP 1.0 request values a transcript is built from (App. B.2.6.1). */
export interface Oid4vpTrio {
  readonly clientId?: string | undefined;
  readonly nonce?: string | undefined;
  readonly responseUri?: string | undefined;
}

const HEX = /^(?:[0-9a-fA-F]{2})+$/;

/**
 * A SessionTranscript given as hex of its CBOR, or a file holding that hex or the CBOR bytes
 * (ISO/IEC 18013-5 §9.1.5.1: a plain CBOR array of three elements).
 */
export function parseSessionTranscriptArg(value: string): MdocSessionTranscript {
  let bytes: Uint8Array;
  if (HEX.test(value.trim())) bytes = fromHex(value.trim());
  else if (existsSync(value)) {
    const raw = readInput(value, 64 * 1024);
    let text: string | undefined;
    try {
      text = utf8Decode(raw).trim();
    } catch {
      text = undefined;
    }
    bytes = text !== undefined && HEX.test(text) ? fromHex(text) : raw;
  } else throw new UsageError('--session-transcript must be hex or a file holding the transcript');
  let transcript: unknown;
  try {
    transcript = decodeCbor(bytes);
  } catch (error) {
    throw new ZzError('ERR_CBOR_MALFORMED', 'The session transcript is not CBOR', { cause: error });
  }
  if (!Array.isArray(transcript) || transcript.length !== 3) {
    throw new UsageError(
      '--session-transcript must be a CBOR array [DeviceEngagementBytes, EReaderKeyBytes, Handover]',
    );
  }
  return transcript as MdocSessionTranscript;
}

/**
 * The mdoc SessionTranscript from either `--session-transcript` or the OpenID4VP trio
 * `--client-id --nonce --response-uri` (unencrypted response: jwkThumbprint null); `undefined`
 * when neither is given. Both at once, or an incomplete trio, is a usage error.
 */
export async function sessionTranscriptFromFlags(
  platform: Platform,
  transcriptArg: string | undefined,
  trio: Oid4vpTrio,
): Promise<MdocSessionTranscript | undefined> {
  const given = [trio.clientId, trio.nonce, trio.responseUri].filter((v) => v !== undefined).length;
  if (transcriptArg !== undefined) {
    if (trio.clientId !== undefined || trio.responseUri !== undefined) {
      throw new UsageError('give --session-transcript or --client-id/--nonce/--response-uri, not both');
    }
    return parseSessionTranscriptArg(transcriptArg);
  }
  if (trio.clientId === undefined && trio.responseUri === undefined) return undefined;
  if (given !== 3 || trio.clientId === undefined || trio.nonce === undefined || trio.responseUri === undefined) {
    throw new UsageError('the OpenID4VP transcript needs --client-id, --nonce and --response-uri together');
  }
  return createOid4vpSessionTranscript(platform, {
    clientId: trio.clientId,
    nonce: trio.nonce,
    jwkThumbprint: null,
    responseUri: trio.responseUri,
  });
}

/** Hex of a transcript's CBOR, as printed for `zz verify --session-transcript`. */
export function sessionTranscriptHex(transcript: MdocSessionTranscript): string {
  return toHex(encodeCbor(transcript));
}
