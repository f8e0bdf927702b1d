// The priority score and its per-factor breakdown: one bar per factor (the
// points it gave out of the points it can give), with the numbers as text
// beside each bar and the model's own explanation under it. Drawn in SVG
// with presentation attributes only (no inline styles: the CSP forbids
// them), and readable without the drawing: the figures are all text.
import { bandLabel, breakdown, formatScore, scoreRange, type FactorLike } from './logic';

export interface ScoreLike {
  score: number;
  band: string;
  modelVersion?: string | null;
  scoredAt?: string | null;
  inputs?: string | null;
  factors: readonly FactorLike[];
}

export function BandPill({ band, score }: { band: string | null | undefined; score?: number | null }) {
  const b = band ? band.toLowerCase() : 'none';
  return (
    <span className={`band-pill band-${b}`}>
      {bandLabel(band)}{score != null && <> <span className="band-score">{formatScore(score)}</span></>}
    </span>
  );
}

export function PriorityBreakdown({ priority, idPrefix, compact }: { priority: ScoreLike; idPrefix: string; compact?: boolean }) {
  const b = breakdown(priority.factors, priority.score);
  const range = scoreRange(priority.inputs);
  // One scale for every bar (the largest factor's maximum fills the track), so lengths compare.
  const scale = Math.max(1, ...b.rows.map((r) => r.max));
  return (
    <div className="priority">
      <div className="priority-head">
        <span className="priority-score" aria-label={`Score ${formatScore(priority.score)} out of 100`}>{formatScore(priority.score)}<span className="muted"> / 100</span></span>
        <BandPill band={priority.band} />
        {range && (
          <span className="priority-range" title={`${range.confidence} confidence: the assessment supports a score in this range; confidence does not change the score`}>
            range {formatScore(range.low)}–{formatScore(range.high)} ({range.confidence.toLowerCase()} confidence)
          </span>
        )}
      </div>
      <table className="breakdown" aria-describedby={`${idPrefix}-caption`}>
        <caption id={`${idPrefix}-caption`} className="sr-only">Priority score breakdown by factor: points contributed out of the points each factor can give, and the factor's value</caption>
        <thead>
          <tr>
            <th scope="col">Factor</th>
            <th scope="col" className="num">Points</th>
            <th scope="col" className="num">Value</th>
          </tr>
        </thead>
        <tbody>
          {b.rows.map((r) => (
            <tr key={r.name}>
              <th scope="row">
                <span className="breakdown-name">{r.label}</span>
                <svg className="breakdown-bar" viewBox={`0 0 ${scale} 10`} preserveAspectRatio="none" aria-hidden="true" focusable="false">
                  <rect className="bar-max" x="0" y="1" width={r.max} height="8" rx="1" />
                  <rect className="bar-val" x="0" y="1" width={Math.min(r.max, r.barPoints)} height="8" rx="1" />
                </svg>
                {!compact && <span className="breakdown-why">{r.explanation}</span>}
              </th>
              <td className="num nowrap">{r.points.toFixed(1)} <span className="muted">of {r.max.toFixed(0)}</span></td>
              <td className="num">{r.percent}%</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">Total</th>
            <td className="num nowrap"><strong>{b.total.toFixed(1)}</strong> <span className="muted">of 100</span></td>
            <td />
          </tr>
        </tfoot>
      </table>
      {!b.addsUp && <p className="warn">The contributions add up to {b.total.toFixed(1)}, not the score {formatScore(priority.score)}: challenge this score.</p>}
      {(priority.modelVersion || priority.scoredAt) && (
        <p className="muted small">Model {priority.modelVersion ?? '—'}{priority.scoredAt ? ` · scored ${new Date(priority.scoredAt).toLocaleString('en-GB', { timeZone: 'UTC' })} UTC` : ''}</p>
      )}
    </div>
  );
}
