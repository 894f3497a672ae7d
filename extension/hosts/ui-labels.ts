/**
 * The mail clients' own UI words, for the few elements whose only hook is an accessible label. Every
 * selector tries language-independent hooks (ids, data-*, roles, structure) first; these are the last
 * resort, matched in the languages both clients ship first. The words follow Microsoft's and Google's
 * published UI terminology for each language; a label missing here only costs that one fallback.
 */
export type UiLanguage = 'en' | 'de' | 'fr' | 'es' | 'pt' | 'it' | 'nl' | 'ja';

export type LabelSet = Readonly<Record<UiLanguage, readonly string[]>>;

export const OUTLOOK_LABELS = {
  /** Sender line of a message header: aria-label "From: Tom Becker". */
  from: { en: ['From'], de: ['Von'], fr: ['De'], es: ['De'], pt: ['De'], it: ['Da'], nl: ['Van'], ja: ['差出人'] },
  to: { en: ['To'], de: ['An'], fr: ['À'], es: ['Para'], pt: ['Para'], it: ['A'], nl: ['Aan'], ja: ['宛先'] },
  cc: { en: ['Cc'], de: ['Cc'], fr: ['Cc'], es: ['CC', 'Cc'], pt: ['Cc'], it: ['Cc'], nl: ['CC', 'Cc'], ja: ['CC', 'Cc'] },
  /** The region around one message of a conversation. */
  emailMessage: {
    en: ['Email message'],
    de: ['E-Mail-Nachricht'],
    fr: ['Message électronique', 'Courrier'],
    es: ['Mensaje de correo electrónico'],
    pt: ['Mensagem de email', 'Mensagem de e-mail'],
    it: ['Messaggio di posta elettronica'],
    nl: ['E-mailbericht'],
    ja: ['メール メッセージ'],
  },
  messageBody: {
    en: ['Message body'],
    de: ['Nachrichtentext'],
    fr: ['Corps du message'],
    es: ['Cuerpo del mensaje'],
    pt: ['Corpo da mensagem'],
    it: ['Corpo del messaggio'],
    nl: ['Berichttekst'],
    ja: ['メッセージ本文'],
  },
  readingPane: {
    en: ['Reading Pane', 'Reading pane'],
    de: ['Lesebereich'],
    fr: ['Volet de lecture'],
    es: ['Panel de lectura'],
    pt: ['Painel de Leitura', 'Painel de leitura'],
    it: ['Riquadro di lettura'],
    nl: ['Leesvenster'],
    ja: ['閲覧ウィンドウ'],
  },
} as const satisfies Record<string, LabelSet>;

export const GMAIL_LABELS = {
  /** The account switcher: "Google Account: Name (address)". */
  googleAccount: {
    en: ['Google Account'],
    de: ['Google-Konto'],
    fr: ['Compte Google'],
    es: ['Cuenta de Google'],
    pt: ['Conta do Google'],
    it: ['Account Google'],
    nl: ['Google-account'],
    ja: ['Google アカウント'],
  },
  /** A reply or compose body. */
  messageBody: {
    en: ['Message Body'],
    de: ['Nachrichtentext'],
    fr: ['Corps du message'],
    es: ['Cuerpo del mensaje'],
    pt: ['Corpo da mensagem'],
    it: ['Corpo del messaggio'],
    nl: ['Berichttekst'],
    ja: ['メッセージ本文'],
  },
} as const satisfies Record<string, LabelSet>;

function words(set: LabelSet): string[] {
  return [...new Set(Object.values(set).flat())];
}

function cssString(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/**
 * A selector list matching an attribute against every language's words: `exact` for the whole value,
 * `prefix` for "<word>:" labels such as "From: Tom Becker" (with or without a space before the colon,
 * as French typography has it), `contains` for a word anywhere. `around` wraps each alternative
 * ("{}" is replaced), e.g. `{} span[title*="@"]`.
 */
export function labelSelector(attribute: string, set: LabelSet, mode: 'exact' | 'prefix' | 'contains', around = '{}'): string {
  const alternatives: string[] = [];
  for (const word of words(set)) {
    if (mode === 'exact') alternatives.push(`[${attribute}=${cssString(word)}]`);
    else if (mode === 'contains') alternatives.push(`[${attribute}*=${cssString(word)}]`);
    else alternatives.push(`[${attribute}^=${cssString(`${word}:`)}]`, `[${attribute}^=${cssString(`${word} :`)}]`, `[${attribute}^=${cssString(`${word}：`)}]`);
  }
  return alternatives.map((alternative) => around.replace('{}', alternative)).join(', ');
}

/** The text after a "<word>:" label in any language ("Von: Tom Becker" -> "Tom Becker"), or null. */
export function afterLabel(value: string | null | undefined, set: LabelSet): string | null {
  if (!value) return null;
  for (const word of words(set)) {
    const match = new RegExp(`^\\s*${word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*[:：]\\s*`, 'i').exec(value);
    if (match) return value.slice(match[0].length).trim();
  }
  return null;
}
