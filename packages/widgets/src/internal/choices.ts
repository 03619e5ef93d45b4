import { FormChoicesDocument } from '../generated/admin-operations';
import type { HuhangAdminElement } from './admin-element';
import { QueryController } from './query';

/** Enterprises, officers, teams and units to choose from; one shared request for every form of a page. */
export function choicesQuery(host: HuhangAdminElement) {
  return new QueryController(host, FormChoicesDocument, () => (host.signedIn ? { parkId: host.setting('park') ?? null } : 'sign-in'));
}

/** The keys of a record over an API enum: its values, in the record's order. */
export function keysOf<K extends string>(record: Record<K, unknown>): K[] {
  return Object.keys(record) as K[];
}
