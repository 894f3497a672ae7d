/**
 * Reading round 14's source (README "Round 14 (promises)"): the ImageJ2 developers' mailing list (imagej-devel,
 * 2009-2015), where the project's maintainers answer plugin writers and users, as Pipermail's monthly text archives in
 * [imagej/pipermail](https://github.com/imagej/pipermail) (`imagej-devel/<YYYY-Month>.txt`). No licence is stated for
 * the repository or the messages, which are their many writers' own, so the corpus holds references (list and
 * Message-ID, offset and length in the whitespace-folded body, SHA-256 prefix) and the bench resolves them when
 * FOLLOWTHROUGH_IMAGEJ_LIST_DIR points at a folder holding `<list>/<YYYY-Month>.txt`.
 * The monthly files are Pipermail's, the format of rounds 12 and 13, so the Twisted reader reads them (own text only,
 * repeated Message-IDs numbered in file order).
 */
import { existsSync } from 'node:fs';
import { readTwistedList, type TwistedMessage } from './twisted-list';

export const IMAGEJ_LIST_SOURCE = 'imagej-list';

export const findImagejLists = (): string | undefined => {
  const dir = process.env.FOLLOWTHROUGH_IMAGEJ_LIST_DIR;
  return dir && existsSync(dir) ? dir : undefined;
};

/** Every message of every list under `dir`, lists and months in name order. */
export const readImagejLists = (dir: string): TwistedMessage[] => readTwistedList(dir);
