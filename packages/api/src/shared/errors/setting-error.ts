/** A setting in the environment the server refuses; the server stops with its message alone. */
export class SettingError extends Error {
  override name = 'SettingError';
}
