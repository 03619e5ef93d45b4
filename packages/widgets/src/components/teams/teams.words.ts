import type { TeamMemberKind, TeamType } from '@huhang/schema';

/**
 * The teams widget's words. They live with the widget, not in the shared translations, so that the
 * public bundle a portal loads does not carry them.
 */
export interface TeamsWords {
  title: string;
  park: string;
  none: string;
  team: string;
  type: string;
  types: Record<TeamType, string>;
  zone: string;
  wholePark: string;
  members: string;
  memberTotal: string;
  actions: string;
  noMembers: string;
  leave: string;
  leaveLabel(member: string, team: string): string;
  confirmLeave(member: string, team: string): string;
  left(member: string, team: string): string;
  archive: string;
  archiveLabel(team: string): string;
  confirmArchive(team: string): string;
  archived(team: string): string;
  newTeam: string;
  teamName: string;
  teamNameHint: string;
  create: string;
  created(team: string): string;
  newMember: string;
  memberTeam: string;
  kind: string;
  kinds: Record<TeamMemberKind, string>;
  officer: string;
  memberName: string;
  enterprise: string;
  phone: string;
  badPhone: string;
  joinedOn: string;
  add: string;
  added(member: string, team: string): string;
  memberCount(count: number): string;
}

const zhCN: TeamsWords = {
  title: '警企队伍',
  park: '园区',
  none: '这个园区还没有队伍。',
  team: '队伍',
  type: '类别',
  types: { PATROL: '警企巡逻联防队', MEDIATION: '矛盾纠纷联调队', SERVICE: '警企联合服务队' },
  zone: '负责片区',
  wholePark: '全园区',
  members: '在队队员',
  memberTotal: '在队人数',
  actions: '操作',
  noMembers: '暂无队员',
  leave: '离队',
  leaveLabel: (member, team) => `离队：${member}（${team}）`,
  confirmLeave: (member, team) => `${member}今天离开“${team}”？其记录仍会保留。`,
  left: (member, team) => `${member}已离开“${team}”`,
  archive: '撤销队伍',
  archiveLabel: (team) => `撤销队伍：${team}`,
  confirmArchive: (team) => `撤销队伍“${team}”？其巡逻等记录仍会保留。`,
  archived: (team) => `队伍“${team}”已撤销`,
  newTeam: '新建队伍',
  teamName: '队伍名称',
  teamNameHint: '如：化工片区巡逻联防队',
  create: '新建队伍',
  created: (team) => `已新建队伍“${team}”`,
  newMember: '添加队员',
  memberTeam: '加入队伍',
  kind: '队员类别',
  kinds: {
    OFFICER: '民警',
    AUXILIARY_POLICE: '辅警',
    POLICE_ASSISTANT: '警务助理',
    FIRE_AUXILIARY: '消防协勤',
    GRID_WORKER: '网格员',
    ENTERPRISE_GUARD: '企业保安',
    COMMUNITY_MEMBER: '社区治保会人员',
  },
  officer: '民警',
  memberName: '姓名',
  enterprise: '所属企业',
  phone: '联系电话',
  badPhone: '电话号码格式不正确',
  joinedOn: '入队日期',
  add: '添加队员',
  added: (member, team) => `${member}已加入“${team}”`,
  memberCount: (count) => `${count} 人`,
};

const zhTW: TeamsWords = {
  title: '警企隊伍',
  park: '園區',
  none: '這個園區還沒有隊伍。',
  team: '隊伍',
  type: '類別',
  types: { PATROL: '警企巡邏聯防隊', MEDIATION: '矛盾糾紛聯調隊', SERVICE: '警企聯合服務隊' },
  zone: '負責片區',
  wholePark: '全園區',
  members: '在隊隊員',
  memberTotal: '在隊人數',
  actions: '操作',
  noMembers: '暫無隊員',
  leave: '離隊',
  leaveLabel: (member, team) => `離隊：${member}（${team}）`,
  confirmLeave: (member, team) => `${member}今天離開「${team}」？其紀錄仍會保留。`,
  left: (member, team) => `${member}已離開「${team}」`,
  archive: '撤銷隊伍',
  archiveLabel: (team) => `撤銷隊伍：${team}`,
  confirmArchive: (team) => `撤銷隊伍「${team}」？其巡邏等紀錄仍會保留。`,
  archived: (team) => `隊伍「${team}」已撤銷`,
  newTeam: '新建隊伍',
  teamName: '隊伍名稱',
  teamNameHint: '如：化工片區巡邏聯防隊',
  create: '新建隊伍',
  created: (team) => `已新建隊伍「${team}」`,
  newMember: '新增隊員',
  memberTeam: '加入隊伍',
  kind: '隊員類別',
  kinds: {
    OFFICER: '員警',
    AUXILIARY_POLICE: '輔警',
    POLICE_ASSISTANT: '警務助理',
    FIRE_AUXILIARY: '消防協勤',
    GRID_WORKER: '網格員',
    ENTERPRISE_GUARD: '企業保全',
    COMMUNITY_MEMBER: '社區治保會人員',
  },
  officer: '員警',
  memberName: '姓名',
  enterprise: '所屬企業',
  phone: '聯絡電話',
  badPhone: '電話號碼格式不正確',
  joinedOn: '入隊日期',
  add: '新增隊員',
  added: (member, team) => `${member}已加入「${team}」`,
  memberCount: (count) => `${count} 人`,
};

const en: TeamsWords = {
  title: 'Police–enterprise teams',
  park: 'Park',
  none: 'This park has no teams yet.',
  team: 'Team',
  type: 'Type',
  types: { PATROL: 'Patrol and joint-defence team', MEDIATION: 'Dispute mediation team', SERVICE: 'Joint service team' },
  zone: 'Zone',
  wholePark: 'Whole park',
  members: 'Current members',
  memberTotal: 'Number of members',
  actions: 'Actions',
  noMembers: 'No members yet',
  leave: 'Leaves',
  leaveLabel: (member, team) => `Leaves: ${member} (${team})`,
  confirmLeave: (member, team) => `${member} leaves “${team}” today? The records are kept.`,
  left: (member, team) => `${member} has left “${team}”`,
  archive: 'Disband',
  archiveLabel: (team) => `Disband ${team}`,
  confirmArchive: (team) => `Disband “${team}”? Its patrols and other records are kept.`,
  archived: (team) => `Team “${team}” disbanded`,
  newTeam: 'New team',
  teamName: 'Team name',
  teamNameHint: 'e.g. Chemicals zone patrol team',
  create: 'Create team',
  created: (team) => `Team “${team}” created`,
  newMember: 'Add a member',
  memberTeam: 'Team',
  kind: 'Member',
  kinds: {
    OFFICER: 'Police officer',
    AUXILIARY_POLICE: 'Auxiliary police',
    POLICE_ASSISTANT: 'Police assistant',
    FIRE_AUXILIARY: 'Fire auxiliary',
    GRID_WORKER: 'Grid worker',
    ENTERPRISE_GUARD: 'Enterprise security guard',
    COMMUNITY_MEMBER: 'Community security committee member',
  },
  officer: 'Officer',
  memberName: 'Name',
  enterprise: 'Enterprise',
  phone: 'Phone',
  badPhone: 'Not a phone number',
  joinedOn: 'Joined on',
  add: 'Add member',
  added: (member, team) => `${member} joined “${team}”`,
  memberCount: (count) => `${count} ${count === 1 ? 'member' : 'members'}`,
};

export const TEAMS_WORDS: Record<string, TeamsWords> = { 'zh-CN': zhCN, 'zh-TW': zhTW, en };
