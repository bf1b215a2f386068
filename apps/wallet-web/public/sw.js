/*
 * The wallet's service worker, written by hand (no Workbox).
 *
 * Why by hand: the wallet needs exactly one behaviour — open offline after the first visit — and
 * this file is small enough to read in a minute, so a reviewer can see that it never caches
 * anything but the app's own files: no issuer, status-list or relay response ever lands in a
 * cache (those carry personal data or must be fresh), and the credentials live in IndexedDB,
 * encrypted by the wallet engine, not here.
 *
 * How:
 * - install: precache the app shell. The build (src/build/precache-plugin.ts) replaces the two
 *   placeholders below with the list of built files and a hash of them, so every release is a new
 *   sw.js byte-for-byte, which is what makes the browser install the new version.
 * - activate: drop the caches of older versions, take control of open pages.
 * - fetch: a navigation inside the scope gets the cached index.html (the app shell: client-side
 *   routes and same-device `?request_uri=` links all open the same page), falling back to the
 *   network; a precached file or a hashed file under assets/ comes from the cache first (hashed
 *   names never change content); `wallet-config.json` (deployment settings, may change without a
 *   release) from the network first, the cached copy when offline; everything else goes to the
 *   network untouched.
 */
const VERSION = '__ZZ_PRECACHE_VERSION__';
const PRECACHE = /*__ZZ_PRECACHE_LIST__*/ [];
const CACHE = `zz-wallet-${VERSION}`;
const SCOPE = new URL(self.registration.scope);
const SHELL = new URL('index.html', SCOPE).href;

self.addEventListener('install', (event) => {
  const urls = PRECACHE.length > 0 ? PRECACHE : ['index.html'];
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll(urls.map((path) => new URL(path, SCOPE).href)))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) =>
        Promise.all(
          names.filter((name) => name.startsWith('zz-wallet-') && name !== CACHE).map((name) => caches.delete(name)),
        ),
      )
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== SCOPE.origin || !url.pathname.startsWith(SCOPE.pathname)) return;

  if (request.mode === 'navigate') {
    event.respondWith(
      caches
        .open(CACHE)
        .then((cache) => cache.match(SHELL))
        .then((cached) => cached ?? fetch(request)),
    );
    return;
  }

  const path = url.pathname.slice(SCOPE.pathname.length);
  if (path === 'wallet-config.json') {
    event.respondWith(
      caches.open(CACHE).then((cache) =>
        fetch(request)
          .then(async (response) => {
            if (response.ok) await cache.put(request, response.clone());
            return response;
          })
          .catch(async () => (await cache.match(request, { ignoreSearch: true })) ?? Response.error()),
      ),
    );
    return;
  }
  const cacheable = path.startsWith('assets/') || PRECACHE.includes(path);
  if (!cacheable) return;
  event.respondWith(
    caches.open(CACHE).then(async (cache) => {
      const cached = await cache.match(request, { ignoreSearch: true });
      if (cached) return cached;
      const response = await fetch(request);
      if (response.ok) await cache.put(request, response.clone());
      return response;
    }),
  );
});
