// Placeholder, replaced by the Targets by priority screen.
export function TargetsPage() {
  return (
    <section className="page">
      <h1>Targets by priority</h1>
    </section>
  );
}
