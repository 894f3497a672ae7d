import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { act } from 'react';
import { fakeBrowser } from 'wxt/testing';
import { ORG_SHARING_NOTICE, type Org, type OrgInvitation, type OrgMember } from '@followthrough/shared/contract';
import { onMessage, type ProtocolMap } from '../../utils/messaging';
import { DEFAULT_SETTINGS } from '../../utils/settings';
import { accountItem, settingsItem } from '../../utils/storage';
import { installCallbackRuntime } from '../../utils/test-runtime-shim';
import { reactTestRoot } from '../react-test-root';
import { TeamSection } from './team-section';

const react = reactTestRoot();
const removers: (() => void)[] = [];
beforeEach(() => {
  fakeBrowser.reset();
  installCallbackRuntime();
});
afterEach(() => {
  while (removers.length > 0) removers.pop()!();
});

function handle<K extends keyof ProtocolMap>(type: K, run: (data: Parameters<ProtocolMap[K]>[0]) => ReturnType<ProtocolMap[K]>) {
  removers.push(onMessage(type, ({ data }) => run(data as Parameters<ProtocolMap[K]>[0]) as never));
}

async function render(signedIn: boolean) {
  const container = await react.mount(<TeamSection signedIn={signedIn} />);
  await settle();
  return container;
}
const settle = () =>
  act(async () => {
    await new Promise((resolve) => setTimeout(resolve, 20));
  });
const one = (el: Element, testId: string) => el.querySelector<HTMLElement>(`[data-testid="${testId}"]`)!;
async function set(el: HTMLInputElement | HTMLSelectElement, value: string) {
  await act(async () => {
    const proto = el instanceof HTMLSelectElement ? HTMLSelectElement.prototype : HTMLInputElement.prototype;
    Object.getOwnPropertyDescriptor(proto, 'value')!.set!.call(el, value);
    el.dispatchEvent(new Event(el instanceof HTMLSelectElement ? 'change' : 'input', { bubbles: true }));
  });
  await settle();
}
async function click(el: HTMLElement) {
  await act(async () => el.click());
  await settle();
}

const me: OrgMember = { userId: 'u-dana', email: 'dana@northwind-studio.com', name: 'Dana Whitfield', role: 'admin', department: 'delivery', shareSentences: false, joinedAt: '2026-11-01T00:00:00Z' };
const priya: OrgMember = { userId: 'u-priya', email: 'priya@northwind-studio.com', name: null, role: 'member', department: null, shareSentences: true, joinedAt: '2026-11-02T00:00:00Z' };
const org: Org = { id: 'org-1', name: 'Northwind Studio', role: 'admin', shareSentences: false, memberCount: 2, createdAt: '2026-11-01T00:00:00Z' };
const invitation: OrgInvitation = {
  id: 'inv-1',
  orgId: 'org-2',
  orgName: 'Fabrikam Partners',
  email: 'dana@northwind-studio.com',
  role: 'manager',
  invitedBy: { email: 'lee@fabrikam.example', name: 'Lee Chen' },
  createdAt: '2026-11-20T00:00:00Z',
  accountExists: true,
  sharingNotice: ORG_SHARING_NOTICE,
};

describe('options: the team section', () => {
  it('signed out: the department is kept in this browser, and organisations wait for a server', async () => {
    await settingsItem.setValue({ ...DEFAULT_SETTINGS });
    let saved: unknown = null;
    handle('setDepartment', (data) => {
      saved = data.department;
      return { values: { ...DEFAULT_SETTINGS, department: data.department }, source: 'local', pending: false, error: null };
    });
    const el = await render(false);
    expect(el.textContent).toContain('Sign in to a server to work on the same clients with your colleagues');
    await set(el.querySelector<HTMLSelectElement>('[data-testid="ft-team-department"]')!, 'finance');
    expect(saved).toBe('finance');
    expect(one(el, 'ft-team-department-status').textContent).toBe('Saved in this browser.');
  });

  it("shows an invitation with what joining shares, the user's organisations with their own sharing switch, and invites a colleague", async () => {
    await settingsItem.setValue({ ...DEFAULT_SETTINGS, serverUrl: 'https://ft.example', token: 'stored', department: 'delivery' });
    await accountItem.setValue({ email: 'dana@northwind-studio.com', signIn: null, memoryOffer: null });
    const calls: { accepted: string[]; member: unknown[]; invited: unknown[]; created: string[] } = { accepted: [], member: [], invited: [], created: [] };
    let orgs = [org];
    handle('listOrgs', () => ({ status: 'ok', data: { orgs } }));
    handle('listMyInvitations', () => ({ status: 'ok', data: { invitations: calls.accepted.length > 0 ? [] : [invitation] } }));
    handle('getOrgMembers', () => ({ status: 'ok', data: { members: [me, priya], invitations: [] } }));
    handle('answerInvitation', (data) => {
      calls.accepted.push(data.id);
      return { status: 'ok', data: {} };
    });
    handle('updateOrgMember', (data) => {
      calls.member.push(data);
      orgs = [{ ...org, shareSentences: data.change.shareSentences ?? false }];
      return { status: 'ok', data: { member: { ...me, shareSentences: true } } };
    });
    handle('inviteOrgMember', (data) => {
      calls.invited.push(data);
      return { status: 'ok', data: { invitation: { ...invitation, id: 'inv-2', orgId: 'org-1', orgName: org.name, email: data.email, role: data.role, accountExists: false } } };
    });
    handle('createOrg', (data) => {
      calls.created.push(data.name);
      return { status: 'ok', data: { ...org, id: 'org-3', name: data.name } };
    });
    const el = await render(true);
    expect((el.querySelector('[data-testid="ft-team-department"]') as HTMLSelectElement).value).toBe('delivery');

    // The invitation says who invites, as what, and what joining shares.
    const card = one(el, 'ft-team-invitation');
    expect(card.textContent).toContain('Lee Chen invites you to Fabrikam Partners as manager');
    expect(card.textContent).toContain('Your promise, request and risk sentences stay yours');
    await click(one(card, 'ft-team-invitation-accept'));
    expect(calls.accepted).toEqual(['inv-1']);
    expect(one(el, 'ft-team-status').textContent).toBe('You joined Fabrikam Partners.');

    // The user's own sharing, with the notice of what is shared.
    const orgCard = one(el, 'ft-team-org');
    expect(one(orgCard, 'ft-team-sharing-notice').textContent).toContain('Your sentences are private: the team sees only how many there are.');
    expect(Array.from(orgCard.querySelectorAll('[data-testid="ft-team-org-member"]')).map((r) => r.textContent)).toEqual([
      expect.stringContaining('Dana Whitfield'),
      expect.stringContaining('priya@northwind-studio.com'),
    ]);
    await click(one(orgCard, 'ft-team-share'));
    expect(calls.member).toEqual([{ orgId: 'org-1', userId: 'u-dana', change: { shareSentences: true } }]);
    expect(one(el, 'ft-team-org-status').textContent).toBe('Your sentences are now shared with Northwind Studio.');
    expect(one(el, 'ft-team-sharing-notice').textContent).toContain('You share your sentences with this team.');

    // An admin invites by address and role; an address without an account is told how to get one.
    await set(el.querySelector<HTMLInputElement>('[data-testid="ft-team-invite-email"]')!, 'not-an-address');
    await click(one(el, 'ft-team-invite'));
    expect(one(el, 'ft-team-org-status').textContent).toBe('"not-an-address" is not an e-mail address.');
    await set(el.querySelector<HTMLInputElement>('[data-testid="ft-team-invite-email"]')!, 'sam@northwind-studio.com');
    await set(el.querySelector<HTMLSelectElement>('[data-testid="ft-team-invite-role"]')!, 'manager');
    await click(one(el, 'ft-team-invite'));
    expect(calls.invited).toEqual([{ orgId: 'org-1', email: 'sam@northwind-studio.com', role: 'manager' }]);
    expect(one(el, 'ft-team-org-status').textContent).toContain('sam@northwind-studio.com has no account on this server yet');

    // A new organisation.
    await set(el.querySelector<HTMLInputElement>('[data-testid="ft-team-create-name"]')!, 'Brightlane');
    await click(one(el, 'ft-team-create'));
    expect(calls.created).toEqual(['Brightlane']);
    expect(one(el, 'ft-team-status').textContent).toBe('Brightlane created: you are its admin. Invite your colleagues below.');
  });
});
