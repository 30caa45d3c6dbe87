import * as migration_20261122_073336_initial from './20261122_073336_initial';
import * as migration_20261122_142705_media_public_from from './20261122_142705_media_public_from';
import * as migration_20261207_233904_media_published_by_owner from './20261207_233904_media_published_by_owner';
import * as migration_20261208_023604_import_records from './20261208_023604_import_records';

export const migrations = [
  {
    up: migration_20261122_073336_initial.up,
    down: migration_20261122_073336_initial.down,
    name: '20261122_073336_initial',
  },
  {
    up: migration_20261122_142705_media_public_from.up,
    down: migration_20261122_142705_media_public_from.down,
    name: '20261122_142705_media_public_from',
  },
  {
    up: migration_20261207_233904_media_published_by_owner.up,
    down: migration_20261207_233904_media_published_by_owner.down,
    name: '20261207_233904_media_published_by_owner',
  },
  {
    up: migration_20261208_023604_import_records.up,
    down: migration_20261208_023604_import_records.down,
    name: '20261208_023604_import_records'
  },
];
