import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const FONT_MODULE = '@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf';

let cached: Uint8Array | undefined;

/**
 * The bytes of Noto Sans SC Regular (SIL OFL 1.1), read once per process: the file is about
 * 10 MB, and reading it for every document would dominate rendering. Callers embed it subset
 * (pdf-lib + fontkit keep only the glyphs a document uses, a few tens of kB).
 */
export function loadCjkFont(): Uint8Array {
  cached ??= new Uint8Array(readFileSync(createRequire(import.meta.url).resolve(FONT_MODULE)));
  return cached;
}
