import * as migration_20261122_073343_initial from './20261122_073343_initial';
import * as migration_20261122_142717_media_public_from from './20261122_142717_media_public_from';
import * as migration_20261207_233913_media_published_by_owner from './20261207_233913_media_published_by_owner';
import * as migration_20261208_023616_import_records from './20261208_023616_import_records';

export const migrations = [
  {
    up: migration_20261122_073343_initial.up,
    down: migration_20261122_073343_initial.down,
    name: '20261122_073343_initial',
  },
  {
    up: migration_20261122_142717_media_public_from.up,
    down: migration_20261122_142717_media_public_from.down,
    name: '20261122_142717_media_public_from',
  },
  {
    up: migration_20261207_233913_media_published_by_owner.up,
    down: migration_20261207_233913_media_published_by_owner.down,
    name: '20261207_233913_media_published_by_owner',
  },
  {
    up: migration_20261208_023616_import_records.up,
    down: migration_20261208_023616_import_records.down,
    name: '20261208_023616_import_records'
  },
];
