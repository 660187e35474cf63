// Names under which text is ordered as text on purpose, shared by the JS/TS and Python rules: ISO dates and
// timestamps sort lexically, and names, ids and labels are not quantities. JS MW152/MW251 (js/textOrder.ts) and
// Python MW104 (python/numericText.ts: max()/min() over a dict's keys) read this one list.

/**
 * True when an identifier is one of `words` or ends with one as its last camelCase/snake_case part
 * (`totalBytes`, `total_bytes`, `bytes` match "bytes"; `paid` does not match "id").
 */
export function nameEndsWithWord(name: string, words: readonly string[]): boolean {
  const parts = name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase().split(/[_$]+/).filter(Boolean);
  const last = parts[parts.length - 1];
  // Plurals name maps of the same thing: `totals[key]`, `counts[host]`.
  return last !== undefined && (words.includes(last) || (last.endsWith('s') && words.includes(last.slice(0, -1))));
}

/**
 * Fields that are legitimately compared as text: ISO dates and timestamps sort lexically (`ts`, a
 * `since`/`until` cut-off; `placedAt` below), and names and ids are not quantities.
 */
const TEXTUAL_WORDS = ['date', 'day', 'month', 'iso', 'ts', 'timestamp', 'datetime', 'since', 'until', 'name', 'label', 'title', 'path', 'url', 'host', 'email', 'user', 'method', 'type', 'kind', 'category', 'message', 'msg', 'text', 'id', 'key', 'ip', 'agent', 'country', 'city', 'region', 'version', 'sku', 'zip', 'code', 'slug', 'tag', 'symbol', 'ticker', 'currency', 'word', 'team', 'product', 'customer', 'account', 'service', 'owner', 'author', 'file', 'filename', 'domain', 'route', 'endpoint', 'group', 'department', 'dept', 'channel', 'hash', 'sha', 'commit', 'uuid', 'description', 'desc', 'note', 'comment', 'address', 'street', 'state', 'provider', 'vendor', 'brand', 'model', 'color'];

/** `placedAt`, `deployed_at`, `sent_at`, `departsAt`, `read_at` (when a meter was read): when something happens (a timestamp), unlike `reorderAt` (a level). */
const EVENT_TIME = /(ed|s|sent|paid|run|seen|due|start|end|read)(_at|At)$/;

/** A name that says its text sorts correctly as text: a date, timestamp, name or id. */
export function textualName(name: string | undefined): boolean {
  return !!name && (nameEndsWithWord(name, TEXTUAL_WORDS) || EVENT_TIME.test(name));
}

