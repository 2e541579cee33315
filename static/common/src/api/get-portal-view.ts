import { PORTAL, type Language, type PortalView } from '../../../../src/shared/contracts';
import { call } from './call';

/** The customer's view of the request shown in the portal. */
export const getPortalView = (lang: Language) => call<PortalView>(PORTAL.getView, { lang });
