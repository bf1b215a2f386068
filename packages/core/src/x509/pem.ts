import { decodeBase64url, encodeBase64url } from '../bytes/base64url.js';
import { ZzError } from '../errors/zz-error.js';

/** Longest PEM text accepted (a chain of a few certificates fits easily). */
export const MAX_PEM_LENGTH = 256 * 1024;

const BEGIN = '-----BEGIN CERTIFICATE-----';
const END = '-----END CERTIFICATE-----';

/** DER certificate → PEM text (RFC 7468 §5: base64 in lines of 64 characters, LF endings). */
export function encodeCertificatePem(der: Uint8Array): string {
  if (!(der instanceof Uint8Array) || der.length === 0) {
    throw new ZzError('ERR_INPUT_INVALID', 'Certificate must be non-empty bytes');
  }
  const b64url = encodeBase64url(der);
  let b64 = b64url.replace(/-/g, '+').replace(/_/g, '/');
  while (b64.length % 4 !== 0) b64 += '=';
  const lines: string[] = [];
  for (let i = 0; i < b64.length; i += 64) lines.push(b64.slice(i, i + 64));
  return `${BEGIN}\n${lines.join('\n')}\n${END}\n`;
}

/**
 * Every `CERTIFICATE` block of a PEM text, in order (RFC 7468 §2, lax about white space inside
 * the base64 as §3 allows; text outside the blocks is ignored). Throws `ERR_X509_MALFORMED` when
 * there is no block, a block is not closed, or its base64 is invalid.
 */
export function decodeCertificatePemChain(pem: string): Uint8Array[] {
  if (typeof pem !== 'string') throw new ZzError('ERR_INPUT_INVALID', 'PEM must be a string');
  if (pem.length > MAX_PEM_LENGTH) throw new ZzError('ERR_X509_MALFORMED', 'PEM text is too long');
  const out: Uint8Array[] = [];
  let from = 0;
  for (;;) {
    const begin = pem.indexOf(BEGIN, from);
    if (begin < 0) break;
    const end = pem.indexOf(END, begin + BEGIN.length);
    if (end < 0) throw new ZzError('ERR_X509_MALFORMED', 'PEM certificate block is not closed');
    out.push(decodeBase64Body(pem.slice(begin + BEGIN.length, end)));
    from = end + END.length;
  }
  if (out.length === 0) throw new ZzError('ERR_X509_MALFORMED', 'No PEM certificate block found');
  return out;
}

/** The first `CERTIFICATE` block of a PEM text as DER. */
export function decodeCertificatePem(pem: string): Uint8Array {
  return decodeCertificatePemChain(pem)[0] as Uint8Array;
}

function decodeBase64Body(body: string): Uint8Array {
  const compact = body.replace(/[ \t\r\n]/g, '');
  const match = /^([A-Za-z0-9+/]*)(={0,2})$/.exec(compact);
  if (!match || compact.length % 4 !== 0 || compact.length === 0) {
    throw new ZzError('ERR_X509_MALFORMED', 'PEM body is not base64');
  }
  const unpadded = (match[1] as string).replace(/\+/g, '-').replace(/\//g, '_');
  try {
    return decodeBase64url(unpadded);
  } catch (error) {
    throw new ZzError('ERR_X509_MALFORMED', 'PEM body is not base64', { cause: error });
  }
}
