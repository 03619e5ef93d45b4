import type { Role } from '@huhang/schema';

/**
 * The users widget's words. They live with the widget, not in the shared translations, so that the
 * public bundle a portal loads does not carry them.
 */
export interface UsersWords {
  title: string;
  notPermitted: string;
  search: string;
  searchHint: string;
  anyRole: string;
  roleFilter: string;
  roles: Record<Role, string>;
  none: string;
  summary(count: number): string;
  username: string;
  displayName: string;
  role: string;
  grants: string;
  lastLogin: string;
  never: string;
  state: string;
  active: string;
  disabledOn(day: string): string;
  twoFactorOn: string;
  twoFactorOff: string;
  actions: string;
  you: string;
  disable: string;
  confirmDisable(user: string): string;
  disabled(user: string): string;
  resetTwoFactor: string;
  confirmReset(user: string): string;
  reset(user: string): string;
  newUser: string;
  usernameHint: string;
  password: string;
  passwordHint: string;
  parks: string;
  programs: string;
  officerPark: string;
  officer: string;
  noOfficers: string;
  create: string;
  created(user: string): string;
  export: string;
  exportXlsx: string;
  exporting(kb: number, total: number): string;
  exported(total: number): string;
  programsColumn: string;
  officerColumn: string;
  disabledAt: string;
}

const zhCN: UsersWords = {
  title: '用户',
  notPermitted: '只有机制管理员和系统管理员可以管理用户。',
  search: '查找',
  searchHint: '用户名或姓名',
  anyRole: '全部角色',
  roleFilter: '角色',
  roles: { OFFICER: '护航警官', PARK_ADMIN: '园区管理员', PROGRAM_ADMIN: '机制管理员', SYSTEM_ADMIN: '系统管理员' },
  none: '没有符合条件的用户。',
  summary: (count) => `共 ${count} 个用户`,
  username: '用户名',
  displayName: '姓名',
  role: '角色',
  grants: '管理范围',
  lastLogin: '最近登录',
  never: '从未登录',
  state: '状态',
  active: '启用',
  disabledOn: (day) => `${day} 停用`,
  twoFactorOn: '已绑定双因素',
  twoFactorOff: '未绑定双因素',
  actions: '操作',
  you: '（本人）',
  disable: '停用',
  confirmDisable: (user) => `停用“${user}”？其不能再登录，已登录的会话立即结束。`,
  disabled: (user) => `“${user}”已停用`,
  resetTwoFactor: '重置双因素',
  confirmReset: (user) => `重置“${user}”的双因素认证（如手机遗失）？其会话立即结束，下次登录时重新绑定。`,
  reset: (user) => `已重置“${user}”的双因素认证`,
  newUser: '新建用户',
  usernameHint: '3–50 个字母、数字或 _ . - @',
  password: '初始密码',
  passwordHint: '10–128 个字符，至少包含大写、小写、数字、符号中的两类',
  parks: '管理的园区',
  programs: '管理的机制',
  officerPark: '民警所在园区',
  officer: '民警',
  noOfficers: '该园区没有民警。',
  create: '新建用户',
  created: (user) => `已新建用户“${user}”`,
  export: '导出 CSV',
  exportXlsx: '导出 Excel',
  exporting: (kb, total) => `正在导出 ${total} 个用户，已接收 ${kb} KB`,
  exported: (total) => `已导出 ${total} 个用户`,
  programsColumn: '管理的机制',
  officerColumn: '民警',
  disabledAt: '停用时间',
};

const zhTW: UsersWords = {
  title: '使用者',
  notPermitted: '只有機制管理員和系統管理員可以管理使用者。',
  search: '查找',
  searchHint: '使用者名稱或姓名',
  anyRole: '全部角色',
  roleFilter: '角色',
  roles: { OFFICER: '護航警官', PARK_ADMIN: '園區管理員', PROGRAM_ADMIN: '機制管理員', SYSTEM_ADMIN: '系統管理員' },
  none: '沒有符合條件的使用者。',
  summary: (count) => `共 ${count} 個使用者`,
  username: '使用者名稱',
  displayName: '姓名',
  role: '角色',
  grants: '管理範圍',
  lastLogin: '最近登入',
  never: '從未登入',
  state: '狀態',
  active: '啟用',
  disabledOn: (day) => `${day} 停用`,
  twoFactorOn: '已綁定雙因素',
  twoFactorOff: '未綁定雙因素',
  actions: '操作',
  you: '（本人）',
  disable: '停用',
  confirmDisable: (user) => `停用「${user}」？其不能再登入，已登入的工作階段立即結束。`,
  disabled: (user) => `「${user}」已停用`,
  resetTwoFactor: '重設雙因素',
  confirmReset: (user) => `重設「${user}」的雙因素認證（如手機遺失）？其工作階段立即結束，下次登入時重新綁定。`,
  reset: (user) => `已重設「${user}」的雙因素認證`,
  newUser: '新增使用者',
  usernameHint: '3–50 個字母、數字或 _ . - @',
  password: '初始密碼',
  passwordHint: '10–128 個字元，至少包含大寫、小寫、數字、符號中的兩類',
  parks: '管理的園區',
  programs: '管理的機制',
  officerPark: '員警所在園區',
  officer: '員警',
  noOfficers: '該園區沒有員警。',
  create: '新增使用者',
  created: (user) => `已新增使用者「${user}」`,
  export: '匯出 CSV',
  exportXlsx: '匯出 Excel',
  exporting: (kb, total) => `正在匯出 ${total} 個使用者，已接收 ${kb} KB`,
  exported: (total) => `已匯出 ${total} 個使用者`,
  programsColumn: '管理的機制',
  officerColumn: '員警',
  disabledAt: '停用時間',
};

const en: UsersWords = {
  title: 'Users',
  notPermitted: 'Only program and system administrators manage users.',
  search: 'Find',
  searchHint: 'Username or name',
  anyRole: 'Any role',
  roleFilter: 'Role',
  roles: {
    OFFICER: 'Liaison officer',
    PARK_ADMIN: 'Park administrator',
    PROGRAM_ADMIN: 'Program administrator',
    SYSTEM_ADMIN: 'System administrator',
  },
  none: 'No users match.',
  summary: (count) => `${count} users`,
  username: 'Username',
  displayName: 'Name',
  role: 'Role',
  grants: 'Administers',
  lastLogin: 'Last sign-in',
  never: 'Never',
  state: 'State',
  active: 'Active',
  disabledOn: (day) => `Disabled ${day}`,
  twoFactorOn: 'Two factors',
  twoFactorOff: 'No second factor',
  actions: 'Actions',
  you: ' (you)',
  disable: 'Disable',
  confirmDisable: (user) => `Disable “${user}”? They can no longer sign in, and their open sessions end now.`,
  disabled: (user) => `“${user}” disabled`,
  resetTwoFactor: 'Reset two factors',
  confirmReset: (user) =>
    `Reset the second factor of “${user}” (a lost phone)? Their sessions end, and they enrol again at the next sign-in.`,
  reset: (user) => `The second factor of “${user}” was reset`,
  newUser: 'New user',
  usernameHint: '3–50 letters, digits or _ . - @',
  password: 'Initial password',
  passwordHint: '10–128 characters, at least two of: upper case, lower case, digits, symbols',
  parks: 'Parks administered',
  programs: 'Programs administered',
  officerPark: 'The officer’s park',
  officer: 'Officer',
  noOfficers: 'This park has no officers.',
  create: 'Create user',
  created: (user) => `User “${user}” created`,
  export: 'Export CSV',
  exportXlsx: 'Export Excel',
  exporting: (kb, total) => `Exporting ${total} users, ${kb} KB received`,
  exported: (total) => `${total} users exported`,
  programsColumn: 'Programs administered',
  officerColumn: 'Officer',
  disabledAt: 'Disabled',
};

export const USERS_WORDS: Record<string, UsersWords> = { 'zh-CN': zhCN, 'zh-TW': zhTW, en };
