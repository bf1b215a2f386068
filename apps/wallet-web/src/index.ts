/**
 * @zhengzhao/wallet-web — the holder wallet PWA. The app itself starts from `main.tsx`; this
 * entry exposes the parts other packages and tests may reuse: the message catalogues and the
 * WebAuthn PRF helpers.
 */
export { en } from './i18n/en.js';
export type { Messages } from './i18n/messages.js';
export { zhCN } from './i18n/zh-cn.js';
export { type AppConfig, parseAppConfig } from './wallet/app-config.js';
export * from './webauthn/index.js';
