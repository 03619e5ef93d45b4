/** The Huhang widgets: importing a component registers its tag. */
export { HuhangConfig } from './components/config/config';
export { HuhangComplianceScorecard } from './components/compliance-scorecard/compliance-scorecard';
export { HuhangCommitmentList } from './components/commitment-list/commitment-list';
export { HuhangServiceStats } from './components/service-stats/service-stats';
export { HuhangTrendChart } from './components/trend-chart/trend-chart';
export { HuhangParkOverview } from './components/park-overview/park-overview';
export type { LocaleCode } from './internal/locale';
export type { Translation } from './translations/zh-CN';
export { HuhangSignIn } from './components/sign-in/sign-in';
export { HuhangTwoFactor } from './components/two-factor/two-factor';
export { HuhangEnterpriseTable } from './components/enterprise-table/enterprise-table';
export { HuhangVisitForm } from './components/visit-form/visit-form';
export { HuhangServiceRequestForm } from './components/service-request-form/service-request-form';
export { HuhangPatrolForm } from './components/patrol-form/patrol-form';
export { HuhangHazardForm } from './components/hazard-form/hazard-form';
export { HuhangDisputeBoard } from './components/dispute-board/dispute-board';
export { HuhangServiceRequestTable } from './components/service-request-table/service-request-table';
export { HuhangEvent, type HuhangEventMap } from './events/events';
