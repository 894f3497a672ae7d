import { describe, expect, it } from 'vitest';
import { asksForFeedback, findFeedbackQuestions } from './feedback-questions';
import { visibleText } from './visible-text';

describe('findFeedbackQuestions', () => {
  it('finds the question in a real check-in mail, not in the quoted history or the signature', () => {
    const body = [
      'Hi Dana,',
      '',
      'Now that the warehouse rollout has been live for a month, I wanted to check in. How are we doing?',
      'If there is anything we could do better on the weekly reports, I would like to hear it.',
      '',
      'Best,',
      'Maya',
      '--',
      'Maya Chen | Client Director | Brightlane Studio',
      'Tell us how we did: https://brightlane.example/feedback',
      '',
      'On Tue, 3 Nov 2026 at 09:12, Dana Okafor <dana@kestrel-logistics.example> wrote:',
      '> Thanks for the feedback on our draft, we will send the numbers on Friday.',
    ].join('\n');
    expect(findFeedbackQuestions(visibleText(body))).toEqual([
      'How are we doing?',
      'If there is anything we could do better on the weekly reports, I would like to hear it.',
    ]);
  });

  it.each([
    'How are we doing?',
    'Quick question: how are we doing so far from your side?',
    'Any feedback on the new dashboard?',
    'Any thoughts or feedback on the revised statement of work?',
    'Do you have any feedback on the first sprint?',
    "We'd love your feedback on the pilot before we roll it out further.",
    'I would really appreciate your honest feedback on how the migration went.',
    'Please send us any feedback you have on the training sessions.',
    'Let us know if you have any feedback from your team on the draft.',
    'How did we do on the Q3 launch?',
    'How satisfied are you with the support you have been getting?',
    'Are you happy with how things are going with the project?',
    'Is there anything we could do better?',
    'What could we have done differently on the data migration?',
    'Is there anything we can improve in the way we report?',
    'How would you rate our support over the last quarter?',
    'How are you finding the new reporting module?',
    'Would you mind filling in our two-minute satisfaction survey?',
    'If you could take a few minutes to complete the survey below, it would help us a lot.',
    'Feedback is very welcome!',
  ])('asks: %s', (sentence) => {
    expect(findFeedbackQuestions(sentence)).toEqual([sentence]);
  });

  it.each([
    'Thanks for your feedback!',
    'Thank you for the quick feedback on the draft, we have updated it.',
    "I've incorporated your feedback into version 3.",
    'Your feedback has been passed on to the product team.',
    "I'll send you my feedback on the contract by Friday.",
    'Here is our feedback on the wireframes.',
    'We received feedback from the users that the login is slow.',
    'How are you?',
    'How are you doing?',
    'Hope you are doing well.',
    'What do you think about moving the call to Tuesday?',
    'Did you get a chance to look at the invoice?',
    'Feedback: the export button is hard to find.',
    'We value feedback from every client.',
    'The survey results are attached.',
    'Are you free on Thursday?',
    'How is the weather in Berlin?',
    'Can you confirm the go-live date?',
    'What can I do to help?',
    'What could we do about the delay on your side?',
    'Could you give me an answer by Friday on whether the budget is approved?',
  ])('does not ask: %s', (sentence) => {
    expect(findFeedbackQuestions(sentence)).toEqual([]);
  });

  it('asksForFeedback says whether any sentence asks', () => {
    expect(asksForFeedback('Hi Tom,\n\nAttached is the report. Any feedback on it?\n\nBest,\nAnna')).toBe(true);
    expect(asksForFeedback('Hi Tom,\n\nAttached is the report. Thanks for your feedback last week.\n\nBest,\nAnna')).toBe(false);
  });
});
