/**
 * Service worker of the counter app (hand-written, no workbox): the app must open and verify
 * with the network cut — a hotel's line drops, a station's counter stands in a basement.
 *
 * Why a precache list written at build time, rather than caching what is fetched: a counter is
 * often switched on, used for one screen, and then loses its network. With cache-on-fetch, a
 * chunk the app had not loaded yet (or a later deploy's asset) would be missing offline, and the
 * app would break in the middle of a verification. At build time vite.config.ts knows every
 * file of this release and writes their list below (and a version made from their hashes), so
 * `install` fetches all of them at once: the release is complete offline or not installed at
 * all, and a new release gets a new cache and deletes the old one on `activate`.
 *
 * Serving:
 * - `assets/*` (hashed names, never change) and the other listed files: cache first;
 * - page navigations: network first (a new release reaches the counter while online) with a
 *   short timeout, then the cached `index.html` (offline, or a "connected" but dead network);
 * - everything else (the trust bundle, status lists): not touched — the verifier SDK keeps its
 *   own copies in IndexedDB with their age, and must see a real network failure when offline.
 */

/* The build replaces the two values below (see precacheManifest() in vite.config.ts). */
const PRECACHE = /* zz:precache */ [];
const VERSION = /* zz:version */ 'dev';

const CACHE = `zz-counter-${VERSION}`;
const NAVIGATION_TIMEOUT_MS = 3000;
const scope = new URL(self.registration.scope);
const INDEX = new URL('index.html', scope).href;
const PRECACHED = new Set(PRECACHE.map((path) => new URL(path, scope).href));

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      await cache.addAll([...PRECACHED].map((url) => new Request(url, { cache: 'reload' })));
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) {
        if (name.startsWith('zz-counter-') && name !== CACHE) await caches.delete(name);
      }
      await self.clients.claim();
    })(),
  );
});

/** Network first for pages; the cached index.html when the network fails or hangs. */
async function navigate(request) {
  const cached = () => caches.open(CACHE).then((cache) => cache.match(INDEX));
  try {
    const response = await Promise.race([
      fetch(request),
      new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), NAVIGATION_TIMEOUT_MS)),
    ]);
    if (response.ok) return response;
    return (await cached()) ?? response;
  } catch (error) {
    const fallback = await cached();
    if (fallback) return fallback;
    throw error;
  }
}

/** Cache first for files that never change under their name; fetched files are added. */
async function cacheFirst(request) {
  const cache = await caches.open(CACHE);
  const hit = await cache.match(request, { ignoreSearch: true });
  if (hit) return hit;
  const response = await fetch(request);
  if (response.ok) await cache.put(request, response.clone());
  return response;
}

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== scope.origin || !url.pathname.startsWith(scope.pathname)) return;
  if (request.mode === 'navigate') {
    event.respondWith(navigate(request));
    return;
  }
  const path = url.pathname.slice(scope.pathname.length);
  if (path.startsWith('assets/') || PRECACHED.has(url.origin + url.pathname)) {
    event.respondWith(cacheFirst(request));
  }
});
