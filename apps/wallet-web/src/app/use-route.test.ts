import { describe, expect, it } from 'vitest';
import { parseRoute, routeHash } from './use-route.js';

describe('parseRoute / routeHash', () => {
  it('reads a screen and its argument, and writes them back', () => {
    expect(parseRoute('#/qr/card%2F1')).toEqual({ name: 'qr', arg: 'card/1' });
    expect(routeHash({ name: 'qr', arg: 'card/1' })).toBe('#/qr/card%2F1');
    expect(parseRoute(routeHash({ name: 'settings' }))).toEqual({ name: 'settings' });
  });

  it('falls back to the cards list for empty, unknown or hostile hashes', () => {
    for (const hash of ['', '#', '#/', '#/nope', '#/__proto__', '#/constructor/x', '#javascript:alert(1)']) {
      expect(parseRoute(hash)).toEqual({ name: 'cards' });
    }
  });

  it('keeps the screen but drops an argument with a malformed escape', () => {
    expect(parseRoute('#/qr/%E0%A4%A')).toEqual({ name: 'qr' });
  });
});
