export { type CreatePrfCredentialOptions, createPrfCredential } from './create-prf-credential.js';
export { type GetPrfOutputOptions, getPrfOutput, type PrfAssertion } from './get-prf-output.js';
export { platformAuthenticatorAvailable } from './platform-authenticator-available.js';
export { toWebAuthnError } from './webauthn-error.js';
