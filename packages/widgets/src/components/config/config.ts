import { CONFIG_CHANGE, SETTING_NAMES, attributeOf } from '../../internal/config';

/**
 * @summary Page-wide settings: every Huhang widget on the page (or inside this element) reads the
 * attributes it does not set itself from here. Renders nothing.
 *
 * @attr endpoint - The GraphQL endpoint; by default `/graphql` on the server the script came from.
 * @attr key - The embed key of a public page.
 * @attr scope - Global id of the program, park, zone or police unit the figures are about.
 * @attr park - Global id of the park (the park overview; also a default scope).
 * @attr period - `last-month` (default), `2026-10`, `2026-Q3`, `2026` or `2026-01-01/2026-06-30`.
 * @attr locale - `zh-CN`, `zh-TW` or `en`; by default `<html lang>`.
 * @attr theme - `light` (default), `dark` or `auto`.
 * @attr snapshot - Base URL of a signed snapshot of the public figures (`npm run publish:snapshot`), read instead of the API.
 * @attr snapshot-key - The snapshot's Ed25519 public key (base64url), as the publisher prints it.
 */
export class HuhangConfig extends HTMLElement {
  static get observedAttributes(): string[] {
    return SETTING_NAMES.map(attributeOf);
  }

  attributeChangedCallback(_name: string, old: string | null, value: string | null): void {
    if (old !== value && this.isConnected) document.dispatchEvent(new Event(CONFIG_CHANGE));
  }

  connectedCallback(): void {
    this.hidden = true;
    document.dispatchEvent(new Event(CONFIG_CHANGE));
  }
}

if (!customElements.get('huhang-config')) customElements.define('huhang-config', HuhangConfig);

declare global {
  interface HTMLElementTagNameMap {
    'huhang-config': HuhangConfig;
  }
}
