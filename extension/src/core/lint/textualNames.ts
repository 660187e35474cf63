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
const QUANTITY_WORDS = ['count', 'total', 'sum', 'amount', 'qty', 'quantity', 'price', 'cost', 'fee', 'revenue', 'sales', 'sold', 'units', 'stock', 'score', 'points', 'rating', 'rank', 'votes', 'population', 'sessions', 'visits', 'views', 'clicks', 'weight', 'height', 'width', 'size', 'bytes', 'temp', 'tmax', 'tmin', 'celsius', 'fahrenheit', 'ms', 'sec', 'secs', 'seconds', 'minutes', 'hours', 'duration', 'latency', 'elapsed', 'age', 'min', 'max', 'limit', 'threshold', 'avg', 'mean', 'median', 'pct', 'percent', 'ratio', 'rate', 'balance', 'salary', 'income', 'budget', 'distance', 'km', 'mm', 'kg', 'kwh', 'speed', 'level', 'wage', 'watts', 'watt', 'power', 'reading', 'hits', 'errors', 'attempts', 'retries', 'severity', 'priority', 'capacity', 'usage', 'load', 'mb', 'kb', 'gb', 'fare', 'usd', 'eur', 'gbp', 'cents', 'dollars', 'meter', 'metre', 'kilometer', 'kilometre', 'mile', 'foot', 'feet', 'inch', 'inches', 'gram', 'kilogram', 'ounce', 'ton', 'tonne', 'litre', 'liter', 'gallon', 'calorie', 'volt', 'amp', 'knot', 'hertz', 'millis', 'acre', 'hectare'];

/**
 * Unit abbreviations that name a quantity only as the last word after another (`surge_cm`, `widthCm`, `speed_mph`,
 * `pressure_hpa`): alone or first they are too often something else (`ft_model`, `hr_dept`, `px`). Spelled-out units
 * are QUANTITY_WORDS.
 */
const UNIT_SUFFIXES = ['cm', 'mi', 'ft', 'yd', 'nmi', 'mg', 'lb', 'lbs', 'oz', 'ml', 'cl', 'gal', 'hr', 'hrs', 'mins', 'kmh', 'kph', 'mph', 'mps', 'hz', 'khz', 'mhz', 'ghz', 'kw', 'mw', 'wh', 'mwh', 'mah', 'hpa', 'kpa', 'psi', 'ppm', 'ppb', 'dbm', 'kcal', 'bpm', 'rpm', 'fps', 'bps', 'kbps', 'mbps', 'gbps', 'tb', 'px', 'sqft', 'sqm', 'm2', 'm3', 'km2', 'deg'];

/**
 * One-letter units (metres, grams, seconds, hours) count only as a lower-case snake_case suffix (`depth_m`,
 * `mass_g`, `delay_s`): a capital letter at the end of a camelCase name is as often a size or a side (`slotM`,
 * `slotS`, `pointA`).
 */
const ONE_LETTER_UNIT = /[a-z0-9]_[mgsh]$/;

/**
 * A unit after a timestamp or an id (`ts_ms`, `epoch_s`, `created_at_ms`, `stop_id_m`) gives the resolution of a
 * point in time or belongs to a code: equal-width timestamps order correctly as text, and ids are not quantities.
 */
const TIME_OR_ID_WORDS = ['ts', 'timestamp', 'epoch', 'date', 'datetime', 'id', 'uuid'];
const TIME_UNITS = ['ms', 'sec', 'secs', 'seconds'];

/** A name with a part that names a quantity or a unit: `units_sold`, `temp_c`, `weightG`, `tmax`, `surge_cm`. */
export function quantityName(name: string | undefined): boolean {
  if (!name) return false;
  const parts = nameParts(name);
  const last = parts.length > 1 ? parts[parts.length - 1] ?? '' : '';
  const unitSuffix = UNIT_SUFFIXES.includes(last) || (parts.length > 1 && ONE_LETTER_UNIT.test(name));
  if (unitSuffix || TIME_UNITS.includes(last)) {
    if (TIME_OR_ID_WORDS.includes(parts[parts.length - 2] ?? '') || EVENT_TIME.test(parts.slice(0, -1).join('_'))) return false;
  }
  if (unitSuffix) return true;
  return parts.some((p) => QUANTITY_WORDS.includes(p) || (p.endsWith('s') && QUANTITY_WORDS.includes(p.slice(0, -1))));
}

/** A name that says its text sorts correctly as text: a date, timestamp, name or id. */
export function textualName(name: string | undefined): boolean {
  return !!name && (nameEndsWithWord(name, TEXTUAL_WORDS) || EVENT_TIME.test(name));
}

