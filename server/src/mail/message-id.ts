/**
 * Message-IDs are stored WITHOUT angle brackets, everywhere: the message's own id, In-Reply-To and References
 * ("<abc@mail.example>" → "abc@mail.example"). One form on every path is what lets threading match them.
 */
export function normalizeMessageId(raw: string | undefined): string | undefined {
  if (!raw) return undefined;
  const bracketed = /<([^<>\s]+)>/.exec(raw);
  const id = (bracketed ? bracketed[1] : raw.trim().split(/\s+/)[0]) ?? '';
  return id.length > 0 ? id : undefined;
}

/** References and In-Reply-To may hold several ids; junk between them ("message from ...") is ignored. */
export function parseMessageIdList(raw: string | undefined): string[] {
  if (!raw) return [];
  const bracketed = [...raw.matchAll(/<([^<>\s]+)>/g)].map((m) => m[1] as string);
  if (bracketed.length > 0) return bracketed;
  return raw.split(/[\s,]+/).filter((s) => s.includes('@'));
}
