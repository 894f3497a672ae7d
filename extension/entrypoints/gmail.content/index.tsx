import { defineContentScript } from 'wxt/utils/define-content-script';
import { createGmailHost } from '../../hosts/gmail/gmail-host';
import { guard, startSidebar } from '../../utils/mount-sidebar';

export default defineContentScript({
  matches: ['https://mail.google.com/*'],
  // The stylesheet is passed to the shadow root by mount-sidebar (inlined: no fetch per mount), never
  // injected into the page's document.
  cssInjectionMode: 'manual',
  runAt: 'document_idle',
  main(ctx) {
    guard('gmail content script', () => startSidebar(ctx, createGmailHost()))();
  },
});
