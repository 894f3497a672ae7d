import type { PanelDefinition } from '../panel-types';
import { awaitingPanel } from './awaiting-panel';
import { contactPanel } from './contact-panel';
import { healthPanel } from './health-panel';
import { initiationPanel } from './initiation-panel';
import { promisesPanel } from './promises-panel';
import { reportPanel } from './report-panel';
import { responseLagPanel } from './response-lag-panel';
import { riskPanel } from './risk-panel';
import { touchpointPanel } from './touchpoint-panel';

/**
 * The sidebar's panels, in display order: the ONLY list. A panel file that is not listed here fails
 * panels.test.ts. Order: the health score and its reasons first (the summary the user reads
 * first), then what needs action (risks, waiting, promises), then the figures.
 */
export const PANELS: readonly PanelDefinition[] = [
  healthPanel,
  riskPanel,
  awaitingPanel,
  promisesPanel,
  initiationPanel,
  responseLagPanel,
  contactPanel,
  touchpointPanel,
  reportPanel,
];
