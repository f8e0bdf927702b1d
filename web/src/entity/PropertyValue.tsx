// One property's value: lists as chips (warning markers in warning colours),
// identifiers in a fixed-width face.
import type { Property } from './properties';

export function PropertyValue({ property: p }: { property: Property }) {
  if (Array.isArray(p.value)) {
    return (
      <ul className={`chips${p.tone ? ` chips-${p.tone}` : ''}`}>
        {p.value.map((v) => <li key={v}>{v}</li>)}
      </ul>
    );
  }
  return <span className={p.tone === 'mono' ? 'mono' : undefined}>{p.value}</span>;
}
