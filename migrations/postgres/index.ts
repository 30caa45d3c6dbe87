import * as migration_20261122_043513_initial from './20261122_043513_initial';

export const migrations = [
  {
    up: migration_20261122_043513_initial.up,
    down: migration_20261122_043513_initial.down,
    name: '20261122_043513_initial'
  },
];
