/**
 * Registers `sw.js` (public/sw.js, its precache list written at build time by vite.config.ts)
 * so the app opens with the network cut. Not under the dev server (recognised by its hot
 * module replacement, whatever NODE_ENV says): its modules are not hashed and must never be
 * served from a cache.
 */
export function registerServiceWorker(): void {
  if (import.meta.hot || !('serviceWorker' in navigator)) return;
  const url = new URL('sw.js', document.baseURI);
  navigator.serviceWorker.register(url, { scope: './' }).catch(() => {
    // No service worker (private mode, an http: origin): the app still works online.
  });
}
