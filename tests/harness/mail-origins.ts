/** The real origins the extension's content scripts match; the fixture server answers for all of them. */
export const GMAIL_HOST = 'mail.google.com';
export const OUTLOOK_HOSTS = ['outlook.office.com', 'outlook.office365.com', 'outlook.live.com'] as const;
export const MAIL_HOSTS = [GMAIL_HOST, ...OUTLOOK_HOSTS] as const;
export type MailHostName = (typeof MAIL_HOSTS)[number];

export function isMailHost(host: string): host is MailHostName {
  return (MAIL_HOSTS as readonly string[]).includes(host);
}
