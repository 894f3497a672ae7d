import { describe, expect, it } from 'vitest';
import { censoredTree, layoutReport } from './layout-report';

describe('layout report', () => {
  it('keeps tags, roles and structural attributes; never text, names, addresses or ids of mail', () => {
    const div = document.createElement('div');
    div.setAttribute('data-app-section', 'MailReadCompose');
    div.innerHTML =
      '<div role="heading" aria-level="3" id="CONV_AAQkADk3NGJjZmQ0LTRm_SUBJECT" title="Renewal terms for Dana">Renewal terms for Dana</div>' +
      '<div aria-label="Email message" role="region"><span id="MSG_1_FROM"><span title="dana.lee@northwind.example">Dana Lee</span></span>' +
      '<div data-testid="SentReceivedSavedTime" title="Mon 11/16/2026 8:05 AM">Mon</div><div id="UniqueMessageBody_1" role="document">Secret terms: 40% off</div></div>';
    const tree = censoredTree(div);
    expect(tree).toContain('<div data-app-section="MailReadCompose">');
    expect(tree).toContain('role="heading" aria-level="3" id="CONV_…_SUBJECT" title="…">…</div>');
    expect(tree).toContain('<div data-testid="SentReceivedSavedTime" title="…">…</div>');
    expect(tree).toContain('<div id="UniqueMessageBody_1" role="document">…</div>');
    expect(tree).toContain('aria-label="…"');
    expect(tree).not.toMatch(/Dana|dana|northwind|Secret|40%|11\/16|AAQk/);
  });

  it('names the page shape without the ids in the URL', () => {
    const report = layoutReport({
      host: 'Outlook',
      url: new URL('https://outlook.office.com/mail/inbox/id/AAQkADk3NGJjZmQ0LTRmNTMtNDk4OC05ZTY0%3D'),
      findings: ['readingPane: 1 by strategy 1 of 4'],
      region: null,
      language: 'de-DE',
    });
    expect(report).toContain('page: https://outlook.office.com/mail/inbox/id/…');
    expect(report).toContain('language: de-DE');
    expect(report).not.toContain('AAQk');
  });
});
