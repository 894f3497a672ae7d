// The mail readers, for the CLI and the import/sync connectors. Everything yields NormalizedMessage.
export { InputError } from './input-error';
export type { MailItem } from './mail-item';
export { sniffFormat, type MailFormat } from './detect-format';
export { openMailSource, type MailSource, type OpenMailSourceOptions } from './open-mail-source';
export { readJsonl } from './jsonl-reader';
export { readMbox } from './mbox-reader';
export { readEml, listEmlFiles } from './eml-reader';
export { createMimeParser, type ParsedMail, type MimeParser } from './mime/mime-parser';
export { toNormalizedMessage, isNormalizedHeader, KEPT_HEADERS } from './to-normalized';
export { normalizeMessageId, parseMessageIdList } from './message-id';
