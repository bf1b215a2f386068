import { useCallback, useEffect, useState } from 'react';

/** The screens of an unlocked wallet, addressed by the URL hash (`#/qr/<card id>`). */
export type RouteName = 'cards' | 'receive' | 'present' | 'qr' | 'proximity' | 'online' | 'share' | 'log' | 'settings';

export interface Route {
  readonly name: RouteName;
  /** The part after the name (a card id), if any. */
  readonly arg?: string;
}

const NAMES: readonly RouteName[] = [
  'cards',
  'receive',
  'present',
  'qr',
  'proximity',
  'online',
  'share',
  'log',
  'settings',
];

/** `#/qr/abc` → { name: 'qr', arg: 'abc' }; anything unknown is the cards list. */
export function parseRoute(hash: string): Route {
  const [name, ...rest] = hash.replace(/^#\/?/, '').split('/');
  const found = NAMES.find((candidate) => candidate === name);
  if (!found) return { name: 'cards' };
  let arg: string | undefined;
  try {
    arg = rest.length > 0 ? decodeURIComponent(rest.join('/')) : undefined;
  } catch {
    arg = undefined; // a malformed escape: the screen without its argument
  }
  return arg ? { name: found, arg } : { name: found };
}

export function routeHash(route: Route): string {
  return `#/${route.name}${route.arg ? `/${encodeURIComponent(route.arg)}` : ''}`;
}

/** The current route and a `navigate` that pushes a history entry (the back button works). */
export function useRoute(): [Route, (route: Route) => void] {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  const navigate = useCallback((next: Route) => {
    const hash = routeHash(next);
    if (window.location.hash !== hash) window.location.hash = hash;
    else setRoute(next);
  }, []);
  return [route, navigate];
}
