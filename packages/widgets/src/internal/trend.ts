import { html, nothing } from 'lit';
import type { ComplianceStatus, Trend } from '@huhang/schema';
import type { Translation } from '../translations/zh-CN';

const ARROWS: Record<Trend, string> = { UP: '▲', DOWN: '▼', FLAT: '＝' };

/**
 * A change against the previous period (环比), or with `yearOnYear` against the same period a year
 * earlier (同比): an arrow and words, never colour alone.
 */
export function renderTrend(trend: Trend | null | undefined, t: Translation, previous?: string, yearOnYear = false) {
  if (!trend) return nothing;
  const words = yearOnYear ? t.trendYearOnYear : t.trend;
  return html`<span class="trend" part=${yearOnYear ? 'trend-year' : 'trend'} data-trend=${trend}
    ><span aria-hidden="true">${ARROWS[trend]}</span> ${words[trend]}${previous ? html` (${previous})` : nothing}</span
  >`;
}

const STATUS_ICONS: Record<ComplianceStatus, string> = { MET: '✓', NOT_MET: '✗', PENDING: '…', NOT_APPLICABLE: '–' };
const STATUS_CLASSES: Record<ComplianceStatus, string> = {
  MET: 'met',
  NOT_MET: 'not-met',
  PENDING: 'pending',
  NOT_APPLICABLE: 'not-applicable',
};

/**
 * Met, not met, pending or not applicable: an icon, a word and a colour. A provisional status (a rate
 * judged before its period ends) says so in words.
 */
export function renderStatus(status: ComplianceStatus, t: Translation, provisional = false) {
  return html`<span
    class="badge ${STATUS_CLASSES[status]}"
    part="status status-${STATUS_CLASSES[status]}"
    data-status=${status}
    data-provisional=${provisional ? 'true' : nothing}
    ><span aria-hidden="true">${STATUS_ICONS[status]}</span>${t.status[status]}${provisional ? t.provisional : nothing}</span
  >`;
}
