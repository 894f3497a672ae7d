import { describe, expect, it } from 'vitest';
import { DEPARTMENTS, REVIEW_FIELDS } from '@followthrough/shared/model';
import { DEPARTMENT_IDS, REVIEW_FIELD_ORDER } from './departments';

describe('the departments and review parts the UI offers', () => {
  it('are exactly those the server accepts, in its order', () => {
    expect(DEPARTMENT_IDS).toEqual(DEPARTMENTS);
    expect(REVIEW_FIELD_ORDER).toEqual(REVIEW_FIELDS);
  });
});
