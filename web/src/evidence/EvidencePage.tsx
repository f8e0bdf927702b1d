// Placeholder, replaced by the Evidence trace screen.
export function EvidencePage() {
  return (
    <section className="page">
      <h1>Evidence trace</h1>
    </section>
  );
}
