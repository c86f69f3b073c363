/**
 * @file ANSI colour codes (as in IPython tracebacks) turned into styled text segments, or removed.
 *
 * Only SGR sequences (ESC [ … m) carry meaning for output; any other escape sequence is dropped. Colours become
 * CSS classes for the 16 standard colours (so the theme decides the palette) and inline colours for the 256-colour
 * and true-colour forms.
 */

export interface AnsiSegment {
  text: string;
  /** CSS classes: `ansi-red-fg`, `ansi-bright-blue-bg`, `ansi-bold`, `ansi-underline`… */
  classes: string[];
  /** Inline colours for 256-colour and RGB codes. */
  fg?: string;
  bg?: string;
}

const NAMES = ['black', 'red', 'green', 'yellow', 'blue', 'magenta', 'cyan', 'white'] as const;
// eslint-disable-next-line no-control-regex
const ESCAPE = /\u001b\[([0-9;]*)([A-Za-z])|\u001b[^[]/g;

/** Text with every escape sequence removed. */
export function stripAnsi(text: string): string {
  return text.replace(ESCAPE, '');
}

interface Style {
  fg?: string;
  bg?: string;
  fgClass?: string;
  bgClass?: string;
  bold: boolean;
  italic: boolean;
  underline: boolean;
}

function color256(n: number): string | { cls: number } {
  if (n < 16) return { cls: n };
  if (n < 232) {
    const c = n - 16;
    const level = (v: number) => (v === 0 ? 0 : 55 + v * 40);
    return `rgb(${level(Math.floor(c / 36))}, ${level(Math.floor(c / 6) % 6)}, ${level(c % 6)})`;
  }
  const g = 8 + (n - 232) * 10;
  return `rgb(${g}, ${g}, ${g})`;
}

const standardClass = (n: number, layer: 'fg' | 'bg') =>
  n < 8 ? `ansi-${NAMES[n]}-${layer}` : `ansi-bright-${NAMES[n - 8]}-${layer}`;

/** Applies one SGR parameter list to a style. */
function applySgr(style: Style, params: number[]): void {
  if (params.length === 0) params = [0];
  for (let i = 0; i < params.length; i++) {
    const p = params[i]!;
    if (p === 0) Object.assign(style, { fg: undefined, bg: undefined, fgClass: undefined, bgClass: undefined, bold: false, italic: false, underline: false });
    else if (p === 1) style.bold = true;
    else if (p === 3) style.italic = true;
    else if (p === 4) style.underline = true;
    else if (p === 22) style.bold = false;
    else if (p === 23) style.italic = false;
    else if (p === 24) style.underline = false;
    else if (p >= 30 && p <= 37) [style.fgClass, style.fg] = [standardClass(p - 30, 'fg'), undefined];
    else if (p >= 90 && p <= 97) [style.fgClass, style.fg] = [standardClass(p - 90 + 8, 'fg'), undefined];
    else if (p >= 40 && p <= 47) [style.bgClass, style.bg] = [standardClass(p - 40, 'bg'), undefined];
    else if (p >= 100 && p <= 107) [style.bgClass, style.bg] = [standardClass(p - 100 + 8, 'bg'), undefined];
    else if (p === 39) [style.fgClass, style.fg] = [undefined, undefined];
    else if (p === 49) [style.bgClass, style.bg] = [undefined, undefined];
    else if (p === 38 || p === 48) {
      const layer = p === 38 ? 'fg' : 'bg';
      let value: string | { cls: number } | undefined;
      if (params[i + 1] === 5 && params[i + 2] !== undefined) {
        value = color256(params[i + 2]!);
        i += 2;
      } else if (params[i + 1] === 2 && params[i + 4] !== undefined) {
        value = `rgb(${params[i + 2]}, ${params[i + 3]}, ${params[i + 4]})`;
        i += 4;
      }
      if (typeof value === 'string') {
        if (layer === 'fg') [style.fg, style.fgClass] = [value, undefined];
        else [style.bg, style.bgClass] = [value, undefined];
      } else if (value) {
        if (layer === 'fg') [style.fgClass, style.fg] = [standardClass(value.cls, 'fg'), undefined];
        else [style.bgClass, style.bg] = [standardClass(value.cls, 'bg'), undefined];
      }
    }
  }
}

/** Splits text into segments of one style each. Text without escapes is one plain segment. */
export function ansiToSegments(text: string): AnsiSegment[] {
  const segments: AnsiSegment[] = [];
  const style: Style = { bold: false, italic: false, underline: false };
  const push = (t: string) => {
    if (!t) return;
    const classes = [style.fgClass, style.bgClass].filter((c): c is string => !!c);
    if (style.bold) classes.push('ansi-bold');
    if (style.italic) classes.push('ansi-italic');
    if (style.underline) classes.push('ansi-underline');
    const seg: AnsiSegment = { text: t, classes };
    if (style.fg) seg.fg = style.fg;
    if (style.bg) seg.bg = style.bg;
    segments.push(seg);
  };
  let last = 0;
  for (const m of text.matchAll(ESCAPE)) {
    push(text.slice(last, m.index));
    last = m.index + m[0].length;
    if (m[2] === 'm') applySgr(style, (m[1] ?? '').split(';').filter((s) => s !== '').map(Number));
  }
  push(text.slice(last));
  return segments;
}
