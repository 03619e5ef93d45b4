import type * as Types from '@huhang/schema';
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}
export const ShownValueFragmentDoc = new TypedDocumentString(`
    fragment ShownValue on MeasuredValue {
  value
  display
  applicable
  suppressed
  unit
  unitLabel {
    text(locale: $locale)
  }
}
    `, {"fragmentName":"ShownValue"}) as unknown as TypedDocumentString<Types.ShownValueFragment, unknown>;
export const ParkOverviewDocument = new TypedDocumentString(`
    query ParkOverview($parkId: ID!) {
  park(id: $parkId) {
    id
    name
    level
    region
    program {
      id
      name
      bureau
    }
    zones(first: 100) {
      totalCount
      nodes {
        id
        name
      }
    }
  }
}
    `) as unknown as TypedDocumentString<Types.ParkOverviewQuery, Types.ParkOverviewQueryVariables>;
export const CommitmentListDocument = new TypedDocumentString(`
    query CommitmentList($programId: ID!, $locale: Locale = ZH_CN) {
  program(id: $programId) {
    id
    name
    commitments(first: 100) {
      nodes {
        id
        code
        area
        title {
          text(locale: $locale)
        }
        indicators(first: 20) {
          nodes {
            id
            metric
            target
            comparator
            period
            label {
              text(locale: $locale)
            }
          }
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<Types.CommitmentListQuery, Types.CommitmentListQueryVariables>;
export const ComplianceOverviewDocument = new TypedDocumentString(`
    query ComplianceOverview($scope: ID!, $period: PeriodInput!, $locale: Locale = ZH_CN) {
  complianceReport(scope: $scope, period: $period) {
    scope {
      kind
      name
    }
    period {
      kind
      from
      to
      partial
    }
    score
    previousScore
    trend
    yearAgoScore
    trendYearOnYear
    indicatorsMet
    indicatorsJudged
    indicatorsPending
    commitments {
      code
      area
      status
      title {
        text(locale: $locale)
      }
      indicators {
        status
        partial
        provisional
        target
        comparator
        periodsMet
        periodsJudged
        label {
          text(locale: $locale)
        }
        value {
          ...ShownValue
        }
        previous {
          ...ShownValue
        }
        trend
        yearAgo {
          ...ShownValue
        }
        trendYearOnYear
      }
    }
  }
}
    fragment ShownValue on MeasuredValue {
  value
  display
  applicable
  suppressed
  unit
  unitLabel {
    text(locale: $locale)
  }
}`) as unknown as TypedDocumentString<Types.ComplianceOverviewQuery, Types.ComplianceOverviewQueryVariables>;
export const ServiceFiguresDocument = new TypedDocumentString(`
    query ServiceFigures($scope: ID!, $period: PeriodInput!, $locale: Locale = ZH_CN) {
  serviceStatistics(scope: $scope, period: $period) {
    period {
      from
      to
      partial
    }
    figures {
      key
      label {
        text(locale: $locale)
      }
      value {
        ...ShownValue
      }
      previous {
        ...ShownValue
      }
      trend
      yearAgo {
        ...ShownValue
      }
      trendYearOnYear
    }
  }
}
    fragment ShownValue on MeasuredValue {
  value
  display
  applicable
  suppressed
  unit
  unitLabel {
    text(locale: $locale)
  }
}`) as unknown as TypedDocumentString<Types.ServiceFiguresQuery, Types.ServiceFiguresQueryVariables>;
export const MetricTrendDocument = new TypedDocumentString(`
    query MetricTrend($metric: String!, $scope: ID!, $from: LocalDate!, $to: LocalDate!, $granularity: PeriodKind = MONTH, $locale: Locale = ZH_CN) {
  metricSeries(
    metric: $metric
    scope: $scope
    from: $from
    to: $to
    granularity: $granularity
  ) {
    metric {
      name
      label {
        text(locale: $locale)
      }
    }
    points {
      from
      to
      partial
      value {
        ...ShownValue
      }
    }
  }
}
    fragment ShownValue on MeasuredValue {
  value
  display
  applicable
  suppressed
  unit
  unitLabel {
    text(locale: $locale)
  }
}`) as unknown as TypedDocumentString<Types.MetricTrendQuery, Types.MetricTrendQueryVariables>;