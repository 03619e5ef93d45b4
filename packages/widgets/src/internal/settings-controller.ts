import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { CONFIG_CHANGE, DEFAULT_ENDPOINT, pageSettings, type WidgetSettings } from './config';
import { parsePeriod, type PeriodInput } from './period';

type SettingsHost = ReactiveControllerHost & HTMLElement;

/**
 * A widget's settings: its own attribute first, then the page-wide `<huhang-config>`. The host
 * updates whenever a `<huhang-config>` on the page changes.
 */
export class SettingsController implements ReactiveController {
  private readonly update = () => this.host.requestUpdate();

  constructor(private readonly host: SettingsHost) {
    host.addController(this);
  }

  hostConnected(): void {
    document.addEventListener(CONFIG_CHANGE, this.update);
  }

  hostDisconnected(): void {
    document.removeEventListener(CONFIG_CHANGE, this.update);
  }

  /** A setting from the element's own attribute, else from the page-wide `<huhang-config>`. */
  get(name: keyof WidgetSettings): string | undefined {
    const own = (this.host as unknown as Partial<Record<keyof WidgetSettings, unknown>>)[name];
    if (typeof own === 'string' && own !== '') return own;
    return pageSettings(this.host)[name] || undefined;
  }

  /** The GraphQL endpoint; by default `/graphql` on the server the script came from. */
  get endpoint(): string {
    return new URL(this.get('endpoint') ?? DEFAULT_ENDPOINT, document.baseURI).href;
  }

  /**
   * The `scope` and `period` a figure widget asks about: its own, else the page's (`park` standing in
   * for `scope`). Answers the name of the setting that is missing or invalid.
   */
  figure(own: { scope?: string; period?: string }): { scope: string; period: PeriodInput } | 'scope' | 'period' {
    const scope = own.scope || this.get('scope') || this.get('park');
    if (!scope) return 'scope';
    const period = parsePeriod(own.period || this.get('period'));
    return period ? { scope, period } : 'period';
  }
}
