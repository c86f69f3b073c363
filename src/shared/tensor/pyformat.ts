/**
 * @file Python's float formatting ('{:.4f}', '{:.4e}', '{}' of ints/bools) in JS, digit for digit.
 *
 * [Note: ties in float formatting] JS's toFixed/toExponential round exact decimal ties away from zero; Python
 * rounds them to even (1.03125 → '1.0312'). Ties are rare and exactly detectable: the double m·2^e is a tie at
 * k decimals when 2·m·2^e·10^k is an odd integer, which BigInt checks exactly. Only strings whose next digit
 * is a 5 pay for the check.
 */

const view = new DataView(new ArrayBuffer(8));

/** x = m · 2^e exactly, for finite x > 0. */
function decompose(x: number): [bigint, number] {
  view.setFloat64(0, x);
  const bits = view.getBigUint64(0);
  const exp = Number((bits >> 52n) & 0x7ffn);
  const mant = bits & ((1n << 52n) - 1n);
  return exp === 0 ? [mant, -1074] : [mant | (1n << 52n), exp - 1075];
}

/** Whether x·10^k lies exactly halfway between two integers. */
function isTie(x: number, k: number): boolean {
  const [m, e] = decompose(x);
  let num = 2n * m, den = 1n;
  if (e > 0) num <<= BigInt(e); else den <<= BigInt(-e);
  if (k > 0) num *= 10n ** BigInt(k); else if (k < 0) den *= 10n ** BigInt(-k);
  return num % den === 0n && (num / den) % 2n === 1n;
}

const nonFinite = (x: number): string => (x !== x ? 'nan' : x > 0 ? 'inf' : '-inf');
const isNeg = (x: number): boolean => x < 0 || Object.is(x, -0);

/** Python's `format(x, '.{p}f')`. */
export function formatFixed(x: number, p: number): string {
  if (!Number.isFinite(x)) return nonFinite(x);
  const ax = Math.abs(x);
  let s: string;
  if (ax >= 1e21) s = BigInt(ax).toString() + (p > 0 ? '.' + '0'.repeat(p) : '');
  else {
    s = ax.toFixed(p);
    if (ax !== 0) {
      const longer = ax.toFixed(p + 1);
      if (longer.endsWith('5') && isTie(ax, p)) {
        let down = longer.slice(0, -1);
        if (down.endsWith('.')) down = down.slice(0, -1);
        if (Number(down[down.length - 1]) % 2 === 0) s = down;
      }
    }
  }
  return isNeg(x) ? '-' + s : s;
}

/** Python's `format(x, '.{p}e')` (two-digit minimum exponent). */
export function formatExp(x: number, p: number): string {
  if (!Number.isFinite(x)) return nonFinite(x);
  const ax = Math.abs(x);
  let s = ax.toExponential(p);
  if (ax !== 0) {
    const longer = ax.toExponential(p + 1);
    const mant = longer.slice(0, longer.indexOf('e'));
    if (mant.endsWith('5')) {
      const e0 = Number(longer.slice(longer.indexOf('e') + 1));
      if (isTie(ax, p - e0)) {
        let down = mant.slice(0, -1);
        if (down.endsWith('.')) down = down.slice(0, -1);
        if (Number(down[down.length - 1]) % 2 === 0) s = `${down}e${e0 >= 0 ? '+' : ''}${e0}`;
      }
    }
  }
  const i = s.indexOf('e');
  const e = Number(s.slice(i + 1));
  const exp = `${e < 0 ? '-' : '+'}${String(Math.abs(e)).padStart(2, '0')}`;
  return `${isNeg(x) ? '-' : ''}${s.slice(0, i)}e${exp}`;
}

/** Python's `str()` of an int value held in a double (exact below 2^53; see [Note: int64 storage]). */
export function formatInt(x: number): string {
  return Math.abs(x) < 1e21 ? String(x === 0 ? 0 : x) : BigInt(x).toString();
}

/** Python's `repr()` of a float: shortest round-trip digits, Python's exponent rules. */
export function formatPyFloat(x: number): string {
  if (!Number.isFinite(x)) return nonFinite(x);
  if (x === 0) return isNeg(x) ? '-0.0' : '0.0';
  const ax = Math.abs(x);
  const sign = x < 0 ? '-' : '';
  const [m, eStr] = ax.toExponential().split('e'); // shortest round-trip digits
  const e = Number(eStr);
  // Python switches to exponent form when the decimal exponent is < -4 or >= 16.
  if (e < -4 || e >= 16) return `${sign}${m}e${e < 0 ? '-' : '+'}${String(Math.abs(e)).padStart(2, '0')}`;
  const digits = m.replace('.', '');
  let s: string;
  if (e >= 0) {
    s = digits.length > e + 1 ? `${digits.slice(0, e + 1)}.${digits.slice(e + 1)}` : `${digits}${'0'.repeat(e + 1 - digits.length)}.0`;
  } else s = `0.${'0'.repeat(-e - 1)}${digits}`;
  return sign + s;
}
