// SARIF output validated against the official SARIF 2.1.0 JSON schema (test/fixtures/sarif), plus the
// GitHub workflow-command escaping and the other formats' shapes.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { escapeData, escapeProperty, formatGithub } from '../../../extension/src/core/report/github';
import { formatMarkdown } from '../../../extension/src/core/report/markdown';
import type { LintReport } from '../../../extension/src/core/report/reportTypes';
import { repoRoot, runCli } from '../runCli';

const fixtures = path.join(repoRoot, 'test', 'fixtures', 'lint');

describe('SARIF report', () => {
  it('validates against the SARIF 2.1.0 schema and carries rule metadata and 1-based regions', async () => {
    const schema = JSON.parse(fs.readFileSync(path.join(repoRoot, 'test', 'fixtures', 'sarif', 'sarif-schema-2.1.0.json'), 'utf8'));
    const ajv = new Ajv({ strict: false, allErrors: true });
    addFormats(ajv);
    const validate = ajv.compile(schema);

    const { code, out } = await runCli(['lint', '--format', 'sarif', '.'], fixtures);
    assert.ok(code === 1, `exit ${code}`);
    const ok = validate(JSON.parse(out));
    const sarif = JSON.parse(out);
    assert.ok(ok, JSON.stringify(validate.errors?.slice(0, 5), null, 2));

    const run = sarif.runs[0];
    const rules = run.tool.driver.rules as Array<{ id: string; helpUri: string; shortDescription: { text: string }; fullDescription: { text: string }; help: { markdown: string }; defaultConfiguration: { level: string } }>;
    assert.ok(rules.length > 5);
    for (const r of rules) {
      assert.match(r.helpUri, /docs\/rules\.md#mw\d{3}-/);
      assert.ok(r.shortDescription.text && r.fullDescription.text && r.help.markdown.includes('### Why is this bad?'));
    }
    // The incident line: `rows = [(row[0], row[1] * 1000) for row in rows]` is line 9; the finding's
    // region must sit on it, 1-based, with an exclusive end column past the start.
    const incident = run.results.find((r: { locations: Array<{ physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }> }) => r.locations[0].physicalLocation.artifactLocation.uri === 'incident.py' && r.locations[0].physicalLocation.region.startLine === 9);
    assert.ok(incident, JSON.stringify(run.results.map((r: { ruleId: string }) => r.ruleId)));
    const region = incident.locations[0].physicalLocation.region;
    const line = fs.readFileSync(path.join(fixtures, 'incident.py'), 'utf8').split('\n')[8];
    const flagged = line.slice(region.startColumn - 1, region.endColumn - 1);
    assert.ok(flagged.includes('row[1]'), `region covers "${flagged}"`);
    assert.strictEqual(rules[incident.ruleIndex].id, incident.ruleId);
    assert.strictEqual(run.originalUriBaseIds['%SRCROOT%'].uri.endsWith('/'), true);

    // The editor's quick fixes travel as SARIF fixes: applying the first one's replacements to the file gives
    // the line the editor's fix gives (`float(row[1])`).
    const fix = incident.fixes?.[0];
    assert.ok(fix, 'the incident finding carries its quick fixes');
    assert.match(fix.description.text, /float/);
    assert.strictEqual(fix.properties.safety, 'unsafe');
    assert.strictEqual(fix.artifactChanges[0].artifactLocation.uri, 'incident.py');
    let fixed = line;
    for (const r of [...fix.artifactChanges[0].replacements].reverse()) {
      assert.strictEqual(r.deletedRegion.startLine, 9);
      fixed = fixed.slice(0, r.deletedRegion.startColumn - 1) + r.insertedContent.text + fixed.slice(r.deletedRegion.endColumn - 1);
    }
    assert.ok(fixed.includes('float(row[1]) * 1000'), fixed);
  });
});

describe('GitHub annotations', () => {
  it('escapes data and properties like the Actions runner expects', () => {
    assert.strictEqual(escapeData('50% of\r\nrows'), '50%25 of%0D%0Arows');
    assert.strictEqual(escapeProperty('a:b,c%'), 'a%3Ab%2Cc%25');
  });

  it('prints one workflow command per finding with 1-based positions', () => {
    const report: LintReport = {
      files: [
        {
          file: 'src/we,ird:name.py',
          findings: [{ rule: 'MW101', name: 'repeated-numeric-text', severity: 'warning', message: 'text * 1000\nrepeats 100%', range: { startLine: 8, startColumn: 17, endLine: 8, endColumn: 30 }, fixes: [] }],
          notices: [],
        },
      ],
      rules: [],
      notices: [],
      cwd: '/tmp',
      toolVersion: '0',
    };
    assert.strictEqual(
      formatGithub(report),
      '::warning file=src/we%2Cird%3Aname.py,line=9,col=18,endLine=9,endColumn=31,title=MW101 repeated-numeric-text::MW101 text * 1000%0Arepeats 100%25',
    );
  });
});

describe('other formats', () => {
  it('json: version 1 with 1-based findings; markdown: a summary table', async () => {
    const json = await runCli(['lint', '--format', 'json', 'incident.py', 'clean.py'], fixtures);
    assert.strictEqual(json.code, 1);
    const doc = JSON.parse(json.out);
    assert.strictEqual(doc.version, 1);
    assert.ok(doc.findings.length >= 1);
    for (const f of doc.findings) {
      assert.deepStrictEqual(Object.keys(f).slice(0, 8), ['file', 'line', 'column', 'endLine', 'endColumn', 'rule', 'name', 'severity']);
      assert.strictEqual(f.file, 'incident.py');
      assert.ok(f.line >= 1 && f.column >= 1);
    }
    const md = await runCli(['lint', '--format', 'markdown', 'incident.py'], fixtures);
    assert.match(md.out, /^### Memwise: \d+ findings? in 1 file/);
    assert.match(md.out, /\| \[MW\d{3}\]\(https:\/\/[^)]+#mw\d{3}-[a-z-]+\) `[a-z-]+` \| \d+ \|/);
  });

  it('markdown escapes table cells', () => {
    const report: LintReport = {
      files: [{ file: 'a.py', findings: [{ rule: 'MW999', name: 'x', severity: 'info', message: 'a | b\nc', range: { startLine: 0, startColumn: 0, endLine: 0, endColumn: 1 }, fixes: [] }], notices: [] }],
      rules: [],
      notices: [],
      cwd: '/tmp',
      toolVersion: '0',
    };
    assert.ok(formatMarkdown(report).includes('| `a.py:1` | MW999 | a \\| b c |'));
  });
});
