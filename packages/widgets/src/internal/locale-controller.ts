import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Translation } from '../translations/zh-CN';
import { API_LOCALE, normalizeLocale, onDocumentLangChange, translationFor, type LocaleCode } from './locale';
import type { SettingsController } from './settings-controller';

/**
 * The language a widget speaks: its `locale` setting, else `<html lang>`, else Simplified Chinese.
 * The host updates when `<html lang>` changes.
 */
export class LocaleController implements ReactiveController {
  private unsubscribe?: () => void;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly settings: SettingsController,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.unsubscribe = onDocumentLangChange(() => this.host.requestUpdate());
  }

  hostDisconnected(): void {
    this.unsubscribe?.();
  }

  get code(): LocaleCode {
    return normalizeLocale(this.settings.get('locale')) ?? normalizeLocale(document.documentElement.lang) ?? 'zh-CN';
  }

  /** The API's `Locale`: commitment titles and labels come translated from the API. */
  get api() {
    return API_LOCALE[this.code];
  }

  get t(): Translation {
    return translationFor(this.code);
  }
}
