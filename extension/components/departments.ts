// Types only from shared: its model module builds zod schemas when loaded, which would land in the
// content scripts (the sidebar's touchpoint panel uses these). departments.test.ts checks the lists match.
import type { Department, ReviewField } from '@followthrough/shared/model';

export const DEPARTMENT_IDS = ['sales', 'marketing', 'delivery', 'finance', 'support', 'leadership'] as const satisfies readonly Department[];
const REVIEW_FIELD_IDS = ['strengths', 'weaknesses', 'opportunities', 'threats', 'risks'] as const satisfies readonly ReviewField[];

/** The departments in the words the sidebar, the team's pages and the options use. */
export const DEPARTMENT_LABELS: Record<Department, string> = {
  sales: 'Sales',
  marketing: 'Marketing',
  delivery: 'Delivery',
  finance: 'Finance',
  support: 'Support',
  leadership: 'Leadership',
};

export const DEPARTMENT_CHOICES: { id: Department; label: string }[] = DEPARTMENT_IDS.map((id) => ({ id, label: DEPARTMENT_LABELS[id] }));

export function departmentLabel(department: Department | null | undefined): string {
  return department ? DEPARTMENT_LABELS[department] : 'No department';
}

/** The parts of a quarterly review: the SWOT, then the risks reviewed. */
export const REVIEW_FIELD_LABELS: Record<ReviewField, { label: string; hint: string }> = {
  strengths: { label: 'Strengths', hint: 'What works with this client: trust, results, people' },
  weaknesses: { label: 'Weaknesses', hint: 'Where we fall short for them' },
  opportunities: { label: 'Opportunities', hint: 'More work, new sites, referrals' },
  threats: { label: 'Threats', hint: 'Budget, competitors, a new decision maker' },
  risks: { label: 'Risks reviewed', hint: 'The open risks and what we do about each' },
};

export const REVIEW_FIELD_ORDER: readonly ReviewField[] = REVIEW_FIELD_IDS;
