/** COSE header labels (RFC 9052 §3.1, RFC 9360 §2). */
export const COSE_HEADER = {
  alg: 1,
  crit: 2,
  contentType: 3,
  kid: 4,
  typ: 16,
  x5chain: 33,
} as const;

/** COSE_Sign1 tag (RFC 9052 §2). mdoc IssuerAuth and DeviceSignature are untagged. */
export const COSE_SIGN1_TAG = 18;

/** Header labels this implementation understands, and so may appear in `crit`. */
export const UNDERSTOOD_HEADERS: ReadonlySet<number> = new Set(Object.values(COSE_HEADER));
