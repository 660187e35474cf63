// MW251 on a d3-dsv parse of a fetched body whose field is compared as text under a unit-suffixed name (the
// fourteenth holdout's tide_station_ranking.mjs). The parse was already a data source; the miss was the name:
// `surge_cm` was no evidence of a number (textualNames.ts). The invalid
// case failed on 0db804a; the look-alikes convert at parse time or compare timestamps. No fix: the engine adds
// `d3.autoType` only to a `d3.csvParse(…)` call, and this one is a named import.
import { ruleTester } from '../ruleTester';

describe('MW251 untyped-tabular-parse: a unit-suffixed field compared as text is a numeric use', () => {
  ruleTester('MW251', {
    valid: [
      {"name":"look-alike: a d3-dsv row function converts the field at parse time","code":"import { csvParse } from 'd3-dsv';\nconst res = await fetch('https://tides.example.test/latest.csv');\nconst stations = csvParse(await res.text(), (d) => ({ station: d.station, surge_cm: +d.surge_cm }));\nstations.sort((a, b) => (a.surge_cm < b.surge_cm ? 1 : -1));\nfor (const s of stations.slice(0, 10)) console.log(s.station, s.surge_cm);\n"},
      {"name":"look-alike: a timestamp in milliseconds (`ts_ms`) sorted as text is no numeric use","code":"import { csvParse } from 'd3-dsv';\nconst res = await fetch('https://tides.example.test/latest.csv');\nconst stations = csvParse(await res.text());\nstations.sort((a, b) => (a.ts_ms < b.ts_ms ? 1 : -1));\nfor (const s of stations.slice(0, 10)) console.log(s.station, s.ts_ms);\n"},
    ],
    invalid: [
      {"name":"a fetched body parsed by d3-dsv, its `surge_cm` field sorted as text (fourteenth holdout)","code":"import { csvParse } from 'd3-dsv';\nconst res = await fetch('https://tides.example.test/latest.csv');\nconst stations = csvParse(await res.text());\nstations.sort((a, b) => (a.surge_cm < b.surge_cm ? 1 : -1));\nfor (const s of stations.slice(0, 10)) console.log(s.station, s.surge_cm);\n","ranges":["csvParse(await res.text())"],"messageIds":["textKept"],"at":[2,17],"message":/^d3-dsv keeps every field as text/},
    ],
  });
});
