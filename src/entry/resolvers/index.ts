/**
 * The Custom UI resolvers: one Forge resolver per screen, each function named by src/shared/contracts.ts.
 */
import Resolver from '@forge/resolver';
import { ADMIN, ISSUE_PANEL, PORTAL } from '../../shared/contracts';
import {
  checkConfig,
  exportConfig,
  findPeople,
  getConfig,
  importConfig,
  saveConfig,
  setupCheck,
} from './admin/config-resolvers';
import { escalate } from './escalate';
import { getIssuePanelView } from './issue-panel/get-view';
import { closeAsConsulting, recordScheduledOperation, recordThirdParty } from './issue-panel/record-actions';
import { getPortalView } from './portal/get-view';

export const issuePanelResolver = new Resolver()
  .define(ISSUE_PANEL.getView, (req) => getIssuePanelView(req))
  .define(ISSUE_PANEL.escalate, (req) => escalate(req))
  .define(ISSUE_PANEL.closeAsConsulting, closeAsConsulting)
  .define(ISSUE_PANEL.recordThirdParty, recordThirdParty)
  .define(ISSUE_PANEL.recordScheduledOperation, recordScheduledOperation)
  .getDefinitions();

export const portalResolver = new Resolver()
  .define(PORTAL.getView, (req) => getPortalView(req))
  .define(PORTAL.escalate, (req) => escalate(req))
  .getDefinitions();

export const adminResolver = new Resolver()
  .define(ADMIN.getConfig, getConfig)
  .define(ADMIN.validateConfig, checkConfig)
  .define(ADMIN.saveConfig, saveConfig)
  .define(ADMIN.setupCheck, setupCheck)
  .define(ADMIN.exportConfig, exportConfig)
  .define(ADMIN.importConfig, importConfig)
  .define(ADMIN.findPeople, findPeople)
  .getDefinitions();
