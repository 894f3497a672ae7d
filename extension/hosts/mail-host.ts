import type { Address } from '@followthrough/shared/model';

export type HostName = 'gmail' | 'outlook';

/** One message as the page shows it. Built by a host driver; the sidebar never sees the DOM. */
export interface MessageSnapshot {
  /** The host's message id when the page carries one, else an id derived from thread + position. */
  id: string;
  /** True when `id` is the provider's message id (not one we derived): see ThreadSnapshot.messageIdsAreStable. */
  idFromProvider: boolean;
  from: Address | null;
  to: Address[];
  cc: Address[];
  /** ISO 8601 (UTC); null when the page showed no parseable time. */
  sentAt: string | null;
  /** Visible text only: what the user can read without clicking anything. */
  text: string;
  /**
   * True for a collapsed message: only the sender and a snippet are on the page. We never expand it
   * (expanding marks mail as read and changes what the user sees).
   */
  partial: boolean;
  /** File names of the attachment chips the page shows on this message (none for collapsed ones). */
  attachments: string[];
  /**
   * What could not be read of this message ("sender", "time"). Such a message is shown as not read and
   * left out of every figure it would change; it is never guessed.
   */
  unread: MessagePart[];
}

export type MessagePart = 'sender' | 'time';

export interface ThreadSnapshot {
  host: HostName;
  threadId: string;
  subject: string;
  messages: MessageSnapshot[];
  /** The signed-in account as the page shows it, used when no own address is set in options. */
  account: string | null;
  /** A URL that reopens this thread. */
  link: string;
  /**
   * True when every message id is the provider's own id (Gmail's message id), the key the server
   * stores synced mail under. False when the host had to make ids up (Outlook's reading pane shows
   * none, so ids are hashes of conversation, sender and time): such messages must never be sent to
   * the server, which would store them as copies of the messages it already has from sync.
   */
  messageIdsAreStable: boolean;
  /**
   * Messages of the thread the client folded away entirely ("3 older messages" in Gmail): not on the
   * page at all, so nothing about them is known. Reply times across the fold are not measured.
   */
  foldedCount: number;
  /**
   * Where the folded messages sit: after this many of `messages` (in the order of `messages`, oldest
   * first). Null when nothing is folded.
   */
  foldedAfter: number | null;
}

/** Thrown when a selector marked required matches nothing: the layout is one we do not know. */
export class SelectorMissingError extends Error {
  override readonly name = 'SelectorMissingError';
  constructor(
    /** "<host>.<selectorKey>", e.g. "gmail.threadSubject". */
    readonly selectorId: string,
    /** What it is, in the user's words ("the conversation subject"). */
    readonly finds: string = selectorId,
  ) {
    super(`Required element ${selectorId} not found on the page`);
  }
}

/** A part of the page the driver needed and did not find. */
export interface MissingPart {
  /** "<host>.<selectorKey>". */
  id: string;
  /** In words: "the sender of each message". */
  finds: string;
}

export type ThreadReadResult =
  | { kind: 'thread'; snapshot: ThreadSnapshot }
  /** No conversation open (inbox list, settings, compose only). */
  | { kind: 'none' }
  /**
   * The URL says a thread is open but the page is not laid out as we expect. Whatever could be read
   * (the thread id from the URL, perhaps the subject) is kept so the server's view can still be shown.
   */
  | { kind: 'unrecognized'; host: HostName; threadId: string | null; subject: string | null; missing: MissingPart[] };

/** A mail client driver. Only drivers know selectors; everything else works on snapshots. */
export interface MailHost {
  readonly name: HostName;
  /** Human name used in UI text: "Gmail", "Outlook". */
  readonly label: string;
  /** The thread id the URL points at, or null when the URL is not a conversation. */
  threadIdFromUrl(url: URL): string | null;
  /** Reads the open thread. Never throws: layout problems come back as `unrecognized`. */
  readThread(doc: Document, url: URL): ThreadReadResult;
  /** The host's own dark theme (independent of prefers-color-scheme). */
  isDarkTheme(doc: Document): boolean;
  /** Inserts plain text into the open reply box; false when none is open. */
  insertIntoReply(doc: Document, text: string): boolean;
  /**
   * Makes room for the sidebar at the right edge of the window: narrows the client's thread column by
   * `width` CSS pixels so no mail text sits under the sidebar. Returns the element it changed (the
   * caller re-reserves when the client replaced it) and an undo that restores its own style exactly;
   * null when the layout has no column we know.
   */
  reserveSidebarSpace(doc: Document, width: number): SpaceReservation | null;
  /**
   * The page's structure around the conversation for a layout report the user may send us: tags,
   * roles and attributes, never text or attribute values that could carry mail content.
   */
  layoutReport(doc: Document, url: URL): string;
}

export interface SpaceReservation {
  readonly element: Element;
  release(): void;
}
