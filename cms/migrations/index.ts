import * as migration_20261123_094543_initial from './20261123_094543_initial';
import * as migration_20261123_144237_desk_forward_counts from './20261123_144237_desk_forward_counts';
import * as migration_20261123_175330_flagged_delivery_counts from './20261123_175330_flagged_delivery_counts';
import * as migration_20261123_181538_has_many_parent_indexes from './20261123_181538_has_many_parent_indexes';
import * as migration_20261206_154339_undecided_age from './20261206_154339_undecided_age';
import * as migration_20261206_182736_sms_limits from './20261206_182736_sms_limits';
import * as migration_20261206_201550_staff_workspace from './20261206_201550_staff_workspace';
import * as migration_20261206_233156_languages from './20261206_233156_languages';
import * as migration_20261207_001132_announcements from './20261207_001132_announcements';
import * as migration_20261207_024518_local_entries_per_day from './20261207_024518_local_entries_per_day';
import * as migration_20261207_031032_tasks from './20261207_031032_tasks';
import * as migration_20261207_035558_dashboard_counts from './20261207_035558_dashboard_counts';
import * as migration_20261207_040011_message_titles from './20261207_040011_message_titles';
import * as migration_20261207_054329_dashboard_engagement from './20261207_054329_dashboard_engagement';
import * as migration_20261207_062119_sample_count_days from './20261207_062119_sample_count_days';
import * as migration_20261207_084432_languages_as_text from './20261207_084432_languages_as_text';

export const migrations = [
  {
    up: migration_20261123_094543_initial.up,
    down: migration_20261123_094543_initial.down,
    name: '20261123_094543_initial',
  },
  {
    up: migration_20261123_144237_desk_forward_counts.up,
    down: migration_20261123_144237_desk_forward_counts.down,
    name: '20261123_144237_desk_forward_counts',
  },
  {
    up: migration_20261123_175330_flagged_delivery_counts.up,
    down: migration_20261123_175330_flagged_delivery_counts.down,
    name: '20261123_175330_flagged_delivery_counts',
  },
  {
    up: migration_20261123_181538_has_many_parent_indexes.up,
    down: migration_20261123_181538_has_many_parent_indexes.down,
    name: '20261123_181538_has_many_parent_indexes',
  },
  {
    up: migration_20261206_154339_undecided_age.up,
    down: migration_20261206_154339_undecided_age.down,
    name: '20261206_154339_undecided_age',
  },
  {
    up: migration_20261206_182736_sms_limits.up,
    down: migration_20261206_182736_sms_limits.down,
    name: '20261206_182736_sms_limits',
  },
  {
    up: migration_20261206_201550_staff_workspace.up,
    down: migration_20261206_201550_staff_workspace.down,
    name: '20261206_201550_staff_workspace',
  },
  {
    up: migration_20261206_233156_languages.up,
    down: migration_20261206_233156_languages.down,
    name: '20261206_233156_languages',
  },
  {
    up: migration_20261207_001132_announcements.up,
    down: migration_20261207_001132_announcements.down,
    name: '20261207_001132_announcements',
  },
  {
    up: migration_20261207_024518_local_entries_per_day.up,
    down: migration_20261207_024518_local_entries_per_day.down,
    name: '20261207_024518_local_entries_per_day',
  },
  {
    up: migration_20261207_031032_tasks.up,
    down: migration_20261207_031032_tasks.down,
    name: '20261207_031032_tasks',
  },
  {
    up: migration_20261207_035558_dashboard_counts.up,
    down: migration_20261207_035558_dashboard_counts.down,
    name: '20261207_035558_dashboard_counts',
  },
  {
    up: migration_20261207_040011_message_titles.up,
    down: migration_20261207_040011_message_titles.down,
    name: '20261207_040011_message_titles',
  },
  {
    up: migration_20261207_054329_dashboard_engagement.up,
    down: migration_20261207_054329_dashboard_engagement.down,
    name: '20261207_054329_dashboard_engagement',
  },
  {
    up: migration_20261207_062119_sample_count_days.up,
    down: migration_20261207_062119_sample_count_days.down,
    name: '20261207_062119_sample_count_days',
  },
  {
    up: migration_20261207_084432_languages_as_text.up,
    down: migration_20261207_084432_languages_as_text.down,
    name: '20261207_084432_languages_as_text'
  },
];
