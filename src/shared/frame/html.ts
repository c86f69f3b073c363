/**
 * @file _repr_html_: the table Jupyter shows for a DataFrame (pandas 1.5's to_html(notebook=True)), with the same
 * cell text as print(df) (stripped) and the same truncation: 60 rows (then 5 + 5) and 20 columns (then 10 + 10).
 */
import { colLength, take } from './column';
import { DataFrame } from './frame';
import { formatColumn, makeFixedWidth } from './format-values';
import { formatIndexLabels } from './format';

const STYLE = `<style scoped>
    .dataframe tbody tr th:only-of-type {
        vertical-align: middle;
    }

    .dataframe tbody tr th {
        vertical-align: top;
    }

    .dataframe thead th {
        text-align: right;
    }
</style>`;

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function frameHtml(df: DataFrame, maxRows = 60, minRows = 10, maxCols = 20): string {
  const truncRows = df.nrows > maxRows;
  const truncCols = df.ncols > maxCols;
  const half = Math.floor(minRows / 2);
  const rows = truncRows ? [...Array(half).keys(), ...Array.from({ length: half }, (_, i) => df.nrows - half + i)] : null;
  const chalf = Math.floor(maxCols / 2);
  const cpos = truncCols ? [...Array(chalf).keys(), ...Array.from({ length: chalf }, (_, i) => df.ncols - chalf + i)] : [...Array(df.ncols).keys()];
  const shownCols = cpos.map((j) => (rows ? take(df.cols[j], rows) : df.cols[j]));
  const index = rows ? df.index.take(rows) : df.index;
  const cells = shownCols.map((c) => makeFixedWidth(formatColumn(c, true), 'right').map((s) => esc(s.trim())));
  const labels = formatIndexLabels(df.columns.take(cpos)).map(esc);
  const idx = formatIndexLabels(index).map((s) => esc(s.trim()));
  const out: string[] = ['<div>', STYLE, '<table border="1" class="dataframe">', '  <thead>', '    <tr style="text-align: right;">', '      <th></th>'];
  labels.forEach((l, k) => {
    if (truncCols && k === chalf) out.push('      <th>...</th>');
    out.push(`      <th>${l}</th>`);
  });
  out.push('    </tr>', '  </thead>', '  <tbody>');
  const n = index.length;
  for (let r = 0; r < n; r++) {
    if (truncRows && r === half) {
      out.push('    <tr>', '      <th>...</th>');
      for (let k = 0; k <= cells.length - (truncCols ? 0 : 1); k++) out.push('      <td>...</td>');
      out.push('    </tr>');
    }
    out.push('    <tr>', `      <th>${idx[r]}</th>`);
    cells.forEach((col, k) => {
      if (truncCols && k === chalf) out.push('      <td>...</td>');
      out.push(`      <td>${col[r]}</td>`);
    });
    out.push('    </tr>');
  }
  out.push('  </tbody>', '</table>');
  if (truncRows || truncCols) out.push(`<p>${df.nrows} rows × ${df.ncols} columns</p>`);
  out.push('</div>');
  void colLength;
  return out.join('\n');
}
