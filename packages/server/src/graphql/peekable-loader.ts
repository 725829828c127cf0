/**
 * A DataLoader whose primed values can be read synchronously. A row preload (RowPreload in
 * connection.ts) primes a page's relations; a resolver that finds its value here returns
 * the value itself rather than a promise, which spares graphql-js a promise, a microtask
 * and an async completion per field and row (issue 20's profile of Q1). Keys nobody primed
 * load as with any DataLoader.
 */
import DataLoader from "dataloader";

function isPromiseLike(value: unknown): value is PromiseLike<unknown> {
  return typeof (value as PromiseLike<unknown> | null)?.then === "function";
}

export class PeekableLoader<K, V> extends DataLoader<K, V> {
  private readonly primedValues = new Map<K, V>();

  override prime(key: K, value: V | PromiseLike<V> | Error): this {
    if (!(value instanceof Error) && !isPromiseLike(value) && !this.primedValues.has(key))
      this.primedValues.set(key, value);
    return super.prime(key, value);
  }

  override clear(key: K): this {
    this.primedValues.delete(key);
    return super.clear(key);
  }

  override clearAll(): this {
    this.primedValues.clear();
    return super.clearAll();
  }

  /** The value primed for `key`, if any: what `load(key)` would resolve to. */
  peek(key: K): V | undefined {
    return this.primedValues.get(key);
  }

  /** The primed value itself when there is one, otherwise the load's promise. */
  peekOrLoad(key: K): V | Promise<V> {
    return this.primedValues.has(key) ? this.primedValues.get(key)! : this.load(key);
  }
}
