import type { LocaleCode } from '../../internal/locale';

/** Words of the embed-key widget that only its export uses: the columns beyond the table's. */
export interface EmbedKeysWords {
  prefix: string;
  program: string;
  park: string;
  createdAt: string;
  revokedAt: string;
}

export const EMBED_KEYS_WORDS: Record<LocaleCode, EmbedKeysWords> = {
  'zh-CN': { prefix: '密钥前缀', program: '所属项目', park: '园区', createdAt: '创建时间', revokedAt: '停用时间' },
  'zh-TW': { prefix: '密鑰前綴', program: '所屬項目', park: '園區', createdAt: '建立時間', revokedAt: '停用時間' },
  en: { prefix: 'Key prefix', program: 'Program', park: 'Park', createdAt: 'Created', revokedAt: 'Revoked' },
};
