import { parseArgs } from 'node:util';
import {
  createDeviceResponse,
  decodeSdJwt,
  encodeDeviceResponse,
  type MdocIssuerSigned,
  type MdocSessionTranscript,
  type Platform,
  parseMobileSecurityObject,
  presentMdoc,
  presentQr,
  presentSdJwtVc,
  processSdJwtDisclosures,
  type Signer,
  ZzError,
} from '@zhengzhao/core';
import { createNodePlatform } from '@zhengzhao/crypto-node';
import { parseList, parseNow, required } from '../args.js';
import { UsageError } from '../cli-error.js';
import { readStoredCredential, type StoredCredential } from '../credential-file.js';
import { readHolderSigner } from '../holder-key.js';
import { readInput, writeOutput } from '../io.js';
import { sessionTranscriptFromFlags, sessionTranscriptHex } from '../session-transcript-arg.js';

export const PRESENT_HELP = `zz present — present a credential with the holder's device key

Usage: zz present --credential <file> --device-key <holder.jwk> --out <file> [--disclose a,b,c] [--now <ISO>]
         mdoc:       --session-transcript <hex | file>
                     or --client-id <id> --nonce <n> --response-uri <uri>   (OpenID4VP 1.0)
         sd-jwt:     --audience <aud> --nonce <n>
         qr-profile: nothing more; [--png <file.png>] also renders the QR code

  --credential          a file written by zz issue; its format is detected
  --device-key          the holder's PRIVATE device key (JWK from zz keys holder)
  --disclose            element names to disclose (default: all the credential holds);
                        a QR credential always shows exactly its purpose's elements
  --session-transcript  the verifier's SessionTranscript (CBOR, as hex or a file)
  --client-id, --nonce, --response-uri
                        build the OpenID4VP transcript; its hex is printed on standard
                        error for zz verify --session-transcript
  --audience, --nonce   the Key Binding JWT's aud and nonce
  --now                 presentation time (default: now); a QR is fresh for 2 minutes
  --out                 output file, or - for standard output:
                        mdoc → DeviceResponse (CBOR), sd-jwt → SD-JWT+KB text, qr-profile → ZZ1: text
  --png                 qr-profile: also write the QR code as a PNG image
`;

export interface PresentCredentialOptions {
  readonly platform: Platform;
  readonly credential: StoredCredential;
  readonly deviceSigner: Signer;
  readonly disclose?: readonly string[];
  readonly now: Date;
  readonly sessionTranscript?: MdocSessionTranscript;
  readonly audience?: string;
  readonly nonce?: string;
}

export async function presentCommand(args: readonly string[]): Promise<number> {
  const { values } = parseArgs({
    args: [...args],
    options: {
      credential: { type: 'string' },
      'device-key': { type: 'string' },
      disclose: { type: 'string' },
      now: { type: 'string' },
      out: { type: 'string', short: 'o' },
      'session-transcript': { type: 'string' },
      'client-id': { type: 'string' },
      'response-uri': { type: 'string' },
      audience: { type: 'string' },
      nonce: { type: 'string' },
      png: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    process.stdout.write(PRESENT_HELP);
    return 0;
  }
  const out = required(values.out, 'out');
  const credential = readStoredCredential(readInput(required(values.credential, 'credential')));
  const platform = createNodePlatform();
  const deviceSigner = await readHolderSigner(platform, required(values['device-key'], 'device-key'));
  const disclose = parseList(values.disclose);
  const now = parseNow(values.now);
  if (values.png !== undefined && credential.format !== 'qr-profile') {
    throw new UsageError('--png applies to a qr-profile credential only');
  }
  let sessionTranscript: MdocSessionTranscript | undefined;
  if (credential.format === 'mdoc') {
    sessionTranscript = await sessionTranscriptFromFlags(platform, values['session-transcript'], {
      clientId: values['client-id'],
      nonce: values.nonce,
      responseUri: values['response-uri'],
    });
    if (!sessionTranscript) {
      throw new UsageError('an mdoc needs --session-transcript or --client-id, --nonce and --response-uri');
    }
    if (values['session-transcript'] === undefined) {
      process.stderr.write(
        `session transcript (for zz verify --session-transcript): ${sessionTranscriptHex(sessionTranscript)}\n`,
      );
    }
  } else if (values['session-transcript'] !== undefined || values['client-id'] !== undefined) {
    throw new UsageError('--session-transcript and --client-id apply to an mdoc credential only');
  }
  if (credential.format === 'sd-jwt' && (values.audience === undefined || values.nonce === undefined)) {
    throw new UsageError('an SD-JWT presentation needs --audience and --nonce for its Key Binding JWT');
  }
  const presentation = await presentCredential({
    platform,
    credential,
    deviceSigner,
    ...(disclose && { disclose }),
    now,
    ...(sessionTranscript && { sessionTranscript }),
    ...(values.audience !== undefined && { audience: values.audience }),
    ...(values.nonce !== undefined && { nonce: values.nonce }),
  });
  writeOutput(out, typeof presentation === 'string' ? `${presentation}\n` : presentation);
  if (values.png !== undefined && typeof presentation === 'string') {
    const { renderQr } = await import('../qr-image.js');
    writeOutput(values.png, await renderQr(presentation, { format: 'png' }));
  }
  if (out !== '-') {
    const extra = values.png === undefined ? '' : ` and ${values.png}`;
    process.stderr.write(`wrote ${out}${extra} (${credential.format} presentation)\n`);
  }
  return 0;
}

/**
 * Presents a stored credential: a DeviceResponse (CBOR) for an mdoc, SD-JWT+KB text for an
 * SD-JWT VC, or `ZZ1:` text for a compact QR credential.
 */
export async function presentCredential(options: PresentCredentialOptions): Promise<Uint8Array | string> {
  const { platform, credential, deviceSigner, disclose, now } = options;
  switch (credential.format) {
    case 'mdoc': {
      const { issuerSigned } = credential;
      if (!options.sessionTranscript) throw new UsageError('an mdoc presentation needs a session transcript');
      const docType = docTypeOf(issuerSigned);
      const document = await presentMdoc(platform, {
        issuerSigned,
        deviceSigner,
        sessionTranscript: options.sessionTranscript,
        docType,
        ...(disclose && { disclose: mdocSelection(issuerSigned, disclose) }),
      });
      return encodeDeviceResponse(createDeviceResponse([document]));
    }
    case 'sd-jwt': {
      const { audience, nonce } = options;
      if (audience === undefined || nonce === undefined) {
        throw new UsageError('an SD-JWT presentation needs --audience and --nonce');
      }
      if (disclose) await checkSdJwtNames(platform, credential.sdJwt, disclose);
      return presentSdJwtVc(platform, credential.sdJwt, {
        disclose: disclose ?? (() => true),
        holderSigner: deviceSigner,
        audience,
        nonce,
        now,
      });
    }
    case 'qr-profile':
      if (disclose)
        throw new UsageError('--disclose does not apply to a QR credential: its purpose fixes the elements');
      return presentQr(platform, { credential: credential.bytes, deviceSigner, now });
  }
}

function docTypeOf(issuerSigned: MdocIssuerSigned): string {
  const payload = issuerSigned.issuerAuth.payload;
  if (!payload) throw new ZzError('ERR_MDOC_MALFORMED', 'IssuerAuth has no payload');
  return parseMobileSecurityObject(payload).docType;
}

/** `--disclose` names applied to every namespace; a name the credential lacks is a usage error. */
function mdocSelection(issuerSigned: MdocIssuerSigned, names: readonly string[]): Record<string, string[]> {
  const held = new Set(
    Object.values(issuerSigned.nameSpaces).flatMap((items) => items.map((i) => i.elementIdentifier)),
  );
  const unknown = names.filter((name) => !held.has(name));
  if (unknown.length > 0) throw new UsageError(`the credential has no element ${safeNames(unknown)}`);
  return Object.fromEntries(Object.keys(issuerSigned.nameSpaces).map((ns) => [ns, [...names]]));
}

async function checkSdJwtNames(platform: Platform, sdJwt: string, names: readonly string[]): Promise<void> {
  const decoded = decodeSdJwt(sdJwt);
  const processed = await processSdJwtDisclosures(platform, decoded.jwt.payload, decoded.disclosures);
  const held = new Set(processed.uses.map((use) => String(use.path[0])));
  const unknown = names.filter((name) => !held.has(name));
  if (unknown.length > 0) throw new UsageError(`the credential has no disclosable claim ${safeNames(unknown)}`);
}

/** Element names from the command line, echoed only when they look like identifiers. */
function safeNames(names: readonly string[]): string {
  return names.map((name) => (/^[A-Za-z0-9_]{1,40}$/.test(name) ? name : '(unrecognised name)')).join(', ');
}
