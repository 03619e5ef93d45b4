import { ComplianceOverviewDocument, ServiceFiguresDocument } from '../generated/public-operations';
import type { HuhangElement } from './huhang-element';
import { QueryController } from './query';

type FigureHost = HuhangElement & { scope?: string; period?: string };

/** The compliance report of a scope and period, shared by the scorecard, the commitment list and the park overview. */
export function complianceQuery(host: FigureHost) {
  return new QueryController(host, ComplianceOverviewDocument, () => {
    const settings = host.figureSettings(host);
    return typeof settings === 'string' ? settings : { ...settings, locale: host.apiLocale };
  });
}

/** The service figures of a scope and period, shared by the service statistics and the park overview. */
export function serviceFiguresQuery(host: FigureHost) {
  return new QueryController(host, ServiceFiguresDocument, () => {
    const settings = host.figureSettings(host);
    return typeof settings === 'string' ? settings : { ...settings, locale: host.apiLocale };
  });
}
