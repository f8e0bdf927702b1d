// Placeholder, replaced by the entity screens: a link's provenance panel.
export function LinkProvenance({ id }: { id: string; onClose?: () => void }) {
  return <section aria-label="Link provenance">{id}</section>;
}
