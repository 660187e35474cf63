// The severity catalog: what each level means and every rule's default level with the reason. One table so
// the levels stay consistent across families and front ends; the catalog (catalog.ts) applies it over the
// rule modules' own `defaultSeverity`, and users still override any of it with `severity` in [tool.memwise].
import type { Severity } from './types';

export const SEVERITY_MEANING: Readonly<Record<Severity, string>> = {
  error: 'the code fails or blows up as the data grows.',
  warning: 'the code wastes memory in proportion to the data.',
  info: 'a style-level memory hint, or a data-scale rule that cannot tell whether the data is large.',
  hint: 'shown only as a faint marker in the editor.',
};

export const DEFAULT_SEVERITIES: Readonly<Record<string, { severity: Severity; why: string }>> = {
  MW101: { severity: 'error', why: 'A text field repeated by a number (`row[1] * 1000`) builds a string that many times longer for every row: gigabytes, or a MemoryError, instead of a product.' },
  MW102: { severity: 'error', why: 'Adding text to a number raises TypeError in Python 3 the first time it runs on real data.' },
  MW103: { severity: 'error', why: '`<`/`>` between text and a number raises TypeError in Python 3 (and `==` is silently always False).' },
  MW104: { severity: 'error', why: 'sum() over text raises TypeError; min()/max() silently order the values as text.' },
  MW105: { severity: 'error', why: 'Arithmetic on a text array or column raises (numpy) or repeats every string (pandas `*`).' },
  MW151: { severity: 'error', why: '`total += field` with text concatenates: the "sum" becomes a string that grows with every row.' },
  MW152: { severity: 'warning', why: 'Comparing numbers as text gives a wrong order silently; it does not fail, so it is not an error.' },
  MW153: { severity: 'error', why: 'The reduce builds one string as long as all the data together instead of a number.' },
  MW201: { severity: 'warning', why: 'Each kept field costs ~50 bytes as text instead of 8–24 as a number, for every row.' },
  MW202: { severity: 'warning', why: 'Object columns cost ~50 bytes per value instead of 8, for every row.' },
  MW203: { severity: 'warning', why: 'Every unused column is parsed and held, for every row.' },
  MW251: { severity: 'warning', why: 'Each kept field costs tens of bytes as a string instead of 8 as a number, for every record.' },
  MW301: { severity: 'warning', why: 'The whole file is held as a list of lines (~50 bytes of overhead per line) to walk it once.' },
  MW302: { severity: 'warning', why: 'The file is held twice (text and lines) to walk it once.' },
  MW303: { severity: 'warning', why: 'The whole file becomes a list in memory.' },
  MW304: { severity: 'warning', why: 'The whole file is loaded to keep its last lines.' },
  MW305: { severity: 'warning', why: 'The whole file is held as one string (and every match as a list) for a scan that could run line by line.' },
  MW351: { severity: 'warning', why: 'The file is held whole, and again as lines, to walk it once.' },
  MW401: { severity: 'warning', why: 'At data scale the list holds every element at once; over a bounded iterable it is not reported.' },
  MW402: { severity: 'warning', why: 'At data scale each += may copy the whole string so far (O(n²) bytes copied).' },
  MW403: { severity: 'warning', why: 'An unbounded cache on a method keeps every instance created from the data alive.' },
  MW404: { severity: 'warning', why: 'Each iteration copies every row so far; peak is about twice the final frame.' },
  MW405: { severity: 'warning', why: 'At data scale the copy holds every element before the loop starts.' },
  MW406: { severity: 'info', why: 'A hint: streaming one key needs a different parser (ijson), which is a design choice.' },
  MW407: { severity: 'info', why: 'A hint: a memory map changes the array to read-only, which is a design choice.' },
  MW451: { severity: 'warning', why: 'At data scale the whole output is held (and flattened once more) before it is written.' },
  MW452: { severity: 'warning', why: 'Each chunk copies everything received so far (O(n²) bytes copied, 2× peak).' },
  MW453: { severity: 'warning', why: 'At data scale an n-element array is allocated only to count to n.' },
  MW454: { severity: 'warning', why: 'The cache grows with every distinct key the data brings and is never evicted.' },
  MW455: { severity: 'error', why: 'Over a whole data set every task starts at once: file-descriptor or connection exhaustion (EMFILE) and every result in memory together.' },
  MW901: { severity: 'info', why: 'Suppression hygiene: an unused comment costs nothing at run time.' },
  MW951: { severity: 'info', why: 'Suppression hygiene: an unused comment costs nothing at run time.' },
};
