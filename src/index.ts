// Forge handlers, re-exported for manifest.yml (`handler: index.<name>`). Nothing else lives here.

// product-event triggers
export { onRequestCreated, onRequestUpdated, onRequestCommented } from './entry/triggers';

// scheduled triggers
export { sweepReminders } from './entry/scheduled';

// queue consumers
export { consumeWork } from './entry/consumers';

// Custom UI resolvers
export { issuePanelResolver, portalResolver, adminResolver } from './entry/resolvers';
