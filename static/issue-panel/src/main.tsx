import { createRoot } from 'react-dom/client';
import '../../common/src/screens.css';
import { WithContext } from '../../common/src/ui';
import { IssuePanel } from './IssuePanel';

createRoot(document.getElementById('root')!).render(
  <WithContext shape="issue-panel">{(ctx) => <IssuePanel ctx={ctx} />}</WithContext>,
);
