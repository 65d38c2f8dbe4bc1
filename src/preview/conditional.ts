/**
 * The preview grid shows the fills of the simple conditional formats (text contains / cell value
 * compares), which is what the grade column uses; others are not drawn. Excel evaluates these itself.
 */
import { parseAddress, type ConditionalFormatInfo } from '../excel/memory';

type Value = number | string | boolean;

function literal(formula: unknown): Value | undefined {
  if (typeof formula !== 'string') return undefined;
  const f = formula.replace(/^=/, '').trim();
  const quoted = /^"(.*)"$/.exec(f);
  if (quoted) return quoted[1].replace(/""/g, '"');
  const n = Number(f);
  return f !== '' && Number.isFinite(n) ? n : undefined;
}

function compare(v: Value, op: string, a: Value | undefined, b: Value | undefined): boolean {
  if (a === undefined) return false;
  const eq = (x: Value, y: Value) => (typeof x === 'string' && typeof y === 'string' ? x.toLowerCase() === y.toLowerCase() : x === y);
  const num = typeof v === 'number' && typeof a === 'number';
  switch (op) {
    case 'EqualTo':
      return eq(v, a);
    case 'NotEqualTo':
      return !eq(v, a);
    case 'GreaterThan':
      return num && v > a;
    case 'GreaterThanOrEqual':
      return num && v >= a;
    case 'LessThan':
      return num && v < a;
    case 'LessThanOrEqual':
      return num && v <= a;
    case 'Between':
      return num && typeof b === 'number' && v >= Math.min(a as number, b) && v <= Math.max(a as number, b);
    default:
      return false;
  }
}

function matches(cf: ConditionalFormatInfo, v: Value): boolean {
  if (v === '') return false;
  const rule = cf.rule;
  if (cf.type === 'ContainsText') {
    const text = String(rule.text ?? '').toLowerCase();
    const s = String(v).toLowerCase();
    switch (rule.operator) {
      case 'Contains':
        return s.includes(text);
      case 'NotContains':
        return !s.includes(text);
      case 'BeginsWith':
        return s.startsWith(text);
      case 'EndsWith':
        return s.endsWith(text);
      default:
        return false;
    }
  }
  if (cf.type === 'CellValue') return compare(v, String(rule.operator), literal(rule.formula1), literal(rule.formula2));
  return false;
}

/** "row,column" → fill colour of the first matching rule (rules are in priority order). */
export function conditionalFill(rules: ConditionalFormatInfo[], values: Value[][]): Map<string, string> {
  const fills = new Map<string, string>();
  for (const cf of rules) {
    if (!cf.format.fill) continue;
    const area = parseAddress(cf.address).rect;
    for (let r = area.r0; r <= Math.min(area.r1, values.length - 1); r++) {
      for (let c = area.c0; c <= area.c1; c++) {
        const key = `${r},${c}`;
        const v = values[r]?.[c];
        if (v === undefined || fills.has(key)) continue;
        if (matches(cf, v)) fills.set(key, cf.format.fill);
      }
    }
  }
  return fills;
}
