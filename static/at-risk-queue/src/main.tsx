import { createRoot } from 'react-dom/client';
import '../../common/src/screens.css';
import { WithContext } from '../../common/src/ui';
import { QueuePage } from './QueuePage';

createRoot(document.getElementById('root')!).render(
  <WithContext shape="at-risk-queue">{(ctx) => <QueuePage ctx={ctx} />}</WithContext>,
);
