// Placeholder, replaced by the Audit trail screen.
export function AuditPage() {
  return (
    <section className="page">
      <h1>Audit trail</h1>
    </section>
  );
}
