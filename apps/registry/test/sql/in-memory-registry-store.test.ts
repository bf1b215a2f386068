import { describe } from 'vitest';
import { createInMemoryRegistryStore } from '../../src/index.js';
import { registryStoreBehaviour } from './registry-store-behaviour.js';

describe('in-memory registry store', () => {
  registryStoreBehaviour(async () => createInMemoryRegistryStore());
});
