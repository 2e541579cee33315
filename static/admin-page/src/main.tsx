import { createRoot } from 'react-dom/client';
import '../../common/src/screens.css';
import { WithContext } from '../../common/src/ui';
import { AdminPage } from './AdminPage';

createRoot(document.getElementById('root')!).render(
  <WithContext shape="admin-page">{(ctx) => <AdminPage ctx={ctx} />}</WithContext>,
);
