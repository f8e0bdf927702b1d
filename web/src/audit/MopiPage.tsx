// Placeholder, replaced by the MOPI review screen.
export function MopiPage() {
  return (
    <section className="page">
      <h1>MOPI review</h1>
    </section>
  );
}
