import {
  type CborValue,
  COSE_HEADER,
  CWT_CLAIM,
  encodeCbor,
  encodeCoseSign1,
  fullDate,
  issuePaperCredential,
  type Platform,
  type StatusResolver,
  signCoseSign1,
  ZZ_CLAIM,
} from '../../src/index.js';
import { createQrWorld, NOW, type QrWorld, RESIDENT, STATUS } from './fixtures.js';

/** Paper cards in these tests: issued a day before NOW, for four years. */
export const PAPER_ISSUED_AT = new Date('2026-05-31T08:00:00Z');
export const PAPER_EXPIRES_AT = new Date('2030-05-31T08:00:00Z');
/** The DS certificate's notAfter: ten years, covering the longest paper card. */
export const SIGNER_NOT_AFTER = new Date('2036-06-01T00:00:00Z');
export const PAPER_STATUS = { idx: 90210, uri: 'https://zz.cn/s/11/p' };

/** A status resolver answering `value`, recording what it was asked. */
export function statusResolver(value: number, seen: unknown[] = []): StatusResolver {
  return {
    resolveStatus: (reference) => {
      seen.push(reference);
      return Promise.resolve(value);
    },
  };
}

export interface PaperWorld extends QrWorld {
  issuePaper(
    purpose: string,
    overrides?: { claims?: Record<string, unknown>; iat?: Date; exp?: Date; signerNotAfter?: Date },
  ): Promise<Uint8Array>;
  /** Signs a hand-built CWT (for cases the issuer refuses to make). */
  signRaw(cwt: Map<number, CborValue>): Promise<Uint8Array>;
}

/** The QR world of fixtures.ts plus paper issuance by the same document signer. */
export async function createPaperWorld(platform: Platform, suite: 'ES256' | 'SM2' = 'ES256'): Promise<PaperWorld> {
  const world = await createQrWorld(platform, suite);
  return {
    ...world,
    issuePaper: (purpose, overrides = {}) =>
      issuePaperCredential(platform, {
        signer: world.issuerSigner,
        kid: world.kid,
        signerNotAfter: overrides.signerNotAfter ?? SIGNER_NOT_AFTER,
        typeId: 'cn.gov.eid.1',
        purpose,
        claims: { ...RESIDENT, ...overrides.claims },
        iat: overrides.iat ?? PAPER_ISSUED_AT,
        exp: overrides.exp ?? PAPER_EXPIRES_AT,
        status: PAPER_STATUS,
        issuer: '11',
      }),
    signRaw: async (cwt) =>
      encodeCoseSign1(
        await signCoseSign1(world.issuerSigner, {
          payload: encodeCbor(cwt),
          protectedHeaders: new Map([[COSE_HEADER.kid, world.kid]]),
        }),
        { tagged: true },
      ),
  };
}

/** A paper_basic CWT built by hand; `drop` removes claims, `set` adds or replaces them. */
export function paperCwt(
  options: { drop?: number[]; set?: [number, CborValue][]; purpose?: string } = {},
): Map<number, CborValue> {
  const seconds = (date: Date) => Math.floor(date.getTime() / 1000);
  const cwt = new Map<number, CborValue>([
    [CWT_CLAIM.iss, '11'],
    [CWT_CLAIM.exp, seconds(PAPER_EXPIRES_AT)],
    [CWT_CLAIM.iat, seconds(PAPER_ISSUED_AT)],
    [CWT_CLAIM.status, new Map([['status_list', new Map<string, CborValue>(Object.entries(PAPER_STATUS))]])],
    [ZZ_CLAIM.type, ['cn.gov.eid.1', options.purpose ?? 'paper_basic']],
    [
      ZZ_CLAIM.claims,
      new Map<string, CborValue>([
        ['full_name', RESIDENT.full_name],
        ['sex', RESIDENT.sex],
        ['birth_date', fullDate(RESIDENT.birth_date)],
        ['id_number', RESIDENT.id_number],
      ]),
    ],
  ]);
  for (const key of options.drop ?? []) cwt.delete(key);
  for (const [key, value] of options.set ?? []) cwt.set(key, value);
  return cwt;
}

export { NOW, STATUS };
