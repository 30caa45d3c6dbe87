import * as migration_20261122_041747_initial from './20261122_041747_initial';

export const migrations = [
  {
    up: migration_20261122_041747_initial.up,
    down: migration_20261122_041747_initial.down,
    name: '20261122_041747_initial'
  },
];
