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
  /**
   * The national root (PEM) and where the signed national trust list is downloaded: relying
   * parties must then be registered there, not de-registered, and ask within their registration.
   */
  readonly nationalRootPem?: string;
  readonly trustListUrl?: string;
  /** The e-licence sharing service (文件调用): agencies' requests, consents and the access log. */
  readonly shareUrl?: string;
  /** The provinces' issuers the activation form offers (the first is the default). */
  readonly issuers: readonly ConfiguredIssuer[];
}

/** An issuing authority the wallet can activate with. */
export interface ConfiguredIssuer {
  readonly code: string;
  readonly name: { readonly 'zh-CN': string; readonly en: string };
  readonly url: string;
}

export const DEFAULT_CONFIG: AppConfig = {
  relyingPartyTrustAnchorsPem: [],
  issuerTrustAnchorsPem: [],
  autoLockSeconds: 120,
  issuers: [],
};

function issuersOf(value: unknown): ConfiguredIssuer[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((entry: unknown) => {
    const e = entry as Record<string, unknown> | null;
    const name = e?.name as Record<string, unknown> | undefined;
    if (
      typeof e?.code !== 'string' ||
      typeof e.url !== 'string' ||
      !/^https?:\/\//.test(e.url) ||
      typeof name?.['zh-CN'] !== 'string' ||
      typeof name.en !== 'string'
    ) {
      return [];
    }
    return [{ code: e.code, url: e.url, name: { 'zh-CN': name['zh-CN'], en: name.en } }];
  });
}

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
    ...(typeof v.shareUrl === 'string' && /^https?:\/\//.test(v.shareUrl) ? { shareUrl: v.shareUrl } : {}),
    relyingPartyTrustAnchorsPem: strings(v.relyingPartyTrustAnchorsPem),
    issuerTrustAnchorsPem: strings(v.issuerTrustAnchorsPem),
    autoLockSeconds:
      typeof autoLock === 'number' && Number.isInteger(autoLock) && autoLock >= 0 && autoLock <= 3600
        ? autoLock
        : DEFAULT_CONFIG.autoLockSeconds,
    ...(typeof v.nationalRootPem === 'string' && v.nationalRootPem.includes('BEGIN CERTIFICATE')
      ? { nationalRootPem: v.nationalRootPem }
      : {}),
    ...(typeof v.trustListUrl === 'string' && /^https?:\/\//.test(v.trustListUrl)
      ? { trustListUrl: v.trustListUrl }
      : {}),
    issuers: issuersOf(v.issuers),
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
