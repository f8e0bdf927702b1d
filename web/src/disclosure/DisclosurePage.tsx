// Placeholder, replaced by the Disclosure screen.
export function DisclosurePage() {
  return (
    <section className="page">
      <h1>Disclosure</h1>
    </section>
  );
}
