export type Keyed<T> = { key: string; item: T };

/**
 * React keys taken from what each item shows rather than where it sits: a list re-rendered with an item inserted or
 * removed keeps every other row's key. A content seen again gets `#2`, `#3`… so keys stay unique.
 */
export function withContentKeys<T>(items: readonly T[], contentOf: (item: T) => string): Keyed<T>[] {
  const seen = new Map<string, number>();
  return items.map((item) => {
    const content = contentOf(item);
    const count = (seen.get(content) ?? 0) + 1;
    seen.set(content, count);
    return { key: count === 1 ? content : `${content}#${count}`, item };
  });
}
