import { createRoot } from 'react-dom/client';
import '../../common/src/screens.css';
import { WithContext } from '../../common/src/ui';
import { EscalateDialog } from './EscalateDialog';
import { RequestPanel } from './RequestPanel';

/** One resource, two portal modules: the request's panel, and the escalate action's dialog. */
createRoot(document.getElementById('root')!).render(
  <WithContext shape="portal">
    {(ctx) => (ctx.moduleKey === 'portal-escalate' ? <EscalateDialog ctx={ctx} /> : <RequestPanel ctx={ctx} />)}
  </WithContext>,
);
