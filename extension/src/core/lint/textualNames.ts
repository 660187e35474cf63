// Names under which text is ordered as text on purpose, shared by the JS/TS and Python rules: ISO dates and
// timestamps sort lexically, and names, ids and labels are not quantities. JS MW152/MW251 (js/textOrder.ts) and
// Python MW104 (python/numericText.ts: max()/min() over a dict's keys) read this one list. And the opposite:
// names of quantities and units, the last and weakest evidence that a text field holds numbers (js/numericEvidence.ts).

/**
 * True when an identifier is one of `words` or ends with one as its last camelCase/snake_case part
 * (`totalBytes`, `total_bytes`, `bytes` match "bytes"; `paid` does not match "id").
 */
export function nameEndsWithWord(name: string, words: readonly string[]): boolean {
  const parts = nameParts(name);
  const last = parts[parts.length - 1];
  // Plurals name maps of the same thing: `totals[key]`, `counts[host]`.
  return last !== undefined && (words.includes(last) || (last.endsWith('s') && words.includes(last.slice(0, -1))));
}

/** The camelCase/snake_case words of a name, lower-cased: `unitsSold`, `units_sold` → units, sold. */
function nameParts(name: string): string[] {
  return name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase().split(/[_$]+/).filter(Boolean);
}

/**
 * Fields that are legitimately compared as text: ISO dates and timestamps sort lexically (`ts`, a
 * `since`/`until` cut-off; `placedAt` below), and names and ids are not quantities.
 */
const TEXTUAL_WORDS = ['date', 'day', 'month', 'iso', 'ts', 'timestamp', 'datetime', 'since', 'until', 'name', 'label', 'title', 'path', 'url', 'host', 'email', 'user', 'method', 'type', 'kind', 'category', 'message', 'msg', 'text', 'id', 'key', 'ip', 'agent', 'country', 'city', 'region', 'version', 'sku', 'zip', 'code', 'slug', 'tag', 'symbol', 'ticker', 'currency', 'word', 'team', 'product', 'customer', 'account', 'service', 'owner', 'author', 'file', 'filename', 'domain', 'route', 'endpoint', 'group', 'department', 'dept', 'channel', 'hash', 'sha', 'commit', 'uuid', 'description', 'desc', 'note', 'comment', 'address', 'street', 'state', 'provider', 'vendor', 'brand', 'model', 'color'];

/** `placedAt`, `deployed_at`, `sent_at`, `departsAt`, `read_at` (when a meter was read): when something happens (a timestamp), unlike `reorderAt` (a level). */
const EVENT_TIME = /(ed|s|sent|paid|run|seen|due|start|end|read)(_at|At)$/;

/**
 * Words that name a quantity or a unit (`score`, `population`, `temp_max`, `weightG`, `durationMs`). A name is
 * no proof: JS text-against-text comparisons read it only when the code shows nothing about the value (no
 * conversion, arithmetic or numeric comparison anywhere), and a textual name (`max_date`) still wins over it.
 */
const QUANTITY_WORDS = ['count', 'total', 'sum', 'amount', 'qty', 'quantity', 'price', 'cost', 'fee', 'revenue', 'sales', 'sold', 'units', 'stock', 'score', 'points', 'rating', 'rank', 'votes', 'population', 'sessions', 'visits', 'views', 'clicks', 'weight', 'height', 'width', 'size', 'bytes', 'temp', 'tmax', 'tmin', 'celsius', 'fahrenheit', 'ms', 'sec', 'secs', 'seconds', 'minutes', 'hours', 'duration', 'latency', 'elapsed', 'age', 'min', 'max', 'limit', 'threshold', 'avg', 'mean', 'median', 'pct', 'percent', 'ratio', 'rate', 'balance', 'salary', 'income', 'budget', 'distance', 'km', 'mm', 'kg', 'kwh', 'speed', 'level', 'wage', 'watts', 'watt', 'power', 'reading', 'hits', 'errors', 'attempts', 'retries', 'severity', 'priority', 'capacity', 'usage', 'load', 'mb', 'kb', 'gb', 'fare', 'usd', 'eur', 'gbp', 'cents', 'dollars'];

/** A name with a part that names a quantity or a unit: `units_sold`, `temp_c`, `weightG`, `tmax`. */
export function quantityName(name: string | undefined): boolean {
  if (!name) return false;
  return nameParts(name).some((p) => QUANTITY_WORDS.includes(p) || (p.endsWith('s') && QUANTITY_WORDS.includes(p.slice(0, -1))));
}

/** A name that says its text sorts correctly as text: a date, timestamp, name or id. */
export function textualName(name: string | undefined): boolean {
  return !!name && (nameEndsWithWord(name, TEXTUAL_WORDS) || EVENT_TIME.test(name));
}

