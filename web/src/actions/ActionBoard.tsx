// Placeholder, replaced by the Action board screen.
export function ActionBoard() {
  return (
    <section className="page">
      <h1>Action board</h1>
    </section>
  );
}
