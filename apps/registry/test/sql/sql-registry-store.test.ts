import { describeEachDatabase } from '@zhengzhao/server-kit/testing';
import { expect, it } from 'vitest';
import {
  createSqlRegistryStore,
  generateCitizens,
  type RegistryDatabase,
  registryMigrations,
} from '../../src/index.js';
import { registryStoreBehaviour } from './registry-store-behaviour.js';

describeEachDatabase<RegistryDatabase>('SQL registry store', registryMigrations, (t) => {
  const emptyStore = async () => {
    const { db } = t.database;
    await db.deleteFrom('registry_cursors').execute();
    await db.deleteFrom('registry_outbox').execute();
    await db.deleteFrom('registry_persons').execute();
    return createSqlRegistryStore(t.database);
  };

  registryStoreBehaviour(emptyStore);

  it('finds persons by card number, lists them in id order and counts them', async () => {
    const store = await emptyStore();
    const citizens = generateCitizens({ seed: 'directory', province: '44', count: 5 });
    for (const c of citizens) {
      const { card, ...data } = c;
      await store.insertPerson({ ...data, card, cardState: 'valid', sequence: 0 });
    }
    expect(await store.countPersons()).toBe(5);
    const third = citizens[2];
    if (!third) throw new Error('no citizen');
    expect((await store.findPersonByCardNumber(third.card.cardNumber))?.personId).toBe(third.personId);
    expect(await store.findPersonByCardNumber('44C0000000000000000')).toBeUndefined();
    const ids = citizens.map((c) => c.personId).sort();
    expect((await store.listPersons({ limit: 100 })).map((p) => p.personId)).toEqual(ids);
    expect((await store.listPersons({ limit: 2, afterPersonId: ids[1] })).map((p) => p.personId)).toEqual(
      ids.slice(2, 4),
    );
  });

  it('runs its migrations again without change (names prefixed registry_)', async () => {
    expect(Object.keys(registryMigrations).every((name) => name.startsWith('registry_'))).toBe(true);
    const { migrateToLatest } = await import('@zhengzhao/server-kit');
    expect(await migrateToLatest(t.database, registryMigrations)).toEqual([]);
  });
});
