import * as migration_20261123_094543_initial from './20261123_094543_initial';

export const migrations = [
  {
    up: migration_20261123_094543_initial.up,
    down: migration_20261123_094543_initial.down,
    name: '20261123_094543_initial'
  },
];
