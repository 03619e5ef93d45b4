import en from '../translations/en';
import zhCN, { type Translation } from '../translations/zh-CN';
import zhTW from '../translations/zh-TW';

export type LocaleCode = 'zh-CN' | 'zh-TW' | 'en';

const TRANSLATIONS: Record<LocaleCode, Translation> = { 'zh-CN': zhCN, 'zh-TW': zhTW, en };

/** The API's `Locale` for each language: commitment titles and labels come translated from the API. */
export const API_LOCALE = { 'zh-CN': 'ZH_CN', 'zh-TW': 'ZH_TW', en: 'EN' } as const;

/** Maps a BCP 47 tag to a language the widgets speak: zh-TW, zh-HK and zh-Hant read Traditional. */
export function normalizeLocale(tag: string | null | undefined): LocaleCode | undefined {
  const value = tag?.trim().toLowerCase();
  if (!value) return undefined;
  if (value.startsWith('en')) return 'en';
  if (/^zh-(tw|hk|mo|hant)/.test(value)) return 'zh-TW';
  if (value.startsWith('zh')) return 'zh-CN';
  return undefined;
}

export function translationFor(locale: LocaleCode): Translation {
  return TRANSLATIONS[locale];
}

const langListeners = new Set<() => void>();
let langObserver: MutationObserver | undefined;

/** Calls `listener` whenever `<html lang>` changes; returns the unsubscribe function. */
export function onDocumentLangChange(listener: () => void): () => void {
  if (!langObserver) {
    langObserver = new MutationObserver(() => langListeners.forEach((l) => l()));
    langObserver.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'] });
  }
  langListeners.add(listener);
  return () => langListeners.delete(listener);
}

/** A text the API keeps in the three languages, as its `TranslatedText`. */
export interface TranslatedText {
  zhCN: string;
  zhTW?: string | null;
  en?: string | null;
}

/** A text in the reader's language, else in Simplified Chinese. */
export function inLocale(text: TranslatedText, locale: LocaleCode): string {
  if (locale === 'en') return text.en || text.zhCN;
  if (locale === 'zh-TW') return text.zhTW || text.zhCN;
  return text.zhCN;
}
