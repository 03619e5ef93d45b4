import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261123000000_initial } from './Migration20261123000000_initial';
import { Migration20261123000100_integrity } from './Migration20261123000100_integrity';
import { Migration20261123000200_api } from './Migration20261123000200_api';
import { Migration20261123000300_statistics } from './Migration20261123000300_statistics';
import { Migration20261123000400_audit } from './Migration20261123000400_audit';
import { Migration20261124000500_access } from './Migration20261124000500_access';
import { Migration20261130000600_data_version } from './Migration20261130000600_data_version';
import { Migration20261130000700_access_notify } from './Migration20261130000700_access_notify';
import { Migration20261130000800_list_indexes } from './Migration20261130000800_list_indexes';
import { Migration20261130000900_pinyin_order } from './Migration20261130000900_pinyin_order';
import { Migration20261130001000_start_dates } from './Migration20261130001000_start_dates';
import { Migration20261130001100_working_calendar } from './Migration20261130001100_working_calendar';
import { Migration20261130001200_idempotency_owner } from './Migration20261130001200_idempotency_owner';
import { Migration20261130001300_refresh_family } from './Migration20261130001300_refresh_family';
import { Migration20261130001400_visit_order } from './Migration20261130001400_visit_order';
import { Migration20261130001500_least_privilege } from './Migration20261130001500_least_privilege';
import { Migration20261130001600_sign_in_throttle } from './Migration20261130001600_sign_in_throttle';
import { Migration20261130001700_two_factor } from './Migration20261130001700_two_factor';
import { Migration20261130001800_data_notify } from './Migration20261130001800_data_notify';
import { Migration20261130001900_row_security } from './Migration20261130001900_row_security';
import { Migration20261201002000_access_flag } from './Migration20261201002000_access_flag';

/** Every migration, in order. New migrations are appended here. */
export const MIGRATIONS: MigrationObject[] = [
  { name: 'Migration20261123000000_initial', class: Migration20261123000000_initial },
  { name: 'Migration20261123000100_integrity', class: Migration20261123000100_integrity },
  { name: 'Migration20261123000200_api', class: Migration20261123000200_api },
  { name: 'Migration20261123000300_statistics', class: Migration20261123000300_statistics },
  { name: 'Migration20261123000400_audit', class: Migration20261123000400_audit },
  { name: 'Migration20261124000500_access', class: Migration20261124000500_access },
  { name: 'Migration20261130000600_data_version', class: Migration20261130000600_data_version },
  { name: 'Migration20261130000700_access_notify', class: Migration20261130000700_access_notify },
  { name: 'Migration20261130000800_list_indexes', class: Migration20261130000800_list_indexes },
  { name: 'Migration20261130000900_pinyin_order', class: Migration20261130000900_pinyin_order },
  { name: 'Migration20261130001000_start_dates', class: Migration20261130001000_start_dates },
  { name: 'Migration20261130001100_working_calendar', class: Migration20261130001100_working_calendar },
  { name: 'Migration20261130001200_idempotency_owner', class: Migration20261130001200_idempotency_owner },
  { name: 'Migration20261130001300_refresh_family', class: Migration20261130001300_refresh_family },
  { name: 'Migration20261130001400_visit_order', class: Migration20261130001400_visit_order },
  { name: 'Migration20261130001500_least_privilege', class: Migration20261130001500_least_privilege },
  { name: 'Migration20261130001600_sign_in_throttle', class: Migration20261130001600_sign_in_throttle },
  { name: 'Migration20261130001700_two_factor', class: Migration20261130001700_two_factor },
  { name: 'Migration20261130001800_data_notify', class: Migration20261130001800_data_notify },
  { name: 'Migration20261130001900_row_security', class: Migration20261130001900_row_security },
  { name: 'Migration20261201002000_access_flag', class: Migration20261201002000_access_flag },
];
