// Which expression node types the evaluator (fileFacts.ts compute) looks into. Any other type is unknown without
// evaluating it, which lets a join that one unknown makes unknown stop before evaluating the rest (summaries.ts).
/** compute()'s cases; `x > 0`, `not x`, `True` or a lambda are not among them. A test checks every other type is unknown. */
export const EVALUATED_TYPES: ReadonlySet<string> = new Set([
  'parenthesized_expression', 'integer', 'float', 'string', 'concatenated_string', 'list', 'tuple', 'expression_list', 'identifier', 'attribute', 'subscript', 'call',
  'binary_operator', 'unary_operator', 'conditional_expression', 'boolean_operator', 'list_comprehension', 'generator_expression', 'set_comprehension', 'named_expression',
  'dictionary_comprehension', 'dictionary',
]);


/** An expression the evaluator answers "unknown" for without looking inside it. */
export function unknownByType(node: { type: string } | null): boolean {
  return !!node && !EVALUATED_TYPES.has(node.type);
}
