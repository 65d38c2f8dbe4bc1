/**
 * The preview grid shows the fills of the simple conditional formats (text contains / cell value
 * compares), which is what the grade column uses, and colour scales (the summary sheet's matrices);
 * others are not drawn. Excel evaluates these itself.
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

interface Criterion {
  type?: string;
  formula?: string | null;
  color?: string | null;
}

function rgb(hex: string): number[] {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  return m ? [1, 2, 3].map((i) => parseInt(m[i], 16)) : [255, 255, 255];
}

function mix(a: string, b: string, f: number): string {
  const x = rgb(a);
  const y = rgb(b);
  return `#${x.map((v, i) => Math.round(v + (y[i] - v) * f).toString(16).padStart(2, '0')).join('')}`;
}

/** A colour scale's fills: each number between the lowest and highest (or the given numbers), interpolated. */
function colorScaleFills(cf: ConditionalFormatInfo, values: Value[][], fills: Map<string, string>): void {
  const criteria = cf.rule.criteria as { minimum?: Criterion; midpoint?: Criterion | null; maximum?: Criterion } | undefined;
  if (!criteria?.minimum?.color || !criteria.maximum?.color) return;
  const area = parseAddress(cf.address).rect;
  const cells: Array<{ key: string; v: number }> = [];
  for (let r = area.r0; r <= Math.min(area.r1, values.length - 1); r++) {
    for (let c = area.c0; c <= area.c1; c++) {
      const v = values[r]?.[c];
      if (typeof v === 'number') cells.push({ key: `${r},${c}`, v });
    }
  }
  if (cells.length === 0) return;
  const lowest = Math.min(...cells.map((x) => x.v));
  const highest = Math.max(...cells.map((x) => x.v));
  const at = (k: Criterion, fallback: number) => (k.type === 'Number' && k.formula != null && Number.isFinite(Number(k.formula)) ? Number(k.formula) : fallback);
  const lo = at(criteria.minimum, lowest);
  const hi = at(criteria.maximum, highest);
  const mid = criteria.midpoint?.color ? at(criteria.midpoint, (lo + hi) / 2) : undefined;
  for (const { key, v } of cells) {
    if (fills.has(key)) continue;
    const clamp = (f: number) => (Number.isFinite(f) ? Math.min(1, Math.max(0, f)) : 0);
    if (mid !== undefined && criteria.midpoint?.color) {
      fills.set(key, v <= mid ? mix(criteria.minimum.color, criteria.midpoint.color, clamp((v - lo) / (mid - lo))) : mix(criteria.midpoint.color, criteria.maximum.color, clamp((v - mid) / (hi - mid))));
    } else {
      fills.set(key, mix(criteria.minimum.color, criteria.maximum.color, hi > lo ? clamp((v - lo) / (hi - lo)) : 0));
    }
  }
}

/** "row,column" → fill colour of the first matching rule (rules are in priority order); colour scales too. */
export function conditionalFill(rules: ConditionalFormatInfo[], values: Value[][]): Map<string, string> {
  const fills = new Map<string, string>();
  for (const cf of rules) {
    if (cf.type === 'ColorScale') {
      colorScaleFills(cf, values, fills);
      continue;
    }
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
