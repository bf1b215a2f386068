/**
 * The error catalogue: every stable error code the platform emits, once, with the HTTP status a
 * service maps it to and a short English title. Tests assert codes, never messages.
 *
 * Codes are `ERR_<AREA>_<KIND>`. Add a code here, in its area, before throwing it.
 */
export const ERROR_CATALOGUE = {
  // input and usage
  ERR_INPUT_INVALID: { status: 400, title: 'Input is not valid' },
  ERR_INPUT_TOO_LARGE: { status: 413, title: 'Input is larger than allowed' },
  ERR_FORMAT_UNKNOWN: { status: 400, title: 'Input is in no format this verifier knows' },

  // bytes and text encodings
  ERR_ENCODING_BASE64URL: { status: 400, title: 'Malformed base64url' },
  ERR_ENCODING_BASE64: { status: 400, title: 'Malformed base64' },
  ERR_ENCODING_BASE45: { status: 400, title: 'Malformed base45' },
  ERR_ENCODING_HEX: { status: 400, title: 'Malformed hexadecimal' },
  ERR_ENCODING_UTF8: { status: 400, title: 'Malformed UTF-8' },
  ERR_ENCODING_JSON: { status: 400, title: 'Malformed JSON' },

  // compression
  ERR_COMPRESSION_MALFORMED: { status: 400, title: 'Compressed data is malformed' },
  ERR_COMPRESSION_LIMIT: { status: 413, title: 'Compressed data inflates beyond the allowed size' },

  // CBOR
  ERR_CBOR_MALFORMED: { status: 400, title: 'Malformed CBOR' },
  ERR_CBOR_UNSUPPORTED: { status: 400, title: 'CBOR value cannot be encoded deterministically' },
  ERR_CBOR_STRUCTURE: { status: 400, title: 'CBOR structure does not match the expected shape' },

  // crypto
  ERR_CRYPTO_UNSUPPORTED_ALG: { status: 400, title: 'Algorithm not supported' },
  ERR_CRYPTO_KEY_INVALID: { status: 400, title: 'Key is malformed or not on the curve' },
  ERR_CRYPTO_SIGNATURE_MALFORMED: { status: 400, title: 'Signature has the wrong size or shape' },
  ERR_CRYPTO_OPERATION: { status: 500, title: 'A cryptographic operation failed' },
  ERR_KEYSTORE_PASSPHRASE: { status: 401, title: 'Wrong passphrase for the key store' },
  ERR_KEYSTORE_FORMAT: { status: 400, title: 'Key file is malformed' },
  ERR_KEYSTORE_KEY_UNKNOWN: { status: 404, title: 'No key with this identifier in the key store' },
  ERR_KEYSTORE_KEY_EXISTS: { status: 409, title: 'A key with this identifier already exists' },

  // services (server-kit): HTTP edge, configuration, storage, messaging
  ERR_HTTP_NOT_FOUND: { status: 404, title: 'No such resource' },
  ERR_HTTP_UNSUPPORTED_MEDIA_TYPE: { status: 415, title: 'Unsupported media type' },
  ERR_SERVER_INTERNAL: { status: 500, title: 'Internal server error' },
  ERR_SERVER_NOT_READY: { status: 503, title: 'Service is not ready' },
  ERR_CONFIG_INVALID: { status: 500, title: 'Configuration is missing or invalid' },
  ERR_DB_UNAVAILABLE: { status: 503, title: 'Database is not reachable' },
  ERR_DB_MIGRATION: { status: 500, title: 'Database migration failed' },
  ERR_DB_VALUE_RANGE: { status: 500, title: 'Database integer outside the safe JavaScript range' },
  ERR_NATS_UNAVAILABLE: { status: 503, title: 'Message stream is not reachable' },

  // COSE
  ERR_COSE_MALFORMED: { status: 400, title: 'Malformed COSE structure' },
  ERR_COSE_ALG_MISMATCH: { status: 400, title: 'COSE algorithm not allowed for this key' },
  ERR_COSE_SIGNATURE_INVALID: { status: 400, title: 'COSE signature does not verify' },
  ERR_COSE_CRIT_UNSUPPORTED: { status: 400, title: 'COSE critical header not understood' },

  // JOSE / JWS
  ERR_JWS_MALFORMED: { status: 400, title: 'Malformed JWS' },
  ERR_JWS_ALG_NOT_ALLOWED: { status: 400, title: 'JWS algorithm not allowed' },
  ERR_JWS_SIGNATURE_INVALID: { status: 400, title: 'JWS signature does not verify' },
  ERR_JWT_CLAIM_INVALID: { status: 400, title: 'JWT claim missing or invalid' },

  // X.509 and trust
  ERR_X509_MALFORMED: { status: 400, title: 'Malformed X.509 certificate' },
  ERR_X509_PROFILE: { status: 400, title: 'Certificate violates the ISO 18013-5 Annex B profile' },
  ERR_TRUST_UNTRUSTED_ROOT: { status: 400, title: 'Chain does not end at a trusted root' },
  ERR_TRUST_CHAIN_SIGNATURE: { status: 400, title: 'A certificate signature in the chain does not verify' },
  ERR_TRUST_CERT_EXPIRED: { status: 400, title: 'A certificate in the chain has expired' },
  ERR_TRUST_CERT_NOT_YET_VALID: { status: 400, title: 'A certificate in the chain is not yet valid' },
  ERR_TRUST_KEY_USAGE: { status: 400, title: 'A certificate in the chain has the wrong key usage' },
  ERR_TRUST_CHAIN_MISSING: { status: 400, title: 'No certificate chain or key identifier to resolve the issuer' },
  ERR_TRUST_KID_UNKNOWN: { status: 400, title: 'Key identifier not found in the trust sources' },
  ERR_TRUST_DOCTYPE_NOT_ALLOWED: { status: 400, title: 'Issuer is not authorised for this credential type' },
  ERR_TRUST_CHAIN_LENGTH: { status: 400, title: 'Certificate chain is longer than its path length constraints allow' },
  ERR_TRUST_KEY_COMPROMISED: { status: 400, title: 'Signed after the issuer key was declared compromised' },
  ERR_TRUST_ISSUER_WITHDRAWN: { status: 400, title: 'Signed after the issuer was withdrawn from the trust list' },
  ERR_TRUST_LIST_MALFORMED: { status: 400, title: 'Malformed trust list' },
  ERR_TRUST_LIST_SIGNATURE: { status: 400, title: 'Trust list signature does not verify' },
  ERR_TRUST_LIST_EXPIRED: { status: 400, title: 'Trust list has expired' },
  ERR_TRUST_LIST_NOT_YET_VALID: { status: 400, title: 'Trust list is dated in the future' },
  ERR_TRUST_LIST_ROLLBACK: { status: 409, title: 'Trust list is older than the one already held' },
  ERR_TRUST_LIST_MISSING: { status: 503, title: 'No national trust list is held yet' },

  // mdoc
  ERR_MDOC_MALFORMED: { status: 400, title: 'Malformed mdoc structure' },
  ERR_MDOC_DIGEST_MISMATCH: { status: 400, title: 'Issuer-signed item does not match its MSO digest' },
  ERR_MDOC_DIGEST_MISSING: { status: 400, title: 'Issuer-signed item has no digest in the MSO' },
  ERR_MDOC_DOCTYPE_MISMATCH: { status: 400, title: 'docType differs between document and MSO' },
  ERR_MDOC_VALIDITY: { status: 400, title: 'MSO is outside its validity window' },
  ERR_MDOC_DEVICE_SIGNATURE_INVALID: { status: 400, title: 'Device signature does not verify' },
  ERR_MDOC_DEVICE_AUTH_UNSUPPORTED: { status: 400, title: 'Device authentication method not supported here' },
  ERR_MDOC_RESPONSE_STATUS: { status: 400, title: 'DeviceResponse reports an error status' },

  // SD-JWT
  ERR_SDJWT_MALFORMED: { status: 400, title: 'Malformed SD-JWT' },
  ERR_SDJWT_DISCLOSURE_INVALID: { status: 400, title: 'Disclosure is malformed or not referenced' },
  ERR_SDJWT_DIGEST_DUPLICATE: { status: 400, title: 'A digest appears more than once' },
  ERR_SDJWT_HASH_ALG: { status: 400, title: 'Unsupported _sd_alg' },
  ERR_SDJWT_KB_MISSING: { status: 400, title: 'Key binding JWT required but missing' },
  ERR_SDJWT_KB_INVALID: { status: 400, title: 'Key binding JWT is invalid' },
  ERR_SDJWT_VCT_MISMATCH: { status: 400, title: 'vct is missing or not the expected type' },

  // Token Status List
  ERR_STATUS_LIST_MALFORMED: { status: 400, title: 'Malformed status list token' },
  ERR_STATUS_LIST_EXPIRED: { status: 400, title: 'Status list token has expired' },
  ERR_STATUS_LIST_URI_MISMATCH: { status: 400, title: 'Status list token sub is not the referenced URI' },
  ERR_STATUS_REFERENCE_MALFORMED: { status: 400, title: 'Malformed status reference in a credential' },
  ERR_STATUS_INDEX_OUT_OF_RANGE: { status: 400, title: 'Status index outside the list' },
  ERR_STATUS_UNAVAILABLE: { status: 400, title: 'No status list available for the reference' },
  ERR_STATUS_REVOKED: { status: 400, title: 'Credential is revoked' },
  ERR_STATUS_SUSPENDED: { status: 400, title: 'Credential is suspended' },
  ERR_STATUS_UNKNOWN_VALUE: { status: 400, title: 'Status value is not VALID' },

  // credential-level policy
  ERR_VALIDITY_EXPIRED: { status: 400, title: 'Credential has expired' },
  ERR_VALIDITY_NOT_YET_VALID: { status: 400, title: 'Credential is not yet valid' },
  ERR_DOCTYPE_UNEXPECTED: { status: 400, title: 'Credential type is not the one requested' },
  ERR_DEVICE_BINDING_MISSING: { status: 400, title: 'No device key to bind the presentation' },
  ERR_FRESHNESS_STALE: { status: 400, title: 'Presentation is older than the freshness window' },
  ERR_FRESHNESS_FUTURE: { status: 400, title: 'Presentation is dated in the future' },
  ERR_READER_SCOPE: { status: 403, title: 'Requested elements exceed the relying party registration' },
  ERR_READER_NOT_REGISTERED: { status: 403, title: 'Relying party is not registered with the national trust registry' },
  ERR_READER_DEREGISTERED: { status: 403, title: 'Relying party has been de-registered' },

  // catalog and identity numbers
  ERR_CATALOG_UNKNOWN_TYPE: { status: 400, title: 'Credential type not in the catalog' },
  ERR_CATALOG_SCHEMA: { status: 400, title: 'Claims do not match the credential type schema' },
  ERR_CITIZEN_ID_INVALID: { status: 400, title: 'Not a valid GB 11643 citizen identity number' },

  // population registry (physical-card events) and webhook delivery
  ERR_REGISTRY_PERSON_UNKNOWN: { status: 404, title: 'No person with this id in the registry' },
  ERR_REGISTRY_PERSON_EXISTS: { status: 409, title: 'A person with this id is already registered' },
  ERR_REGISTRY_CARD_STATE: { status: 409, title: 'Operation not allowed in the current card state' },
  ERR_REGISTRY_RECORD_CANCELLED: { status: 409, title: 'The card record is cancelled; no further operations' },
  ERR_REGISTRY_CONCURRENT_UPDATE: { status: 409, title: 'The person record changed concurrently' },
  ERR_REGISTRY_EVENT_MALFORMED: { status: 400, title: 'Malformed registry event' },
  ERR_REGISTRY_UNAUTHENTICATED: { status: 401, title: 'Registry bearer token is missing or not valid' },
  ERR_REGISTRY_FORBIDDEN: { status: 403, title: 'This token may not use this registry endpoint' },
  ERR_REGISTRY_DELIVERY_FAILED: { status: 502, title: 'An event consumer did not acknowledge the delivery' },
  ERR_WEBHOOK_SIGNATURE_INVALID: { status: 401, title: 'Webhook signature is missing or does not verify' },
  ERR_WEBHOOK_TIMESTAMP_STALE: { status: 401, title: 'Webhook timestamp is outside the tolerance window' },

  // issuer
  ERR_ISSUER_CARD_NOT_ACTIVE: { status: 409, title: 'The physical card is not active' },
  ERR_ISSUER_PERSON_UNKNOWN: { status: 404, title: 'No person with this id at the issuer' },
  ERR_ISSUER_PERSON_SUSPENDED: { status: 409, title: 'The person’s credentials are suspended by an administrator' },
  ERR_ISSUER_WALLET_UNKNOWN: { status: 404, title: 'No wallet with this id for this person' },
  ERR_ISSUER_PAPER_CARD_UNKNOWN: { status: 404, title: 'No paper card with this id' },
  ERR_ISSUER_WALLET_SUSPENDED: { status: 409, title: 'The wallet is suspended' },
  ERR_ISSUER_STATUS_SHARD_UNKNOWN: { status: 404, title: 'No status list with this id' },
  ERR_ISSUER_EVENT_PROVINCE: { status: 400, title: 'Registry event is for another province' },
  ERR_ISSUER_KEY_ROTATION: { status: 409, title: 'The document-signer key cannot be rotated as asked' },
  ERR_ADMIN_UNAUTHENTICATED: { status: 401, title: 'Missing or unknown bearer token' },
  ERR_ADMIN_FORBIDDEN: { status: 403, title: 'This role may not perform this action' },

  // OpenID4VCI 1.0: offers, activation, token / nonce / credential endpoints, wallet client
  ERR_OID4VCI_OFFER_MALFORMED: { status: 400, title: 'Malformed credential offer' },
  ERR_OID4VCI_METADATA_INVALID: { status: 502, title: 'Credential issuer metadata is malformed or inconsistent' },
  ERR_OID4VCI_ISSUER_RESPONSE: { status: 502, title: 'Credential issuer answered with an unexpected response' },
  ERR_OID4VCI_INVALID_REQUEST: { status: 400, title: 'OAuth request is missing or has a malformed parameter' },
  ERR_OID4VCI_INVALID_GRANT: { status: 400, title: 'Pre-authorized code or transaction code is not valid' },
  ERR_OID4VCI_UNSUPPORTED_GRANT_TYPE: { status: 400, title: 'Grant type is not supported' },
  ERR_OID4VCI_INVALID_TOKEN: { status: 401, title: 'Access token is missing, expired or not valid' },
  ERR_OID4VCI_INVALID_CREDENTIAL_REQUEST: { status: 400, title: 'Credential request is malformed' },
  ERR_OID4VCI_UNKNOWN_CREDENTIAL_CONFIGURATION: { status: 400, title: 'Credential configuration is unknown' },
  ERR_OID4VCI_INVALID_PROOF: { status: 400, title: 'Key proof is missing or not valid' },
  ERR_OID4VCI_INVALID_NONCE: { status: 400, title: 'Key proof nonce is unknown, used or expired' },
  ERR_OID4VCI_CREDENTIAL_REQUEST_DENIED: { status: 400, title: 'Credential request denied' },
  ERR_OID4VCI_ACTIVATION_CODE_INVALID: { status: 400, title: 'Card number or activation code is not valid' },
  ERR_OID4VCI_ACTIVATION_CODE_EXPIRED: { status: 400, title: 'Activation code has expired' },
  ERR_OID4VCI_ACTIVATION_LOCKED: { status: 429, title: 'Too many failed activation attempts; try again later' },
  ERR_OID4VCI_CLERK_UNAUTHORIZED: { status: 401, title: 'Clerk bearer token is missing or not valid' },
  ERR_OID4VCI_PERSON_UNKNOWN: { status: 404, title: 'No person with this id or card number at this issuer' },

  // OpenID4VP 1.0: DCQL, request objects, responses
  ERR_OID4VP_DCQL_INVALID: { status: 400, title: 'DCQL query is malformed' },
  ERR_OID4VP_REQUEST_INVALID: { status: 400, title: 'Authorization request is malformed or not valid' },
  ERR_OID4VP_CLIENT_ID_INVALID: { status: 400, title: 'Verifier client_id prefix is not accepted or does not match' },
  ERR_OID4VP_NO_MATCHING_CREDENTIAL: { status: 400, title: 'No held credential satisfies the DCQL query' },
  ERR_OID4VP_RESPONSE_INVALID: { status: 400, title: 'Authorization response is malformed or not valid' },
  ERR_OID4VP_STATE_UNKNOWN: { status: 400, title: 'Unknown, expired or already used request state or nonce' },

  // offline QR
  ERR_QR_PREFIX: { status: 400, title: 'QR text does not start with ZZ1:' },
  ERR_QR_MALFORMED: { status: 400, title: 'Malformed offline QR payload' },
  ERR_QR_DEVICE_SIGNATURE_INVALID: { status: 400, title: 'QR device proof does not verify for this credential' },
  ERR_QR_IMAGE_UNREADABLE: { status: 400, title: 'No QR code found in the image' },

  // ISO 18013-5 proximity sessions: engagement, session encryption, DeviceRequest
  ERR_SESSION_ENGAGEMENT_MALFORMED: { status: 400, title: 'Malformed device engagement' },
  ERR_SESSION_MALFORMED: { status: 400, title: 'Malformed session message' },
  ERR_SESSION_DECRYPTION: { status: 400, title: 'Session message does not decrypt' },
  ERR_SESSION_REPLAY: { status: 400, title: 'Session message is replayed or out of order' },
  ERR_SESSION_COUNTER_EXHAUSTED: { status: 400, title: 'Session message counter is exhausted' },
  ERR_SESSION_REQUEST_MALFORMED: { status: 400, title: 'Malformed DeviceRequest' },
  ERR_SESSION_READER_AUTH_INVALID: { status: 400, title: 'Reader authentication does not verify' },
  ERR_SESSION_READER_AUTH_MISSING: { status: 400, title: 'DeviceRequest has no reader authentication' },

  // verifier SDK: trust bundle, trust and status cache, proximity reader over the relay
  ERR_TRUST_BUNDLE_MALFORMED: { status: 400, title: 'Malformed trust bundle' },
  ERR_TRUST_BUNDLE_ROLLBACK: { status: 409, title: 'Trust bundle is older than the one already held' },
  ERR_VERIFIER_CACHE_STALE: { status: 400, title: 'Cached trust or status data is older than the allowed age' },
  ERR_VERIFIER_FETCH_FAILED: { status: 502, title: 'Downloading trust or status data failed' },
  ERR_VERIFIER_CACHE_STORE: { status: 500, title: 'The verifier cache store failed' },
  ERR_PROXIMITY_NO_RELAY: { status: 400, title: 'Device engagement offers no WebSocket relay' },
  ERR_PROXIMITY_TIMEOUT: { status: 504, title: 'The proximity session timed out' },
  ERR_PROXIMITY_RELAY_CLOSED: { status: 502, title: 'The relay connection closed before the session ended' },
  ERR_PROXIMITY_HOLDER_ENDED: { status: 400, title: 'The holder ended the session without a response' },
  ERR_PROXIMITY_HOLDER_ERROR: { status: 400, title: 'The holder reported a session error' },

  // counter app (apps/verifier-web): the reader's own key and certificate (reader.json)
  ERR_READER_CONFIG_INVALID: {
    status: 400,
    title: 'The reader configuration is malformed, or its key does not match its certificate',
  },

  // verifier service (apps/verifier): POST /verify integrations, OpenID4VP sessions
  ERR_HTTP_TOO_MANY_REQUESTS: { status: 429, title: 'Too many requests; try again later' },
  ERR_VERIFIER_UNAUTHENTICATED: { status: 401, title: 'API key is missing or not valid' },
  ERR_VERIFIER_SESSION_UNKNOWN: { status: 404, title: 'No presentation session with this id, or it has expired' },
  ERR_VERIFIER_RESPONSE_CODE_INVALID: { status: 403, title: 'response_code is missing or does not match' },

  // holder wallet engine (packages/wallet)
  ERR_WALLET_NOT_INITIALISED: { status: 409, title: 'The wallet is not set up yet' },
  ERR_WALLET_ALREADY_INITIALISED: { status: 409, title: 'The wallet is already set up' },
  ERR_WALLET_LOCKED: { status: 423, title: 'The wallet is locked' },
  ERR_WALLET_PIN_INVALID: { status: 401, title: 'The PIN is not correct' },
  ERR_WALLET_PIN_WEAK: { status: 400, title: 'The PIN is too short or too simple' },
  ERR_WALLET_PRF_INVALID: { status: 401, title: 'The authenticator did not unlock this wallet' },
  ERR_WALLET_UNLOCK_THROTTLED: { status: 429, title: 'Too many failed unlock attempts; wait before trying again' },
  ERR_WALLET_STORE_TAMPERED: { status: 500, title: 'A wallet record does not decrypt (tampered or corrupt)' },
  ERR_WALLET_CREDENTIAL_UNKNOWN: { status: 404, title: 'No such credential in the wallet' },
  ERR_WALLET_NO_COPIES_LEFT: { status: 409, title: 'No unused copy of this credential is left; sync to get more' },
  ERR_WALLET_CREDENTIAL_INVALID: {
    status: 400,
    title: 'A received credential is malformed or not bound to this wallet',
  },
  ERR_WALLET_SYNC_FAILED: { status: 502, title: 'The issuer could not be reached or answered unexpectedly' },

  // wallet web app (apps/wallet-web): WebAuthn user verification with the PRF extension
  ERR_WEBAUTHN_CANCELLED: { status: 400, title: 'User verification was cancelled or timed out' },
  ERR_WEBAUTHN_UNSUPPORTED: { status: 501, title: 'This browser has no platform authenticator with user verification' },
  ERR_WEBAUTHN_PRF_UNSUPPORTED: { status: 501, title: 'The authenticator does not support the PRF extension' },

  // holder wallet, presenting (packages/wallet/src/present): proximity session over the relay, OpenID4VP
  ERR_SESSION_TRANSPORT: { status: 502, title: 'The session transport (relay connection) failed or closed' },
  ERR_SESSION_TIMEOUT: { status: 408, title: 'The session timed out' },
  ERR_SESSION_TERMINATED: { status: 409, title: 'The other party ended the session' },
  ERR_SESSION_STATE: { status: 409, title: 'Not allowed in the current state of the session' },
  ERR_OID4VP_REQUEST_URI_FAILED: { status: 502, title: 'The request_uri could not be fetched as a Request Object' },
  ERR_OID4VP_RESPONSE_REJECTED: { status: 502, title: 'The verifier did not accept the authorization response' },

  // e-licence sharing service (apps/share, 文件调用): agency requests, holder consent, retrieval
  ERR_SHARE_AUTH_INVALID: { status: 401, title: 'The request is not signed as the sharing service requires' },
  ERR_SHARE_REPLAY: { status: 409, title: 'This signed request was already used' },
  ERR_SHARE_HOLDER_UNKNOWN: { status: 404, title: 'No holder with this share code' },
  ERR_SHARE_PURPOSE_NOT_REGISTERED: {
    status: 403,
    title: 'The stated purpose is not the purpose the agency is registered for',
  },
  ERR_SHARE_REQUEST_UNKNOWN: { status: 404, title: 'No such sharing request' },
  ERR_SHARE_REQUEST_STATE: { status: 409, title: 'The sharing request is not in a state that allows this' },
  ERR_SHARE_NOT_CONSENTED: { status: 403, title: 'The holder has not consented: nothing is released' },
  ERR_SHARE_REFUSED: { status: 403, title: 'The holder refused the request: nothing is released' },
  ERR_SHARE_CONSENT_INVALID: {
    status: 400,
    title: 'The consent is not signed by the holder or does not match the request',
  },
  ERR_SHARE_CONSENT_UNKNOWN: { status: 404, title: 'No such consent' },
  ERR_SHARE_ALREADY_RETRIEVED: { status: 409, title: 'This request was already retrieved' },
  ERR_SHARE_RELEASE_INVALID: {
    status: 400,
    title: 'The released credential is not valid or discloses more than the holder consented to',
  },
  // signed layout documents (packages/layout): PDF structure, PAdES/CMS signature, embedded credential
  ERR_PDF_MALFORMED: { status: 400, title: 'Input is not a readable PDF' },
  ERR_PDF_TRUNCATED: { status: 400, title: 'The PDF is truncated: it ends before its signed range or its %%EOF' },
  ERR_PDF_SIGNATURE_MISSING: { status: 400, title: 'The PDF carries no digital signature' },
  ERR_PDF_SIGNATURE_MULTIPLE: { status: 400, title: 'The PDF carries more than one signature; exactly one is allowed' },
  ERR_PDF_BYTE_RANGE_INVALID: {
    status: 400,
    title: 'The signature /ByteRange does not start at 0 or does not leave out exactly its /Contents',
  },
  ERR_PDF_INCREMENTAL_UPDATE: { status: 400, title: 'The PDF was updated (incremental update) after it was signed' },
  ERR_PDF_BYTES_APPENDED: { status: 400, title: 'Bytes were appended to the PDF after the signed range' },
  ERR_PDF_CMS_MALFORMED: { status: 400, title: 'The PDF signature is not a well-formed detached CMS SignedData' },
  ERR_PDF_DIGEST_MISMATCH: { status: 400, title: 'The signed bytes of the PDF were changed after signing' },
  ERR_PDF_SIGNATURE_INVALID: { status: 400, title: 'The PDF signature does not verify' },
  ERR_PDF_SIGNATURE_ALG_NOT_ALLOWED: { status: 400, title: 'The PDF signature uses an algorithm that is not allowed' },
  ERR_LAYOUT_CREDENTIAL_MISSING: { status: 400, title: 'The layout document embeds no credential' },
  ERR_LAYOUT_CREDENTIAL_MISMATCH: { status: 400, title: 'The QR code and the embedded credential differ' },
  ERR_LAYOUT_CREDENTIAL_INVALID: { status: 400, title: 'The credential embedded in the layout document is not valid' },
  ERR_LAYOUT_PORTRAIT_INVALID: { status: 400, title: 'The portrait is not a JPEG image that can be laid out' },

  // transparency log (packages/core/src/transparency, RFC 9162 §2.1): access-log Merkle tree, proofs, signed tree heads
  ERR_LOG_INDEX_RANGE: { status: 400, title: 'Leaf index or tree size is outside the log' },
  ERR_LOG_PROOF_MALFORMED: { status: 400, title: 'Malformed Merkle proof or hash' },
  ERR_LOG_PROOF_INVALID: { status: 400, title: 'Merkle proof does not verify against the tree head' },
  ERR_LOG_ENTRY_MALFORMED: { status: 400, title: 'Malformed access-log entry' },
  ERR_LOG_TREE_HEAD_MALFORMED: { status: 400, title: 'Malformed signed tree head' },
  ERR_LOG_TREE_HEAD_SIGNATURE: { status: 400, title: 'Signed tree head signature does not verify' },
  ERR_LOG_STORE_FAILED: { status: 500, title: 'The transparency log store is closed, corrupt or failed' },
  // guardian delegation (packages/core/src/delegation): a guardian presents a ward's credential
  ERR_DELEGATION_NOT_VERIFIED: { status: 400, title: 'The delegation or the ward credential is not valid' },
  ERR_DELEGATION_INCOMPLETE: { status: 400, title: 'An element the delegation check needs is missing or malformed' },
  ERR_DELEGATION_NOT_YET_VALID: { status: 400, title: 'The delegation is not valid yet' },
  ERR_DELEGATION_EXPIRED: { status: 400, title: 'The delegation has expired' },
  ERR_DELEGATION_KEY_MISMATCH: { status: 400, title: 'The delegation and the ward credential have other device keys' },
  ERR_DELEGATION_WARD_MISMATCH: { status: 400, title: 'The delegation is for another ward' },
  ERR_DELEGATION_SCOPE: { status: 400, title: 'The ward credential type is outside the delegation scope' },
  ERR_DELEGATION_RELATIONSHIP_UNKNOWN: { status: 400, title: 'The relationship code of the delegation is not known' },

  // paper credential: the ZZ1 paper variant (docs/adr/0010-paper-credential.md)
  ERR_QR_DEVICE_PROOF_MISSING: {
    status: 400,
    title: 'QR credential is bound to a device key but carries no device proof',
  },
  ERR_QR_PAPER_MISMATCH: {
    status: 400,
    title: 'QR is not consistently a paper credential (a device proof on a paper credential, or the reverse)',
  },
  ERR_QR_PAPER_STATUS_REQUIRED: { status: 400, title: 'Paper credential carries no status list reference' },
  ERR_QR_PAPER_LIFETIME: { status: 400, title: 'Paper credential lifetime exceeds the maximum' },
} as const satisfies Record<string, { status: number; title: string }>;

/** A stable error code from the catalogue. */
export type ErrorCode = keyof typeof ERROR_CATALOGUE;

/** The HTTP status a service answers with for `code`. */
export function httpStatusOf(code: ErrorCode): number {
  return ERROR_CATALOGUE[code].status;
}
