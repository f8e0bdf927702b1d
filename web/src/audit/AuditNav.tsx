// The sub-navigation shared by the audit screens.
import { NavLink } from 'react-router-dom';

export function AuditNav() {
  return (
    <nav className="audit-subnav" aria-label="Audit and review">
      <NavLink to="/audit" end>Audit trail</NavLink>
      <NavLink to="/audit/mopi">MOPI review queue</NavLink>
    </nav>
  );
}
