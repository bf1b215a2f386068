import { ZzError } from '@zhengzhao/core';

/** Largest form body accepted at the token endpoint (8 KiB). */
export const MAX_FORM_BODY = 8 * 1024;

/** The parameters of an `application/x-www-form-urlencoded` body, each at most once. */
export class FormParameters {
  constructor(readonly values: ReadonlyMap<string, string>) {}

  get(name: string): string | undefined {
    return this.values.get(name);
  }
}

/**
 * Parses a form body (WHATWG URL §5.1). Repeated parameters are `invalid_request`
 * (RFC 6749 §3.2: "parameters MUST NOT be included more than once"); malformed escapes too.
 */
export function parseFormBody(text: string): FormParameters {
  const values = new Map<string, string>();
  for (const pair of text.split('&')) {
    if (pair === '') continue;
    const eq = pair.indexOf('=');
    const name = decode(eq < 0 ? pair : pair.slice(0, eq));
    if (values.has(name)) throw new ZzError('ERR_OID4VCI_INVALID_REQUEST', 'A form parameter is repeated');
    values.set(name, decode(eq < 0 ? '' : pair.slice(eq + 1)));
  }
  return new FormParameters(values);
}

function decode(value: string): string {
  try {
    return decodeURIComponent(value.replace(/\+/g, ' '));
  } catch (error) {
    throw new ZzError('ERR_OID4VCI_INVALID_REQUEST', 'Form body has a malformed escape', { cause: error });
  }
}
