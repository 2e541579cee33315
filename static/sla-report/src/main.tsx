import { createRoot } from 'react-dom/client';
import '../../common/src/screens.css';
import { WithContext } from '../../common/src/ui';
import { ReportPage } from './ReportPage';

createRoot(document.getElementById('root')!).render(
  <WithContext shape="sla-report">{(ctx) => <ReportPage ctx={ctx} />}</WithContext>,
);
