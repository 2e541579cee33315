// Forge handlers, re-exported for manifest.yml (`handler: index.<name>`). Nothing else lives here.
// Every handler runs only while the app is licensed (src/entry/shared/licensed.ts).
import { consumeWork as consume } from './entry/consumers';
import {
  issuePanelResolver as issuePanel,
  portalResolver as portal,
  adminResolver as admin,
  deskResolver as desk,
} from './entry/resolvers';
import { sweepReminders as sweep, sweepSlaAlerts as slaSweep } from './entry/scheduled';
import { resolverWhenLicensed, whenLicensed } from './entry/shared/licensed';
import {
  onRequestCreated as created,
  onRequestUpdated as updated,
  onRequestCommented as commented,
} from './entry/triggers';

// product-event triggers
export const onRequestCreated = whenLicensed('request-created', created);
export const onRequestUpdated = whenLicensed('request-updated', updated);
export const onRequestCommented = whenLicensed('request-commented', commented);

// scheduled triggers
export const sweepReminders = whenLicensed('reminder-sweep', sweep);
export const sweepSlaAlerts = whenLicensed('sla-alert-sweep', slaSweep);

// queue consumers
export const consumeWork = whenLicensed('work-consumer', consume);

// Custom UI resolvers
export const issuePanelResolver = resolverWhenLicensed(issuePanel);
export const portalResolver = resolverWhenLicensed(portal);
export const adminResolver = resolverWhenLicensed(admin);
export const deskResolver = resolverWhenLicensed(desk);
