import '../../components/sidebar.css';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { createGmailHost } from '../../hosts/gmail/gmail-host';
import { guard, startSidebar } from '../../utils/mount-sidebar';

export default defineContentScript({
  matches: ['https://mail.google.com/*'],
  // The stylesheet goes into the sidebar's shadow root only, never into Gmail's document.
  cssInjectionMode: 'ui',
  runAt: 'document_idle',
  main(ctx) {
    guard('gmail content script', () => startSidebar(ctx, createGmailHost()))();
  },
});
