import { migrateToLatest } from '@zhengzhao/server-kit';
import { describeEachDatabase } from '@zhengzhao/server-kit/testing';
import { fixedClock } from '@zhengzhao/test-kit';
import type { Kysely } from 'kysely';
import { afterAll, expect, it } from 'vitest';
import { TRUST_REGISTRY_MIGRATIONS, type TrustRegistryApp, type TrustRegistryDatabase } from '../../src/index.js';
import { createKeyDirectory, fetchVerifiedList, NOW, openTestRegistry } from '../helpers/fixture.js';

const FIRST = '0001-create-trust-registry-tables';
const now = new Date(NOW);

/**
 * Migration 0002 on a registry that registered relying parties before registration profiles:
 * each distinct purpose and elements becomes a profile `legacy-n`, the parties name it, and the
 * next start publishes a list of the new shape with them and the default profiles.
 */
describeEachDatabase<TrustRegistryDatabase>(
  'trust registry: migration to registration profiles',
  { [FIRST]: TRUST_REGISTRY_MIGRATIONS[FIRST] as (typeof TRUST_REGISTRY_MIGRATIONS)[string] },
  (t) => {
    const keyDirectory = createKeyDirectory();
    let app: TrustRegistryApp | undefined;
    afterAll(async () => {
      await app?.close();
      keyDirectory.remove();
    });

    it('gives former parties legacy profiles, then publishes them with the defaults', async () => {
      // biome-ignore lint/suspicious/noExplicitAny: the schema before migration 0002
      const db = t.database.db as unknown as Kysely<any>;
      const hotelElements = { 'cn.gov.eid.1': { 'cn.gov.eid.1': ['full_name', 'id_number'] } };
      const row = (id: string, purpose: string, elements: object, at: number) => ({
        id,
        name: JSON.stringify({ 'zh-CN': `旧 ${id}`, en: `Old ${id}` }),
        purpose: JSON.stringify({ 'zh-CN': purpose, en: purpose }),
        elements: JSON.stringify(elements),
        dns_names: '[]',
        registered_at: at,
        deregistered_at: null,
      });
      await db
        .insertInto('relying_parties')
        .values([
          row('hotel-b', 'Guest registration', hotelElements, 2),
          row('hotel-a', 'Guest registration', hotelElements, 1),
          row('cafe', 'Age check', { 'cn.gov.eid.1': { 'cn.gov.eid.1': ['age_over_18'] } }, 3),
        ])
        .execute();

      expect(await migrateToLatest(t.database, TRUST_REGISTRY_MIGRATIONS)).toEqual(['0002-registration-profiles']);
      const profiles = await t.database.db.selectFrom('registration_profiles').selectAll().orderBy('id').execute();
      expect(profiles.map((p) => [p.id, JSON.parse(p.purpose).en, JSON.parse(p.elements)])).toEqual([
        ['legacy-1', 'Guest registration', hotelElements],
        ['legacy-2', 'Age check', { 'cn.gov.eid.1': { 'cn.gov.eid.1': ['age_over_18'] } }],
      ]);
      const parties = await t.database.db.selectFrom('relying_parties').selectAll().orderBy('id').execute();
      expect(parties.map((p) => [p.id, p.profile_id])).toEqual([
        ['cafe', 'legacy-2'],
        ['hotel-a', 'legacy-1'],
        ['hotel-b', 'legacy-1'],
      ]);
      expect(Object.keys(parties[0] ?? {})).not.toContain('purpose');

      app = await openTestRegistry(t.database, keyDirectory.store(), fixedClock(NOW));
      const { list } = await fetchVerifiedList(app, now);
      expect(list.registration_profiles.map((p) => p.id)).toEqual([
        'age-check',
        'gov-login',
        'hotel',
        'legacy-1',
        'legacy-2',
        'netcafe',
        'station',
      ]);
      expect(list.relying_parties).toEqual([
        { id: 'cafe', profile: 'legacy-2', certificates: [] },
        { id: 'hotel-a', profile: 'legacy-1', certificates: [] },
        { id: 'hotel-b', profile: 'legacy-1', certificates: [] },
      ]);
    }, 60_000);
  },
);
