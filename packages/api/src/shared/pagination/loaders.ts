import type DataLoader from 'dataloader';

/**
 * The DataLoaders of one request, made on first use under a key that names what they load and with
 * which arguments, so every field asking for the same thing shares one batch.
 */
export class LoaderRegistry {
  private readonly loaders = new Map<string, DataLoader<unknown, unknown>>();

  get<K, V>(key: string, make: () => DataLoader<K, V>): DataLoader<K, V> {
    let loader = this.loaders.get(key);
    if (!loader) {
      loader = make() as DataLoader<unknown, unknown>;
      this.loaders.set(key, loader);
    }
    return loader as DataLoader<K, V>;
  }
}
