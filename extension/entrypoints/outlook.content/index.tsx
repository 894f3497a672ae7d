import { defineContentScript } from 'wxt/utils/define-content-script';
import { createOutlookHost } from '../../hosts/outlook/outlook-host';
import { guard, startSidebar } from '../../utils/mount-sidebar';

export default defineContentScript({
  matches: ['https://outlook.office.com/*', 'https://outlook.office365.com/*', 'https://outlook.live.com/*'],
  cssInjectionMode: 'manual',
  runAt: 'document_idle',
  main(ctx) {
    guard('outlook content script', () => startSidebar(ctx, createOutlookHost()))();
  },
});
