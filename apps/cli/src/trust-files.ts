import { existsSync } from 'node:fs';
import { join } from 'node:path';
import {
  createStaticTrustSource,
  decodeCertificatePemChain,
  type Platform,
  parseCertificate,
  type TrustSource,
} from '@zhengzhao/core';
import { AUTHORITY_FILES } from './authority-dir.js';
import { UsageError } from './cli-error.js';
import { textOf } from './credential-file.js';
import { isDirectory, readInput } from './io.js';

export interface TrustFromFiles {
  readonly trust: TrustSource;
  readonly roots: number;
  readonly documentSigners: number;
}

/**
 * A static trust source from `--trust` arguments: PEM files (one or more certificates) or DER
 * files, and authority directories (their root.cert.pem and ds.cert.pem). CA certificates become
 * trusted roots; the others become document signers that compact credentials find by kid
 * (ADR 0004) — they are still validated up to a root.
 */
export function trustFromFiles(platform: Platform, paths: readonly string[]): TrustFromFiles {
  if (paths.length === 0) throw new UsageError('give at least one --trust <cert.pem | authority dir>');
  const roots: Uint8Array[] = [];
  const documentSigners: Uint8Array[] = [];
  for (const path of paths) {
    for (const der of certificatesAt(path)) {
      const certificate = parseCertificate(der);
      (certificate.basicConstraints?.ca ? roots : documentSigners).push(der);
    }
  }
  if (roots.length === 0) {
    throw new UsageError('--trust holds no CA (root) certificate: give the authority directory or its root.cert.pem');
  }
  return {
    trust: createStaticTrustSource({ platform, roots, documentSigners }),
    roots: roots.length,
    documentSigners: documentSigners.length,
  };
}

function certificatesAt(path: string): Uint8Array[] {
  if (isDirectory(path)) {
    const root = join(path, AUTHORITY_FILES.rootCertificate);
    if (!existsSync(root)) throw new UsageError(`${path} has no ${AUTHORITY_FILES.rootCertificate}`);
    const ds = join(path, AUTHORITY_FILES.documentSignerCertificate);
    return [root, ...(existsSync(ds) ? [ds] : [])].flatMap((file) => certificatesAt(file));
  }
  const bytes = readInput(path, 1024 * 1024);
  if (bytes[0] === 0x30) return [bytes];
  const text = textOf(bytes);
  if (text === undefined) throw new UsageError(`${path} is neither PEM nor DER`);
  return decodeCertificatePemChain(text);
}
