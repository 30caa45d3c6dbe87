import * as migration_20261122_073336_initial from './20261122_073336_initial';

export const migrations = [
  {
    up: migration_20261122_073336_initial.up,
    down: migration_20261122_073336_initial.down,
    name: '20261122_073336_initial'
  },
];
