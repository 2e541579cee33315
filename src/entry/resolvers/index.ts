/**
 * The Custom UI resolvers: one Forge resolver per screen, built with @forge/resolver's `makeResolver` from the
 * definitions of src/shared/contracts.ts (a function missing, extra or of another shape fails the build).
 */
import { makeResolver } from '@forge/resolver';
import type { AdminResolver, DeskResolver, IssuePanelResolver, PortalResolver } from '../../shared/contracts';
import {
  checkConfig,
  exportConfig,
  findPeople,
  getConfig,
  importConfig,
  listHolidayPlaces,
  listProjects,
  listSiteValues,
  saveConfig,
  setupCheck,
} from './admin/config-resolvers';
import { previewCoverageChange } from './admin/coverage-change-resolver';
import { listDeadLetters, retryDeadLetter } from './admin/dead-letter-resolvers';
import { getSlaJobs, resumeSlaJob, startSlaRecompute, startSlaWhatIf } from './admin/sla-job-resolvers';
import { getAtRiskQueue } from './desk/get-at-risk-queue';
import { getSlaReport, getSlaReportRows } from './desk/sla-report-resolvers';
import { escalate } from './escalate';
import { getIssuePanelView } from './issue-panel/get-view';
import { closeAsConsulting, recordScheduledOperation, recordThirdParty } from './issue-panel/record-actions';
import { getPortalView } from './portal/get-view';

export const issuePanelResolver = makeResolver<IssuePanelResolver>({
  getIssuePanelView: (req) => getIssuePanelView(req),
  escalateRequest: (req) => escalate(req),
  closeAsConsulting,
  recordThirdParty,
  recordScheduledOperation,
});

export const portalResolver = makeResolver<PortalResolver>({
  getPortalView: (req) => getPortalView(req),
  escalateRequest: (req) => escalate(req),
});

export const adminResolver = makeResolver<AdminResolver>({
  getConfig,
  validateConfig: checkConfig,
  saveConfig,
  setupCheck,
  exportConfig,
  importConfig,
  findPeople,
  listServiceProjects: listProjects,
  listSiteValues,
  previewCoverageChange,
  listHolidayPlaces,
  listDeadLetters,
  retryDeadLetter,
  startSlaRecompute,
  startSlaWhatIf,
  getSlaJobs,
  resumeSlaJob,
});

export const deskResolver = makeResolver<DeskResolver>({
  getAtRiskQueue: (req) => getAtRiskQueue(req),
  getSlaReport: (req) => getSlaReport(req),
  getSlaReportRows: (req) => getSlaReportRows(req),
});
