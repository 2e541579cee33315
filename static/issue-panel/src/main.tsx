// STUB (issue #7): placeholder screen until the Custom UI issue builds it.
import { createRoot } from 'react-dom/client';
import { invoke } from '@forge/bridge';

function App() {
  return <p data-testid="placeholder">Support rules: issue-panel (coming soon)</p>;
}

createRoot(document.getElementById('root')!).render(<App />);
void invoke;
