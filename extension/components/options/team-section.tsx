import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { ORG_ROLE_NAMES, ORG_SHARING_NOTICE, type Org, type OrgInvitation, type OrgMember, type OrgRole } from '@followthrough/shared/contract';
import type { Department } from '@followthrough/shared/model';
import { sendMessage, type Remote } from '../../utils/messaging';
import { completeSettings } from '../../utils/settings';
import { accountItem, settingsItem } from '../../utils/storage';
import { DEPARTMENT_CHOICES, departmentLabel } from '../departments';

const ROLE_WORDS: Record<OrgRole, string> = {
  member: "member (the team's clients)",
  manager: "manager (also each member's figures)",
  admin: 'admin (also who is in the team)',
};

const why = (res: Remote<unknown>): string => (res.status === 'error' ? res.message : res.status === 'not-found' ? 'not found (no longer there?)' : res.status === 'local-only' ? 'sign in to a server first' : '');

/** What joining shares and what it does not: the words of the invitation, the README and the server. */
export function SharingNotice({ sharing }: { sharing?: boolean }) {
  return (
    <p className="ft-notice-box ft-note" data-testid="ft-team-sharing-notice">
      {ORG_SHARING_NOTICE}
      {sharing !== undefined && (
        <strong> {sharing ? 'You share your sentences with this team.' : 'Your sentences are private: the team sees only how many there are.'}</strong>
      )}
    </p>
  );
}

function InvitationCard({ invitation, answered }: { invitation: OrgInvitation; answered(text: string): void }) {
  const [busy, setBusy] = useState(false);
  const answer = async (accept: boolean) => {
    setBusy(true);
    const res = await sendMessage('answerInvitation', { id: invitation.id, accept });
    setBusy(false);
    answered(res.status === 'ok' ? (accept ? `You joined ${invitation.orgName}.` : `Invitation to ${invitation.orgName} declined.`) : `Not done: ${why(res)}`);
  };
  return (
    <div className="ft-card" data-testid="ft-team-invitation" data-org={invitation.orgId}>
      <p>
        <strong>{invitation.invitedBy ? (invitation.invitedBy.name ?? invitation.invitedBy.email) : 'An administrator'}</strong> invites you to{' '}
        <strong>{invitation.orgName}</strong> as {ROLE_WORDS[invitation.role]}.
      </p>
      <p className="ft-notice-box ft-note">{invitation.sharingNotice}</p>
      <div className="ft-actions">
        <button type="button" disabled={busy} data-testid="ft-team-invitation-accept" onClick={() => void answer(true)}>
          Join {invitation.orgName}
        </button>
        <button type="button" disabled={busy} data-testid="ft-team-invitation-decline" onClick={() => void answer(false)}>
          Decline
        </button>
      </div>
    </div>
  );
}

function OrgCard({ org, myEmail, changed }: { org: Org; myEmail: string; changed(): void }) {
  const [members, setMembers] = useState<OrgMember[]>([]);
  const [invitations, setInvitations] = useState<OrgInvitation[]>([]);
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<OrgRole>('member');
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);
  const admin = org.role === 'admin';
  const load = useCallback(async () => {
    const res = await sendMessage('getOrgMembers', { orgId: org.id });
    if (res.status === 'ok') {
      setMembers(res.data.members);
      setInvitations(res.data.invitations);
    } else setStatus(`The members could not be read: ${why(res)}`);
  }, [org.id]);
  useEffect(() => void load(), [load]);
  const me = members.find((m) => m.email.toLowerCase() === myEmail.toLowerCase());

  const act = async (run: () => Promise<Remote<unknown>>, done: string) => {
    setBusy(true);
    const res = await run();
    setBusy(false);
    setStatus(res.status === 'ok' ? done : `Not done: ${why(res)}`);
    await load();
    changed();
    return res.status === 'ok';
  };

  const invite = async (event: FormEvent) => {
    event.preventDefault();
    const address = email.trim();
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(address)) {
      setStatus(`"${address}" is not an e-mail address.`);
      return;
    }
    setBusy(true);
    const res = await sendMessage('inviteOrgMember', { orgId: org.id, email: address, role });
    setBusy(false);
    if (res.status !== 'ok') {
      setStatus(`Not invited: ${why(res)}`);
      return;
    }
    setEmail('');
    const inv = res.data.invitation;
    setStatus(
      `Invitation sent to ${inv.email} as ${inv.role}. They see it in their Followthrough options, with what joining shares, and accept it there.` +
        (inv.accountExists ? '' : ` ${inv.email} has no account on this server yet: an administrator adds one (followthrough user add ${inv.email}), then they sign in and accept.`),
    );
    await load();
  };

  return (
    <div className="ft-card" data-testid="ft-team-org" data-org={org.id} data-role={org.role}>
      <div className="ft-page-header">
        <h3>{org.name}</h3>
        <a href={`clients.html#team=${encodeURIComponent(org.id)}`} target="_blank" rel="noreferrer" data-testid="ft-team-open-clients">
          The team's clients
        </a>
      </div>
      <p className="ft-note">
        You are {ROLE_WORDS[org.role]} · {org.memberCount} {org.memberCount === 1 ? 'member' : 'members'}
      </p>
      <label className="ft-check">
        <input
          type="checkbox"
          checked={org.shareSentences}
          disabled={busy || !me}
          data-testid="ft-team-share"
          onChange={(e) => {
            const on = e.target.checked;
            if (me) void act(() => sendMessage('updateOrgMember', { orgId: org.id, userId: me.userId, change: { shareSentences: on } }), on ? `Your sentences are now shared with ${org.name}.` : 'Your sentences are private again.');
          }}
        />
        Share my promise, request and risk sentences with {org.name}
      </label>
      <SharingNotice sharing={org.shareSentences} />
      <table className="ft-table" data-testid="ft-team-org-members">
        <thead>
          <tr>
            <th scope="col">Member</th>
            <th scope="col">Role</th>
            <th scope="col">Department</th>
            <th scope="col">Sentences</th>
            <th scope="col" />
          </tr>
        </thead>
        <tbody>
          {members.map((m) => (
            <tr key={m.userId} data-testid="ft-team-org-member" data-email={m.email}>
              <th scope="row">
                {m.name ?? m.email} {m.name && <span className="ft-note">{m.email}</span>}
              </th>
              <td>
                {admin ? (
                  <select
                    value={m.role}
                    disabled={busy}
                    aria-label={`Role of ${m.email}`}
                    data-testid="ft-team-member-role"
                    onChange={(e) => {
                      const next = e.target.value as OrgRole;
                      void act(() => sendMessage('updateOrgMember', { orgId: org.id, userId: m.userId, change: { role: next } }), `${m.email} is now ${next}.`);
                    }}
                  >
                    {ORG_ROLE_NAMES.map((r) => (
                      <option key={r} value={r}>
                        {r}
                      </option>
                    ))}
                  </select>
                ) : (
                  m.role
                )}
              </td>
              <td>{departmentLabel(m.department)}</td>
              <td>{m.shareSentences ? 'shared' : 'private (counts only)'}</td>
              <td>
                {m.userId === me?.userId ? (
                  <button
                    type="button"
                    disabled={busy}
                    data-testid="ft-team-leave"
                    onClick={() => {
                      if (window.confirm(`Leave ${org.name}? The team stops seeing your figures; your own data stays yours.`)) {
                        void act(() => sendMessage('removeOrgMember', { orgId: org.id, userId: m.userId }), `You left ${org.name}.`);
                      }
                    }}
                  >
                    Leave
                  </button>
                ) : (
                  admin && (
                    <button
                      type="button"
                      disabled={busy}
                      data-testid="ft-team-remove"
                      onClick={() => {
                        if (window.confirm(`Remove ${m.email} from ${org.name}? Their data stays theirs; the team stops seeing it.`)) {
                          void act(() => sendMessage('removeOrgMember', { orgId: org.id, userId: m.userId }), `${m.email} removed.`);
                        }
                      }}
                    >
                      Remove
                    </button>
                  )
                )}
              </td>
            </tr>
          ))}
          {invitations.map((i) => (
            <tr key={i.id} data-testid="ft-team-org-invited" data-email={i.email}>
              <th scope="row">{i.email}</th>
              <td>{i.role}</td>
              <td colSpan={2} className="ft-note">
                invited{i.accountExists ? ', not answered yet' : ', no account on this server yet'}
              </td>
              <td>
                {admin && (
                  <button type="button" disabled={busy} data-testid="ft-team-cancel-invitation" onClick={() => void act(() => sendMessage('cancelOrgInvitation', { orgId: org.id, invitationId: i.id }), `Invitation to ${i.email} withdrawn.`)}>
                    Withdraw
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {admin && (
        <form className="ft-row ft-inline-row" onSubmit={(e) => void invite(e)} noValidate aria-label={`Invite a colleague to ${org.name}`}>
          <label>
            Invite a colleague (e-mail)
            <input type="email" value={email} placeholder="priya@yourcompany.com" data-testid="ft-team-invite-email" onChange={(e) => setEmail(e.target.value)} />
          </label>
          <label>
            as
            <select value={role} data-testid="ft-team-invite-role" onChange={(e) => setRole(e.target.value as OrgRole)}>
              {ORG_ROLE_NAMES.map((r) => (
                <option key={r} value={r}>
                  {ROLE_WORDS[r]}
                </option>
              ))}
            </select>
          </label>
          <button type="submit" disabled={busy} data-testid="ft-team-invite">
            Invite
          </button>
        </form>
      )}
      <p role="status" className="ft-note" data-testid="ft-team-org-status">
        {status}
      </p>
    </div>
  );
}

/**
 * The options page's Team section: the user's department (a setting, the default of the touchpoints they
 * log), invitations addressed to them (saying what joining shares), their organisations (members, roles,
 * invitations, their own sharing), and a new organisation.
 */
export function TeamSection({ signedIn }: { signedIn: boolean }) {
  const [department, setDepartment] = useState<Department | null>(null);
  const [departmentStatus, setDepartmentStatus] = useState('');
  const [orgs, setOrgs] = useState<Org[] | null>(null);
  const [invitations, setInvitations] = useState<OrgInvitation[]>([]);
  const [myEmail, setMyEmail] = useState('');
  const [name, setName] = useState('');
  const [status, setStatus] = useState('');
  const [error, setError] = useState('');

  const load = useCallback(async () => {
    const [o, i] = await Promise.all([sendMessage('listOrgs', undefined), sendMessage('listMyInvitations', undefined)]);
    if (o.status === 'ok') setOrgs(o.data.orgs);
    else setError(`Your organisations could not be read: ${why(o)}`);
    if (i.status === 'ok') setInvitations(i.data.invitations);
  }, []);
  useEffect(() => {
    void settingsItem.getValue().then((s) => setDepartment(completeSettings(s).department));
    void accountItem.getValue().then((a) => setMyEmail(a.email ?? ''));
    if (signedIn) void load();
  }, [signedIn, load]);

  const chooseDepartment = async (next: Department | null) => {
    setDepartment(next);
    const state = await sendMessage('setDepartment', { department: next });
    setDepartmentStatus(
      state.error ? `Saved here; the server refused it: ${state.error}` : state.pending ? 'Saved; waiting to reach the server.' : state.source === 'server' ? 'Saved on the server.' : 'Saved in this browser.',
    );
  };

  const create = async (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim()) {
      setStatus('Give the organisation a name.');
      return;
    }
    const res = await sendMessage('createOrg', { name: name.trim() });
    if (res.status !== 'ok') {
      setStatus(`Not created: ${why(res)}`);
      return;
    }
    setName('');
    setStatus(`${res.data.name} created: you are its admin. Invite your colleagues below.`);
    await load();
  };

  return (
    <fieldset data-testid="ft-options-team">
      <legend>Team</legend>
      <label>
        Your department
        <select value={department ?? ''} data-testid="ft-team-department" onChange={(e) => void chooseDepartment((e.target.value || null) as Department | null)}>
          <option value="">None</option>
          {DEPARTMENT_CHOICES.map((d) => (
            <option key={d.id} value={d.id}>
              {d.label}
            </option>
          ))}
        </select>
      </label>
      <p className="ft-note">
        The touchpoints you log in the sidebar carry it (one click there logs one as another department); your team's 360° view groups them by it.{' '}
        <span role="status" data-testid="ft-team-department-status">
          {departmentStatus}
        </span>
      </p>
      {!signedIn ? (
        <p className="ft-note">Sign in to a server to work on the same clients with your colleagues: an organisation is kept there.</p>
      ) : (
        <>
          {error && <p className="ft-bad">{error}</p>}
          {invitations.map((i) => (
            <InvitationCard
              key={i.id}
              invitation={i}
              answered={(text) => {
                setStatus(text);
                void load();
              }}
            />
          ))}
          {orgs?.map((o) => <OrgCard key={o.id} org={o} myEmail={myEmail} changed={() => void load()} />)}
          {orgs && orgs.length === 0 && invitations.length === 0 && <p className="ft-note">You are in no organisation yet.</p>}
          <form className="ft-row ft-inline-row" onSubmit={(e) => void create(e)} noValidate aria-label="Create an organisation">
            <label>
              New organisation
              <input type="text" value={name} maxLength={200} placeholder="e.g. Northwind Studio" data-testid="ft-team-create-name" onChange={(e) => setName(e.target.value)} />
            </label>
            <button type="submit" data-testid="ft-team-create">
              Create
            </button>
          </form>
          {orgs && orgs.length === 0 && <SharingNotice />}
          <p role="status" className="ft-note" data-testid="ft-team-status">
            {status}
          </p>
        </>
      )}
    </fieldset>
  );
}
