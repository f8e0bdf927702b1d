// Placeholder, replaced by the entity screens: a compact card for an entity.
export function EntityCard({ id }: { id: string; onClose?: () => void }) {
  return <section aria-label="Entity">{id}</section>;
}
