/**
 * Whether a DOM change is the sidebar's own (its host element added, removed, or its attributes
 * changed) rather than the mail client's. The content script watches the client's page for threads
 * opening; its own mounting must not count as a change, or every open would read the thread twice.
 */
export function isOwnMutation(record: MutationRecord, hostTag: string): boolean {
  if ((record.target as Element).localName === hostTag) return true;
  if (record.type !== 'childList') return false;
  // Loops with an early exit: a client's record can list thousands of nodes (a whole view replaced).
  for (const list of [record.addedNodes, record.removedNodes]) {
    for (let index = 0; index < list.length; index += 1) {
      if ((list[index] as Element).localName !== hostTag) return false;
    }
  }
  return record.addedNodes.length + record.removedNodes.length > 0;
}
