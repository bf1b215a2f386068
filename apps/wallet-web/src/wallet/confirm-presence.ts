import type { Wallet } from '@zhengzhao/wallet';
import { getPrfOutput } from '../webauthn/get-prf-output.js';
import type { AppConfig } from './app-config.js';
import { openWallet } from './open-wallet.js';

/**
 * Asks the holder to prove presence before a presentation (DESIGN.md M9): fingerprint or face
 * when enrolled (a fresh WebAuthn get with user verification), else the PIN. The open wallet
 * accepts any unlock while it is open, so the proof is checked on a second, locked instance over
 * the same store: only a PRF output or PIN that really unwraps the wallet's key passes, and wrong
 * PINs count towards the same throttling as on the lock screen.
 */
export async function confirmPresence(
  wallet: Wallet,
  config: AppConfig,
  method: { pin: string } | 'biometric',
): Promise<void> {
  const probe = await openWallet(config);
  try {
    if (method === 'biometric') {
      const [credentialIds, salt] = await Promise.all([wallet.prfCredentialIds(), wallet.prfSalt()]);
      const { output } = await getPrfOutput({ credentialIds, salt });
      await probe.unlockWithPrf(output);
    } else {
      await probe.unlockWithPin(method.pin);
    }
  } finally {
    probe.lock();
  }
  wallet.touch();
}
