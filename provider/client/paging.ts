// Collections: a Paged<T> is an AsyncIterable over every item of every page (following links.next with its
// MS-ContinuationToken) and also awaitable as an array. Stops when a page has no next link; a token that
// comes back twice is an error rather than an endless loop. https://learn.microsoft.com/partner-center/developer/
// Choice: a next link with an absolute URL is only followed when it points at the configured endpoint.

export class Paged<T> implements AsyncIterable<T>, PromiseLike<T[]> {
  constructor(private readonly pages: () => AsyncIterator<T[]>) {}

  async *[Symbol.asyncIterator](): AsyncIterator<T> {
    const pages = this.pages();
    for (;;) {
      const page = await pages.next();
      if (page.done) return;
      yield* page.value;
    }
  }

  /** Runs factory (argument checks included) only when iteration starts, so bad input rejects instead of throwing. */
  static defer<T>(factory: () => Paged<T>): Paged<T> {
    return new Paged<T>(async function* () {
      const pages = factory().pages();
      for (;;) {
        const page = await pages.next();
        if (page.done) return;
        yield page.value;
      }
    });
  }

  /** Every item of every page. */
  toArray(): Promise<T[]> {
    return collect(this);
  }

  then<R1 = T[], R2 = never>(
    onFulfilled?: ((items: T[]) => R1 | PromiseLike<R1>) | null,
    onRejected?: ((reason: unknown) => R2 | PromiseLike<R2>) | null,
  ): PromiseLike<R1 | R2> {
    return this.toArray().then(onFulfilled, onRejected);
  }
}

export async function collect<T>(iterable: AsyncIterable<T> | Iterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of iterable as AsyncIterable<T>) items.push(item);
  return items;
}
