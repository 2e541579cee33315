import { createRoot } from 'react-dom/client';
import '../../common/src/screens.css';
import { WithContext } from '../../common/src/ui';
import { ReportPage } from './ReportPage';

createRoot(document.getElementById('root')!).render(<WithContext>{(ctx) => <ReportPage ctx={ctx} />}</WithContext>);
