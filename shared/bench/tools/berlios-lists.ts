/**
 * Reading round 13's source (README "Round 13 (promises)"): mailing lists of small open-source projects once hosted at
 * BerliOS (linux-uvc-devel, mapnik-devel, smb4k-general, yajhfc-user), as Pipermail's monthly text archives that the
 * BackupTheBerlios organisation preserved on GitHub, one repository a list (`BackupTheBerlios/<list>-maillist`, files
 * `<YYYY-Month>.txt`). No licence is stated for the repositories or the messages, which are their many writers' own, so
 * the corpus holds references (list and Message-ID, offset and length in the whitespace-folded body, SHA-256 prefix) and
 * the bench resolves them when FOLLOWTHROUGH_BERLIOS_LIST_DIR points at a folder holding `<list>/<YYYY-Month>.txt`.
 * The monthly files are Pipermail's, the same format as round 12's, so the Twisted reader reads them (own text only,
 * repeated Message-IDs numbered in file order).
 */
import { existsSync } from 'node:fs';
import { readTwistedList, type TwistedMessage } from './twisted-list';

export const BERLIOS_LIST_SOURCE = 'berlios-list';

export const findBerliosLists = (): string | undefined => {
  const dir = process.env.FOLLOWTHROUGH_BERLIOS_LIST_DIR;
  return dir && existsSync(dir) ? dir : undefined;
};

/** Every message of every list under `dir`, lists and months in name order. */
export const readBerliosLists = (dir: string): TwistedMessage[] => readTwistedList(dir);
