/** Settings a widget reads from its own attributes first, then from the page's `<huhang-config>`. */
export interface WidgetSettings {
  endpoint?: string;
  key?: string;
  token?: string;
  scope?: string;
  park?: string;
  period?: string;
  locale?: string;
  theme?: string;
  /** Base URL of a signed snapshot (`npm run publish:snapshot`): public widgets read it instead of the API. */
  snapshot?: string;
  /** The snapshot's Ed25519 public key (base64url), attribute `snapshot-key`. */
  snapshotKey?: string;
}

export const SETTING_NAMES = ['endpoint', 'key', 'token', 'scope', 'park', 'period', 'locale', 'theme', 'snapshot', 'snapshotKey'] as const;

/** The attribute of a setting: `snapshotKey` is written `snapshot-key`. */
export function attributeOf(name: (typeof SETTING_NAMES)[number]): string {
  return name === 'snapshotKey' ? 'snapshot-key' : name;
}

/** Fired on `document` when a `<huhang-config>` changes, so that every widget reads it again. */
export const CONFIG_CHANGE = 'huhang-config-change';

/**
 * The page-wide defaults for `element`: the nearest enclosing `<huhang-config>`, else the first one
 * on the page. Read through the shadow roots the element sits in.
 */
export function pageSettings(element: Element): WidgetSettings {
  let config: Element | null = null;
  for (let node: Node | null = element; node && !config; ) {
    if (node instanceof Element) config = node.closest('huhang-config');
    const root = node.getRootNode();
    node = root instanceof ShadowRoot ? root.host : null;
  }
  config ??= document.querySelector('huhang-config');
  const settings: WidgetSettings = {};
  if (config) for (const name of SETTING_NAMES) settings[name] = config.getAttribute(attributeOf(name)) ?? undefined;
  return settings;
}

/** The API next to the script the widgets were loaded from: a pasted `<script src>` needs no endpoint. */
export const DEFAULT_ENDPOINT = new URL('/graphql', import.meta.url).href;
