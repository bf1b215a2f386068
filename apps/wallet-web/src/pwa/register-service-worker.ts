/**
 * Registers `sw.js` (public/sw.js, precache list filled in at build time) so the wallet opens
 * offline after the first visit. Only in production builds: the dev server has no precache list.
 */
export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  window.addEventListener('load', () => {
    navigator.serviceWorker.register('./sw.js', { scope: './' }).catch(() => {
      // no service worker (private mode, http): the wallet still works online
    });
  });
}
