import { InputErrorReason } from '../errors/reasons';
import { DomainValidationError } from '../validation/domain-validation.error';
import { todayInShanghai } from './calendar';

/** A day that has already begun in Asia/Shanghai; records are made of what happened. */
export function assertDayNotFuture(day: string | null | undefined, field: string, today = todayInShanghai()): void {
  if (day && day > today)
    throw new DomainValidationError(field, `${field} 不能晚于今天 ${today} (cannot be in the future)`, InputErrorReason.FUTURE);
}

/** Clock skew a device may have before a time counts as in the future. */
const SKEW_MS = 5 * 60_000;

export function assertTimeNotFuture(time: Date | null | undefined, field: string, now = new Date()): void {
  if (time && time.getTime() > now.getTime() + SKEW_MS) {
    throw new DomainValidationError(field, `${field} 不能晚于当前时间 (cannot be in the future)`, InputErrorReason.FUTURE);
  }
}
