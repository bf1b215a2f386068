import type { Wallet, WalletState } from '@zhengzhao/wallet';
import { createContext, type ReactNode, useContext, useEffect, useMemo, useState } from 'react';
import type { AppConfig } from './app-config.js';
import { createWalletActions, type WalletActions } from './wallet-actions.js';

interface WalletContextValue {
  /** What the screens may ask of the engine. */
  readonly actions: WalletActions;
  readonly state: WalletState;
  readonly config: AppConfig;
}

const WalletContext = createContext<WalletContextValue | undefined>(undefined);

/** Events that count as "the holder is using the wallet" for the auto-lock timer. */
const ACTIVITY = ['pointerdown', 'keydown', 'touchstart', 'wheel'] as const;

/**
 * Holds the engine and mirrors its lock state into React: every `onStateChange` (unlock, lock,
 * auto-lock) re-renders, so the lock screen appears the moment the engine locks. Each interaction
 * calls `wallet.touch()`, which restarts the engine's inactivity timer.
 */
export function WalletProvider({
  wallet,
  config,
  children,
}: {
  wallet: Wallet;
  config: AppConfig;
  children: ReactNode;
}) {
  const [state, setState] = useState<WalletState>(wallet.state);
  useEffect(() => {
    setState(wallet.state);
    return wallet.onStateChange(setState);
  }, [wallet]);
  useEffect(() => {
    const touch = () => {
      if (wallet.state === 'unlocked') wallet.touch();
    };
    for (const type of ACTIVITY) window.addEventListener(type, touch, { passive: true, capture: true });
    return () => {
      for (const type of ACTIVITY) window.removeEventListener(type, touch, { capture: true });
    };
  }, [wallet]);
  const actions = useMemo(() => createWalletActions(wallet, config), [wallet, config]);
  const value = useMemo(() => ({ actions, state, config }), [actions, state, config]);
  return <WalletContext.Provider value={value}>{children}</WalletContext.Provider>;
}

/** The wallet's actions, its lock state and the app config. Only inside {@link WalletProvider}. */
export function useWallet(): WalletContextValue {
  const value = useContext(WalletContext);
  if (!value) throw new Error('useWallet outside WalletProvider');
  return value;
}
