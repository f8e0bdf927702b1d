// Placeholder, replaced by the link chart.
export function ChartPage() {
  return <h1>Link chart</h1>;
}
