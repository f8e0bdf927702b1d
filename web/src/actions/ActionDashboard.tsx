// Placeholder, replaced by the Action dashboard screen.
export function ActionDashboard() {
  return (
    <section className="page">
      <h1>Action dashboard</h1>
    </section>
  );
}
