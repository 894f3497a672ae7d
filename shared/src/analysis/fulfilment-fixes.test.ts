import { describe, expect, it } from 'vitest';
import { saysShipped, shipsPromisedThing } from './fulfilment-fixes';

describe('a fix shipped', () => {
  it('reads a release, a push, a merge or a fix gone live as shipped', () => {
    expect(saysShipped('This update has been submitted for stable by jamatos.')).toBe(true);
    expect(saysShipped('The fix is now live in production.')).toBe(true);
    expect(saysShipped("I've pushed the patch to master.")).toBe(true);
  });

  it('does not read a test or a try as shipped', () => {
    expect(saysShipped('I just tested against trunk (which includes an update to SQLite 3.4.1) and I get: 1 error.')).toBe(false);
    expect(saysShipped('I tried building it on Windows.')).toBe(false);
  });

  it('ties the shipped thing to the promise by its noun, the same noun only', () => {
    expect(shipsPromisedThing('push the update Monday night', 'This update has been submitted for stable by jamatos.')).toBe(true);
    expect(shipsPromisedThing('release a patch next week', "We've released a patch for the login bug.")).toBe(true);
    // A different thing shipped, or the noun only mentioned beside a test.
    expect(shipsPromisedThing('push the update Monday night', 'The new release is out.')).toBe(false);
    expect(shipsPromisedThing('push the update Monday night', 'I just tested against trunk, which includes an update to SQLite.')).toBe(false);
    expect(shipsPromisedThing('look into it', 'This update has been submitted.')).toBe(false);
  });
});
