import { readFileSync } from 'node:fs';

/** Shape of /shared/vectors/sm2-sm3/sm2_sm3_vectors.json (fields used here). */
export interface Sm2Sm3Vectors {
  readonly sm3: readonly { readonly input_hex: string; readonly sm3: string }[];
  readonly sm2_sign: readonly {
    readonly name: string;
    readonly curve: Readonly<Record<'p' | 'a' | 'b' | 'gx' | 'gy' | 'n' | 'h', string>>;
    readonly user_id_hex: string;
    readonly message_hex: string;
    readonly private_key_d: string;
    readonly public_key_x: string;
    readonly public_key_y: string;
    readonly Z_A: string;
    readonly e: string;
    readonly k: string;
    readonly r: string;
    readonly s: string;
  }[];
}

/** The shared vectors live beside the repository root (`<repo>/../shared`, as CI lays them out). */
export function loadSm2Sm3Vectors(): Sm2Sm3Vectors {
  const url = new URL('../shared/vectors/sm2-sm3/sm2_sm3_vectors.json', new URL('../../../', import.meta.url));
  return JSON.parse(readFileSync(url, 'utf8')) as Sm2Sm3Vectors;
}
