// Placeholder, replaced by the search screen.
export function SearchBox() {
  return <input type="search" aria-label="Search entities" placeholder="Search" />;
}
