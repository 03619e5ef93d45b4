import { LitElement } from 'lit';
import { property } from 'lit/decorators.js';
import type { Translation } from '../translations/zh-CN';
import { execute, type Credentials, type Document } from './client';
import type { WidgetSettings } from './config';
import { LocaleController } from './locale-controller';
import type { LocaleCode } from './locale';
import type { PeriodInput } from './period';
import { SettingsController } from './settings-controller';
import { baseStyles } from './styles';

/**
 * The base of every Huhang widget: the attributes all of them take, and the controllers for their
 * settings and language. Queries (`QueryController`), sessions (`SessionController`) and the views
 * (`views.ts`) are separate pieces a component uses as it needs.
 */
export class HuhangElement extends LitElement {
  static override styles = [baseStyles];

  /** GraphQL endpoint; by default `/graphql` on the server the script came from. */
  @property() endpoint?: string;
  /** Embed key of a public page (`hk_pub_…`). */
  @property() key?: string;
  /** Bearer access token, for a page that signs in by itself; otherwise `<huhang-sign-in>`'s session. */
  @property() token?: string;
  /** `zh-CN` (default), `zh-TW` or `en`; otherwise `<html lang>`. */
  @property() locale?: string;
  /** `light` (default), `dark` or `auto` (follows the system). */
  @property() theme?: string;
  /** Base URL of a signed snapshot of the public figures (`npm run publish:snapshot`), read instead of the API. */
  @property() snapshot?: string;
  /** The snapshot's Ed25519 public key (base64url, as the publisher prints it). */
  @property({ attribute: 'snapshot-key' }) snapshotKey?: string;

  protected readonly settings = new SettingsController(this);
  protected readonly language = new LocaleController(this, this.settings);

  /** A setting from the element's own attribute, else from the page-wide `<huhang-config>`. */
  setting(name: keyof WidgetSettings): string | undefined {
    return this.settings.get(name);
  }

  /** The `scope` and `period` a figure widget asks about, or the name of the setting missing. */
  figureSettings(own: { scope?: string; period?: string }): { scope: string; period: PeriodInput } | 'scope' | 'period' {
    return this.settings.figure(own);
  }

  get resolvedLocale(): LocaleCode {
    return this.language.code;
  }

  get apiLocale() {
    return this.language.api;
  }

  get t(): Translation {
    return this.language.t;
  }

  /** Public widgets: the embed key (or a token when the page has one). */
  get credentials(): Credentials {
    return {
      endpoint: this.settings.endpoint,
      key: this.setting('key'),
      token: this.setting('token'),
      snapshot: this.setting('snapshot'),
      snapshotKey: this.setting('snapshotKey'),
    };
  }

  /** Who the widget asks as, part of what makes a query's answer its own. */
  get identity(): unknown {
    return this.credentials;
  }

  /** Runs an operation with the widget's credentials. */
  run<R, V>(document: Document<R, V>, variables: V, options: { fresh?: boolean } = {}): Promise<R> {
    return execute(this.credentials, document, variables, options);
  }
}
