/** The statistics the API publishes: compliance reports, service figures and metric series. */
export { complianceReport } from './compliance.service';
export { SERVICE_FIGURES, serviceStatistics } from './service-figures.service';
export { metricSeries } from './series.service';
export { currentClock, type StatisticsOptions } from './report-common';
