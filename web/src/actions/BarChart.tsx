// A horizontal bar chart in plain HTML and CSS: each bar is a row with its
// label and its value in text, so it reads the same to a screen reader
// (a table underneath, with a caption) as it looks.
import { barPercent, niceMax } from './chart';

export interface Bar {
  key: string;
  label: string;
  value: number;
  /** Text shown after the bar; the value when omitted. */
  valueText?: string;
  /** A second, overlaid part of the bar (e.g. overdue of open). */
  part?: number;
  partLabel?: string;
  tone?: string;
}

export function BarChart({ caption, bars, max, unit, partName }: {
  caption: string;
  bars: readonly Bar[];
  /** Axis maximum; a nice round number above the largest value when omitted. */
  max?: number;
  unit?: string;
  partName?: string;
}) {
  const axis = max ?? niceMax(Math.max(0, ...bars.map((b) => b.value)));
  return (
    <table className="bar-chart">
      <caption>{caption}</caption>
      <thead className="sr-only">
        <tr>
          <th scope="col">Item</th>
          <th scope="col">{unit ?? 'Value'}</th>
        </tr>
      </thead>
      <tbody>
        {bars.map((b) => (
          <tr key={b.key}>
            <th scope="row" className="bar-label">{b.label}</th>
            <td className="bar-cell">
              <span className="bar-track" aria-hidden="true">
                <span className={`bar bar-${b.tone ?? 'default'}`} style={{ width: `${barPercent(b.value, axis)}%` }}>
                  {b.part != null && b.part > 0 && b.value > 0 && (
                    <span className="bar-part" style={{ width: `${barPercent(b.part, b.value, 2)}%` }} />
                  )}
                </span>
              </span>
              <span className="bar-value">
                {b.valueText ?? b.value.toLocaleString('en-GB')}
                {b.part != null && b.part > 0 && <span className="bar-part-text"> ({b.part} {b.partLabel ?? partName ?? ''})</span>}
              </span>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
