// Placeholder, replaced by the entity screens.
import { useParams } from 'react-router-dom';
export function EntityPage() {
  const { id } = useParams();
  return <h1>{id}</h1>;
}
