/**
 * Exact decimals for the places where the user can see a boundary (SPEC.md 3–4): weights, their
 * sum, composite scores and grade thresholds. A decimal is an integer `int` over 10^scale.
 * BigInt keeps it exact; the engine's hot path uses plain integers when they are provably safe.
 */
export interface Decimal {
  int: bigint;
  scale: number;
}

const DECIMAL_TEXT = /^([+-]?)(\d+)?(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/;

/** Parse decimal text ("0.35", "-2", "1e-7"); undefined when it is not a decimal number. */
export function parseDecimal(text: string): Decimal | undefined {
  const m = DECIMAL_TEXT.exec(text.trim());
  if (!m || (m[2] === undefined && !m[3])) return undefined;
  const [, sign, whole = '', frac = '', exp = '0'] = m;
  let digits = whole + frac;
  let scale = frac.length - Number(exp);
  if (scale < 0) {
    digits += '0'.repeat(-scale);
    scale = 0;
  }
  let int = BigInt(digits || '0');
  if (sign === '-') int = -int;
  return normalize({ int, scale });
}

/** The decimal a JS number stands for to the user: its shortest round-trip text (0.1 is 1/10). */
export function decimalOfNumber(x: number): Decimal {
  const d = parseDecimal(String(x));
  if (!d) throw new Error(`not a finite number: ${x}`);
  return d;
}

function normalize(d: Decimal): Decimal {
  let { int, scale } = d;
  while (scale > 0 && int % 10n === 0n) {
    int /= 10n;
    scale--;
  }
  return { int, scale };
}

export function rescale(d: Decimal, scale: number): bigint {
  if (scale < d.scale) throw new Error('rescale would lose digits');
  return d.int * 10n ** BigInt(scale - d.scale);
}

export function add(a: Decimal, b: Decimal): Decimal {
  const scale = Math.max(a.scale, b.scale);
  return normalize({ int: rescale(a, scale) + rescale(b, scale), scale });
}

export function mul(a: Decimal, b: Decimal): Decimal {
  return normalize({ int: a.int * b.int, scale: a.scale + b.scale });
}

export function compare(a: Decimal, b: Decimal): number {
  const scale = Math.max(a.scale, b.scale);
  const x = rescale(a, scale);
  const y = rescale(b, scale);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** The nearest JS number (correctly rounded). */
export function toNumber(d: Decimal): number {
  return Number(toText(d));
}

export function toText(d: Decimal): string {
  const neg = d.int < 0n;
  let s = (neg ? -d.int : d.int).toString();
  if (d.scale > 0) {
    s = s.padStart(d.scale + 1, '0');
    s = `${s.slice(0, -d.scale)}.${s.slice(-d.scale)}`;
  }
  return neg ? `-${s}` : s;
}

export const ONE: Decimal = { int: 1n, scale: 0 };
