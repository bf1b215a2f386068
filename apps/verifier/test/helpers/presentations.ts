import {
  createDeviceResponse,
  createOid4vpSessionTranscript,
  decodeIssuerSigned,
  encodeBase64,
  encodeCbor,
  encodeDeviceResponse,
  type MdocSessionTranscript,
  presentMdoc,
  presentQr,
  presentSdJwtVc,
} from '@zhengzhao/core';
import { type Credentials, platform, TYPE } from './fixture.js';

export const AUDIENCE = 'https://hotel.example.cn';
export const NONCE = 'n-0123456789abcdefghij';

export function qrPresentation(credentials: Credentials, now: Date): Promise<string> {
  return presentQr(platform, { credential: credentials.qr, deviceSigner: credentials.device, now });
}

export function sdJwtPresentation(
  credentials: Credentials,
  now: Date,
  options: { sdJwt?: string; audience?: string; nonce?: string } = {},
): Promise<string> {
  return presentSdJwtVc(platform, options.sdJwt ?? credentials.sdJwt, {
    disclose: ['full_name', 'age_over_18'],
    holderSigner: credentials.device,
    audience: options.audience ?? AUDIENCE,
    nonce: options.nonce ?? NONCE,
    now,
  });
}

/** A DeviceResponse (full_name, age_over_18) over a back-office transcript, and that transcript. */
export async function mdocPresentation(
  credentials: Credentials,
  issuerSigned: Uint8Array = credentials.mdoc,
): Promise<{ deviceResponse: Uint8Array; transcript: MdocSessionTranscript; transcriptBase64: string }> {
  const transcript = await createOid4vpSessionTranscript(platform, {
    clientId: 'x509_san_dns:hotel.example.cn',
    nonce: NONCE,
    jwkThumbprint: null,
    responseUri: 'https://hotel.example.cn/post',
  });
  const document = await presentMdoc(platform, {
    issuerSigned: decodeIssuerSigned(issuerSigned),
    deviceSigner: credentials.device,
    sessionTranscript: transcript,
    docType: TYPE,
    disclose: { [TYPE]: ['full_name', 'age_over_18'] },
  });
  return {
    deviceResponse: encodeDeviceResponse(createDeviceResponse([document])),
    transcript,
    transcriptBase64: encodeBase64(encodeCbor(transcript as never)),
  };
}
