// Loaded by mocha before every unit test (.mocharc.json): an exception inside a Python rule fails the test that
// triggered it instead of becoming an `internal` notice (extension/src/core/lint/python/ruleDispatch.ts).
process.env.MEMWISE_LINT_STRICT = '1';
