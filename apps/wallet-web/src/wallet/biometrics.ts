import type { Wallet } from '@zhengzhao/wallet';
import { createPrfCredential } from '../webauthn/create-prf-credential.js';
import { getPrfOutput } from '../webauthn/get-prf-output.js';

/**
 * Enrols the phone's fingerprint or face as an unlock of `wallet` (which must be unlocked):
 * a WebAuthn credential with PRF over the wallet's salt, whose output the engine turns into a
 * key that wraps the data key (`addPrf`).
 */
export async function enrolBiometrics(wallet: Wallet, rpName: string): Promise<void> {
  const salt = await wallet.prfSalt();
  const enrolment = await createPrfCredential({ salt, rpName, userName: rpName });
  await wallet.addPrf(enrolment);
}

/** True when the wallet has a fingerprint/face unlock enrolled. */
export async function hasBiometrics(wallet: Wallet): Promise<boolean> {
  try {
    return (await wallet.prfCredentialIds()).length > 0;
  } catch {
    return false;
  }
}

/** Fingerprint or face → PRF output → `unlockWithPrf`: opens the locked wallet. */
export async function verifyWithBiometrics(wallet: Wallet): Promise<void> {
  const [credentialIds, salt] = await Promise.all([wallet.prfCredentialIds(), wallet.prfSalt()]);
  const { output } = await getPrfOutput({ credentialIds, salt });
  await wallet.unlockWithPrf(output);
}
