import { isZzError } from '@zhengzhao/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CARD_EVENT_VERSION, type CardEvent, decodeCardEvent, encodeCardEvent } from '../src/index.js';
import { setup } from './helpers.js';

async function sampleEvents(): Promise<CardEvent[]> {
  const { registry, citizens } = setup({ realPortraits: true });
  const [a, b] = citizens;
  if (!a || !b) throw new Error('no citizens');
  const events: CardEvent[] = [await registry.importCitizen(a)];
  events.push(await registry.changeName(a.personId, { familyName: '欧阳', givenName: '娜' }));
  events.push(await registry.renewCard(a.personId));
  events.push(await registry.reportLost(a.personId, 'stolen'));
  events.push(await registry.issueCard(a.personId));
  events.push(await registry.cancelCard(a.personId, 'emigration'));
  events.push(await registry.importCitizen(b));
  return events;
}

describe('card event JSON encoding', () => {
  it('round-trips every event type with version 1 and byte-identical re-encoding', async () => {
    const events = await sampleEvents();
    expect(events.map((e) => e.type)).toEqual([
      'card.issued',
      'card.changed',
      'card.renewed',
      'card.reported_lost',
      'card.issued',
      'card.cancelled',
      'card.issued',
    ]);
    for (const event of events) {
      const json = encodeCardEvent(event);
      const parsed = JSON.parse(json) as Record<string, unknown>;
      expect(parsed.version).toBe(CARD_EVENT_VERSION);
      expect(Object.keys(parsed)).toEqual([
        'version',
        'eventId',
        'type',
        'personId',
        'sequence',
        'occurredAt',
        'provinceCode',
        'payload',
      ]);
      const decoded = decodeCardEvent(json);
      expect(decoded).toEqual(event);
      expect(encodeCardEvent(decoded)).toBe(json);
      expect(json.length).toBeLessThan(40_000);
    }
  });

  it('refuses wrong versions, types and fields with ERR_REGISTRY_EVENT_MALFORMED', async () => {
    const [issued, , , lost] = await sampleEvents();
    if (!issued || !lost) throw new Error('no events');
    const base = JSON.parse(encodeCardEvent(issued)) as Record<string, unknown>;
    const lostBase = JSON.parse(encodeCardEvent(lost)) as Record<string, unknown>;
    const variants: unknown[] = [
      { ...base, version: 2 },
      { ...base, version: undefined },
      { ...base, type: 'card.stolen' },
      { ...base, eventId: 'not-a-uuid' },
      { ...base, sequence: 0 },
      { ...base, sequence: 1.5 },
      { ...base, occurredAt: '2026-03-01 08:00' },
      { ...base, provinceCode: '4' },
      { ...base, personId: '' },
      { ...base, payload: null },
      { ...base, payload: { ...(base.payload as object), card: { cardNumber: 'x' } } },
      { ...base, payload: { ...(base.payload as object), claims: { sex: 3 } } },
      { ...lostBase, payload: { cardNumber: 'x', reason: 'forgotten' } },
      [],
    ];
    for (const variant of variants) {
      try {
        decodeCardEvent(JSON.stringify(variant));
        expect.unreachable();
      } catch (error) {
        expect(isZzError(error, 'ERR_REGISTRY_EVENT_MALFORMED')).toBe(true);
      }
    }
    expect(() => decodeCardEvent('{')).toThrow(expect.objectContaining({ code: 'ERR_ENCODING_JSON' }));
    expect(() => decodeCardEvent(' '.repeat(70_000))).toThrow(expect.objectContaining({ code: 'ERR_INPUT_TOO_LARGE' }));
  });

  it('random text and truncations end in a ZzError, never another exception', async () => {
    const [issued] = await sampleEvents();
    if (!issued) throw new Error('no events');
    const json = encodeCardEvent(issued);
    const isTyped = (text: string): boolean => {
      try {
        decodeCardEvent(text);
        return true;
      } catch (error) {
        return isZzError(error);
      }
    };
    fc.assert(fc.property(fc.string({ maxLength: 200 }), isTyped), { numRuns: 500 });
    fc.assert(fc.property(fc.json(), isTyped), { numRuns: 500 });
    fc.assert(
      fc.property(fc.nat({ max: json.length - 1 }), (cut) => isTyped(json.slice(0, cut))),
      { numRuns: 200 },
    );
    fc.assert(
      fc.property(fc.nat({ max: json.length - 1 }), fc.string({ minLength: 1, maxLength: 1 }), (at, ch) =>
        isTyped(json.slice(0, at) + ch + json.slice(at + 1)),
      ),
      { numRuns: 300 },
    );
  });
});
