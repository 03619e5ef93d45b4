import { Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { TranslatedText } from '../shared/i18n/translated';
import { LocalDate } from '../shared/graphql/scalars';
import type { Figure } from './metrics/figure';
import { MetricKind, MetricUnit, unitLabelOf, type MetricDefinition, type ParamSpec } from './metrics/metric';
import { PeriodKind, type Period } from './metrics/period';
import { ScopeKind } from './metrics/scope';

export enum ComplianceStatus {
  MET = 'MET',
  NOT_MET = 'NOT_MET',
  /** A count of an unfinished period that can still go either way. */
  PENDING = 'PENDING',
  NOT_APPLICABLE = 'NOT_APPLICABLE',
}

export enum NotApplicableReason {
  /** Nothing in scope to judge in the period (no enterprises, no cases). */
  NOTHING_IN_SCOPE = 'NOTHING_IN_SCOPE',
  /** The metric is not defined for this kind of scope (e.g. patrols for one enterprise). */
  SCOPE = 'SCOPE',
  /** The period has not begun. */
  FUTURE = 'FUTURE',
  /** The period lies before the program or park began. */
  BEFORE_START = 'BEFORE_START',
}

export enum Trend {
  UP = 'UP',
  DOWN = 'DOWN',
  FLAT = 'FLAT',
}

registerEnumType(PeriodKind, {
  name: 'PeriodKind',
  description: 'Kinds of period, on the calendar of the program’s time zone.',
  valuesConfig: {
    WEEK: { description: 'A week, Monday to Sunday.' },
    MONTH: { description: 'A calendar month.' },
    QUARTER: { description: 'A calendar quarter.' },
    YEAR: { description: 'A calendar year.' },
    RANGE: { description: 'Any span of days.' },
  },
});
registerEnumType(ComplianceStatus, {
  name: 'ComplianceStatus',
  description: 'Whether an indicator or commitment was met.',
  valuesConfig: {
    MET: { description: 'Met (达标).' },
    NOT_MET: { description: 'Not met (未达标).' },
    PENDING: {
      description:
        'Pending (待定): the period has not ended and its count can still go either way, e.g. "at least 1 meeting a quarter" with none held yet. Judged when the period ends; never counted in a score.',
    },
    NOT_APPLICABLE: { description: 'Not applicable (不适用): nothing to judge; never counted as met.' },
  },
});
registerEnumType(NotApplicableReason, {
  name: 'NotApplicableReason',
  description: 'Why a value is not applicable.',
  valuesConfig: {
    NOTHING_IN_SCOPE: { description: 'Nothing in scope to judge in the period.' },
    SCOPE: { description: 'The metric is not defined for this kind of scope.' },
    FUTURE: { description: 'The period has not begun.' },
    BEFORE_START: { description: 'The period lies before the program or park began (startsOn): nothing to judge or compare.' },
  },
});
registerEnumType(Trend, {
  name: 'Trend',
  description: 'Direction of a change against the previous period.',
  valuesConfig: { UP: { description: 'Higher.' }, DOWN: { description: 'Lower.' }, FLAT: { description: 'Unchanged.' } },
});

@ObjectType({ description: 'What the figures are for: a program, park, zone, police unit, officer or enterprise.' })
export class StatisticsScope {
  @Field(() => ScopeKind, { description: 'Kind of scope.' })
  kind!: ScopeKind;

  @Field(() => ID, { description: 'Global id of the program, park, zone, unit, officer or enterprise.' })
  id!: string;

  @Field({ description: 'Its name.' })
  name!: string;
}

@ObjectType({ description: 'A reporting period, on the calendar of the program’s time zone.' })
export class ReportPeriod {
  constructor(period: Period) {
    this.kind = period.kind;
    this.from = period.from;
    this.to = period.to;
    this.partial = period.partial;
    this.elapsedTo = period.elapsed?.to ?? null;
  }

  @Field(() => PeriodKind, { description: 'Month, quarter, year, week or a range of days.' })
  kind: PeriodKind;

  @Field(() => LocalDate, { description: 'First day.' })
  from: string;

  @Field(() => LocalDate, { description: 'Last day.' })
  to: string;

  @Field({ description: 'True while the period is unfinished: its figures run to today.' })
  partial: boolean;

  @Field(() => LocalDate, { nullable: true, description: 'Last day measured: `to`, or today while partial; null for a future period.' })
  elapsedTo: string | null;
}

@ObjectType({ description: 'A parameter an indicator may set on a metric.' })
export class MetricParameter {
  constructor(spec: ParamSpec) {
    this.name = spec.name;
    this.type = spec.type.toUpperCase();
    this.defaultValue = String(spec.default);
    this.values = spec.values ? [...spec.values] : null;
    this.min = spec.min ?? null;
    this.max = spec.max ?? null;
    this.description = spec.description;
  }

  @Field({ description: 'Name, e.g. `minutes`.' })
  name: string;

  @Field({ description: 'INT, BOOLEAN or ENUM.' })
  type: string;

  @Field({ description: 'Value used when the indicator does not set it.' })
  defaultValue: string;

  @Field(() => [String], { nullable: true, description: 'Allowed values of an ENUM parameter.' })
  values: string[] | null;

  @Field(() => Int, { nullable: true, description: 'Smallest value of an INT parameter.' })
  min: number | null;

  @Field(() => Int, { nullable: true, description: 'Largest value of an INT parameter.' })
  max: number | null;

  @Field({ description: 'What it sets.' })
  description: string;
}

@ObjectType({ description: 'A metric of the catalog (指标口径): what it counts, its unit and its edge cases.' })
export class MetricInfo {
  constructor(metric: MetricDefinition) {
    this.name = metric.name;
    this.kind = metric.kind;
    this.unit = metric.unit;
    this.label = new TranslatedText(metric.label);
    this.unitLabel = new TranslatedText(unitLabelOf(metric));
    this.description = new TranslatedText(metric.description);
    this.sensitive = metric.sensitive;
    this.perPeriod = metric.perPeriod;
    this.parameters = metric.params.map((spec) => new MetricParameter(spec));
    this.scopes = [...metric.scopes];
  }

  @Field({ description: 'Name indicators use, e.g. `visitCoverage`.' })
  name: string;

  @Field(() => MetricKind, { description: 'How its value is made.' })
  kind: MetricKind;

  @Field(() => MetricUnit, { description: 'Unit of its value.' })
  unit: MetricUnit;

  @Field(() => TranslatedText, { description: 'Short label in each language.' })
  label: TranslatedText;

  @Field(() => TranslatedText, { description: 'Unit label in each language, e.g. 次/片区/周.' })
  unitLabel: TranslatedText;

  @Field(() => TranslatedText, { description: 'What it counts and how its edge cases are treated.' })
  description: TranslatedText;

  @Field({ description: 'Whether it counts cases about persons or single enterprises; public figures hide small counts.' })
  sensitive: boolean;

  @Field({ description: 'Whether an indicator reads it per indicator period (a count of events).' })
  perPeriod: boolean;

  @Field(() => [MetricParameter], { description: 'Parameters an indicator may set.' })
  parameters: MetricParameter[];

  @Field(() => [ScopeKind], { description: 'Scopes it is defined for; elsewhere it is not applicable.' })
  scopes: ScopeKind[];
}

@ObjectType({ description: 'A measured value with its unit, ready to show.' })
export class MeasuredValue {
  constructor(figure: Figure, metric: MetricDefinition, reason: NotApplicableReason | null = null) {
    this.value = figure.value;
    this.numerator = figure.numerator;
    this.denominator = figure.denominator;
    this.applicable = figure.applicable;
    this.suppressed = figure.suppressed;
    this.display = figure.display;
    this.unit = metric.unit;
    this.unitLabel = new TranslatedText(unitLabelOf(metric));
    this.notApplicableReason = figure.applicable ? null : (reason ?? NotApplicableReason.NOTHING_IN_SCOPE);
  }

  @Field(() => Float, { nullable: true, description: 'The value; null when not applicable or hidden.' })
  value: number | null;

  @Field(() => Float, { nullable: true, description: 'Numerator of a ratio or rate (e.g. incidents attended in time); null when hidden.' })
  numerator: number | null;

  @Field(() => Float, { nullable: true, description: 'Denominator of a ratio or rate (e.g. incidents judged).' })
  denominator: number | null;

  @Field({ description: 'False when there was nothing to judge: shown as "—", never as 100 %.' })
  applicable: boolean;

  @Field({ description: 'True when a small count was hidden from public figures.' })
  suppressed: boolean;

  @Field({ description: 'Text to show: "98.5%", "3600", "<3" for a hidden small count, "—" when not applicable.' })
  display: string;

  @Field(() => MetricUnit, { description: 'Unit of the value.' })
  unit: MetricUnit;

  @Field(() => TranslatedText, { description: 'Unit label in each language.' })
  unitLabel: TranslatedText;

  @Field(() => NotApplicableReason, { nullable: true, description: 'Why it is not applicable.' })
  notApplicableReason: NotApplicableReason | null;
}
