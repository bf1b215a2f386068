/**
 * Deployment settings of the wallet, read at start from `wallet-config.json` beside index.html
 * (served by whoever hosts the app; cached by the service worker like the rest of the shell). All
 * optional: a wallet without a relay offers no proximity sessions.
 */
export interface AppConfig {
  /** The WebSocket relay for proximity sessions (`wss://relay.example.cn`); the session path is appended. */
  readonly relayUrl?: string;
  /** The issuer pre-filled in the activation form (添加证件) and the lost-phone form. */
  readonly issuerUrl?: string;
  /**
   * Roots (PEM) of registered relying parties: proximity readers (ISO 18013-5 reader
   * authentication) and online verifiers (OpenID4VP `x509_san_dns` request signing).
   */
  readonly relyingPartyTrustAnchorsPem: readonly string[];
  /** Roots (PEM) of the issuers, for status-list tokens. */
  readonly issuerTrustAnchorsPem: readonly string[];
  /** Seconds of inactivity before the wallet locks itself. */
  readonly autoLockSeconds: number;
}

export const DEFAULT_CONFIG: AppConfig = {
  relyingPartyTrustAnchorsPem: [],
  issuerTrustAnchorsPem: [],
  autoLockSeconds: 120,
};

const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];

/** Parses a config document; unknown or mistyped members are ignored (defaults kept). */
export function parseAppConfig(value: unknown): AppConfig {
  if (typeof value !== 'object' || value === null) return DEFAULT_CONFIG;
  const v = value as Record<string, unknown>;
  const autoLock = v.autoLockSeconds;
  return {
    ...(typeof v.relayUrl === 'string' && /^wss?:\/\//.test(v.relayUrl) ? { relayUrl: v.relayUrl } : {}),
    ...(typeof v.issuerUrl === 'string' && /^https?:\/\//.test(v.issuerUrl) ? { issuerUrl: v.issuerUrl } : {}),
    relyingPartyTrustAnchorsPem: strings(v.relyingPartyTrustAnchorsPem),
    issuerTrustAnchorsPem: strings(v.issuerTrustAnchorsPem),
    autoLockSeconds:
      typeof autoLock === 'number' && Number.isInteger(autoLock) && autoLock >= 0 && autoLock <= 3600
        ? autoLock
        : DEFAULT_CONFIG.autoLockSeconds,
  };
}

/** Fetches `wallet-config.json`; a missing or broken file means the defaults. */
export async function loadAppConfig(): Promise<AppConfig> {
  try {
    const response = await fetch('wallet-config.json', { cache: 'no-cache' });
    if (!response.ok) return DEFAULT_CONFIG;
    return parseAppConfig(await response.json());
  } catch {
    return DEFAULT_CONFIG;
  }
}
