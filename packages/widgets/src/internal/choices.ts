import { FormChoicesDocument } from '../generated/admin-operations';
import type { HuhangAdminElement } from './admin-element';
import { QueryController } from './query';

/** Enterprises, officers, teams and units to choose from; one shared request for every form of a page. */
export function choicesQuery(host: HuhangAdminElement) {
  return new QueryController(host, FormChoicesDocument, () => (host.signedIn ? { parkId: host.setting('park') ?? null } : 'sign-in'));
}
