// The question settings: the traversal filter shared by every question,
// and each question's own parameters.
import type { EntityKind, LinkType, PathMode } from '../gql/graphql';
import type { Measure } from './model';
import { API_KINDS, LINK_TYPES, type Settings } from './settings';
import { linkTypeLabel } from './model';

function toggle<T>(list: readonly T[], v: T, on: boolean): T[] {
  return on ? (list.includes(v) ? [...list] : [...list, v]) : list.filter((x) => x !== v);
}

export function SettingsForm({ settings, onChange }: { settings: Settings; onChange: (s: Settings) => void }) {
  const set = <K extends keyof Settings>(k: K, v: Settings[K]) => onChange({ ...settings, [k]: v });
  const all = settings.linkTypes.length === LINK_TYPES.length;
  return (
    <div className="settings">
      <fieldset>
        <legend>Link types</legend>
        <div className="check-grid">
          {LINK_TYPES.map((t) => (
            <label key={t}>
              <input type="checkbox" checked={settings.linkTypes.includes(t)} onChange={(e) => set('linkTypes', toggle<LinkType>(settings.linkTypes, t, e.target.checked))} />
              {linkTypeLabel(t)}
            </label>
          ))}
        </div>
        <button type="button" className="link-btn" onClick={() => set('linkTypes', all ? [] : [...LINK_TYPES])}>{all ? 'Clear link types' : 'All link types'}</button>
      </fieldset>
      <fieldset>
        <legend>Time and confidence</legend>
        <div className="field-row">
          <label>Seen after <input type="date" value={settings.seenAfter} onChange={(e) => set('seenAfter', e.target.value)} /></label>
          <label>Seen before <input type="date" value={settings.seenBefore} onChange={(e) => set('seenBefore', e.target.value)} /></label>
        </div>
        <label className="field-row">
          Minimum confidence
          <input type="number" min={0} max={1} step={0.05} value={settings.minConfidence} onChange={(e) => set('minConfidence', Math.max(0, Math.min(1, Number(e.target.value) || 0)))} />
        </label>
      </fieldset>
      <fieldset>
        <legend>Entity kinds</legend>
        <table className="kind-table">
          <thead><tr><th scope="col">Kind</th><th scope="col">Avoid</th><th scope="col">Pass through only</th></tr></thead>
          <tbody>
            {API_KINDS.map((k) => (
              <tr key={k.value}>
                <th scope="row">{k.label}</th>
                <td><input type="checkbox" aria-label={`Avoid ${k.label}`} checked={settings.avoidKinds.includes(k.value)} onChange={(e) => set('avoidKinds', toggle<EntityKind>(settings.avoidKinds, k.value, e.target.checked))} /></td>
                <td><input type="checkbox" aria-label={`Pass through ${k.label}`} checked={settings.throughKinds.includes(k.value)} onChange={(e) => set('throughKinds', toggle<EntityKind>(settings.throughKinds, k.value, e.target.checked))} /></td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className="muted small">“Pass through only” limits the entities a route or expansion may go through; the ends may be of any kind.</p>
      </fieldset>
      <fieldset>
        <legend>Expand and key players</legend>
        <div className="field-row">
          <label>Hops
            <select aria-label="Hops" value={settings.hops} onChange={(e) => set('hops', Number(e.target.value))}>
              <option value={1}>1</option><option value={2}>2</option><option value={3}>3</option>
            </select>
          </label>
          <label>Node budget <input type="number" min={1} max={2000} value={settings.nodeBudget} onChange={(e) => set('nodeBudget', Math.max(1, Math.min(2000, Number(e.target.value) || 1)))} /></label>
        </div>
        <div className="field-row">
          <label>Centrality
            <select aria-label="Centrality" value={settings.measure} onChange={(e) => set('measure', e.target.value as Measure)}>
              <option value="DEGREE">Degree</option>
              <option value="BETWEENNESS">Betweenness</option>
              <option value="CLOSENESS">Closeness</option>
              <option value="EIGENVECTOR">Eigenvector</option>
            </select>
          </label>
          <label>Analyse
            <select aria-label="Analyse" value={settings.keyPlayerScope} onChange={(e) => set('keyPlayerScope', e.target.value as Settings['keyPlayerScope'])}>
              <option value="chart">the chart's entities (or the selection)</option>
              <option value="operation">the whole operation</option>
            </select>
          </label>
        </div>
      </fieldset>
      <fieldset>
        <legend>Paths</legend>
        <div className="field-row">
          <label>Path mode
            <select aria-label="Path mode" value={settings.pathMode} onChange={(e) => set('pathMode', e.target.value as PathMode)}>
              <option value="SHORTEST">Shortest</option>
              <option value="K_SHORTEST">K shortest</option>
              <option value="ALL_SHORTEST">All shortest</option>
            </select>
          </label>
          <label>K <input type="number" min={1} max={10} value={settings.k} disabled={settings.pathMode !== 'K_SHORTEST'} onChange={(e) => set('k', Math.max(1, Math.min(10, Number(e.target.value) || 1)))} /></label>
          <label>Max hops <input type="number" min={1} max={8} value={settings.maxHops} onChange={(e) => set('maxHops', Math.max(1, Math.min(8, Number(e.target.value) || 1)))} /></label>
        </div>
      </fieldset>
      <fieldset>
        <legend>Co-location</legend>
        <div className="field-row">
          <label>Period from <input type="date" value={settings.coFrom} onChange={(e) => set('coFrom', e.target.value)} /></label>
          <label>Period to <input type="date" value={settings.coTo} onChange={(e) => set('coTo', e.target.value)} /></label>
        </div>
        <label className="field-row">Window (minutes) <input type="number" min={0} max={10080} value={settings.coWindow} onChange={(e) => set('coWindow', Math.max(0, Math.min(10080, Number(e.target.value) || 0)))} /></label>
        <p className="muted small">Empty dates use the span of the chart's links. With entities selected, only meetings including one of them.</p>
      </fieldset>
    </div>
  );
}
