/** Attachment names start with this; a validator takes the one embedded file so named. */
export const CREDENTIAL_ATTACHMENT_PREFIX = 'credential.';

/** `credential.sd-jwt` for an SD-JWT (RFC 9901 compact form with `~`), else `credential.txt`. */
export function credentialAttachmentName(credential: string): string {
  return /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*~/.test(credential) ? 'credential.sd-jwt' : 'credential.txt';
}
