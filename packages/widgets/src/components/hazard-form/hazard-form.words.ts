import type { LocaleCode } from '../../internal/locale';

/** Words of the hazard widget that only it uses: the export's extra columns and its sheet. */
export interface HazardFormWords {
  state: string;
  zone: string;
  register: string;
}

export const HAZARD_FORM_WORDS: Record<LocaleCode, HazardFormWords> = {
  'zh-CN': { state: '整改状态', zone: '所在片区', register: '待整改隐患台账' },
  'zh-TW': { state: '整改狀態', zone: '所在片區', register: '待整改隱患台帳' },
  en: { state: 'State', zone: 'Zone', register: 'Open hazards' },
};
