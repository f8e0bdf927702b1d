// Placeholder, replaced by the Target package screen.
export function PackagePage() {
  return (
    <section className="page">
      <h1>Target package</h1>
    </section>
  );
}
