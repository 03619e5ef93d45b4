import { AccountErrorReason } from './account.errors';
import { AccessErrorReason } from '../access/access.errors';
import type { AuthChecker } from 'type-graphql';
import type { Context } from '../access/context';
import { forbidden, unauthenticated } from '../shared/errors/domain-error';
import type { Audience } from '../shared/auth/role';

/** What a session waiting for its second factor may do. */
const ENROLMENT_FIELDS = new Set(['me', 'startTwoFactorEnrolment', 'confirmTwoFactorEnrolment', 'logout']);

/**
 * Roles, in one place: every query and mutation names its audience with `@Authorized(...)`. A request
 * without credentials is UNAUTHENTICATED, one whose role is not in the audience FORBIDDEN; embed keys
 * are read-only. The rows a permitted operation may touch are the viewer's scope (see Viewer).
 */
export const authChecker: AuthChecker<Context, Audience> = ({ context, info }, audience) => {
  const viewer = context.viewer;
  if (viewer.grants.secondFactorPending && !ENROLMENT_FIELDS.has(info.fieldName)) {
    throw forbidden(
      '请先绑定双因素认证 (enrol a second factor first: startTwoFactorEnrolment, then confirmTwoFactorEnrolment)',
      AccountErrorReason.TWO_FACTOR_ENROLMENT_REQUIRED,
    );
  }
  if (audience.includes(viewer.audience)) return true;
  if (viewer.kind === 'ANONYMOUS') {
    throw unauthenticated('请先登录或提供嵌入密钥 (sign in, or send an embed key)', AccountErrorReason.CREDENTIALS_REQUIRED);
  }
  if (viewer.kind === 'KEY') {
    throw forbidden(
      info.parentType.name === 'Mutation'
        ? '嵌入密钥只能读取 (an embed key is read-only)'
        : '嵌入密钥只能读取公开的统计数据 (an embed key reads public aggregated figures only)',
      info.parentType.name === 'Mutation' ? AccessErrorReason.READ_ONLY_KEY : AccessErrorReason.PUBLIC_FIGURES_ONLY,
    );
  }
  throw forbidden(
    `角色 ${viewer.role} 无权执行 ${info.fieldName} (the role ${viewer.role} may not use ${info.fieldName})`,
    AccessErrorReason.ROLE,
  );
};
