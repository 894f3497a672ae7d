import { describe, expect, it } from 'vitest';
import { findClientRisks, findRisks } from './risks';
import { splitSentences } from './text/sentences';
import type { RiskKind } from '../model/facts';

const kinds = (visible: string, side: 'us' | 'them'): RiskKind[] => findRisks(visible, side).map((r) => r.kind);

describe('findRisks', () => {
  it('flags dissatisfaction, escalation, cancellation and delay from the client, one per sentence', () => {
    const body = [
      "Jane, I'm honestly disappointed with how the rollout went.",
      'This is the third time the weekly report has arrived late.',
      'If this continues I will have to escalate it to our VP of Operations.',
      'We are also looking at other vendors for next year.',
      'The launch on our side has been pushed back to April because of it.',
    ].join(' ');
    expect(findRisks(body, 'them')).toEqual([
      { kind: 'dissatisfaction', side: 'them', text: "Jane, I'm honestly disappointed with how the rollout went." },
      { kind: 'dissatisfaction', side: 'them', text: 'This is the third time the weekly report has arrived late.' },
      { kind: 'escalation', side: 'them', text: 'If this continues I will have to escalate it to our VP of Operations.' },
      { kind: 'cancellation', signal: 'alternatives', side: 'them', text: 'We are also looking at other vendors for next year.' },
      { kind: 'delay', side: 'them', text: 'The launch on our side has been pushed back to April because of it.' },
    ]);
  });

  it('reads contract language for cancellation but not a cancelled meeting', () => {
    expect(kinds('We will not be renewing the contract in June.', 'them')).toEqual(['cancellation']);
    expect(kinds('We would like to terminate the agreement at the end of the quarter.', 'them')).toEqual(['cancellation']);
    expect(kinds("I'm afraid I need to cancel our call tomorrow.", 'them')).toEqual([]);
    // Legal reviewing a contract is routine; bringing legal into a dispute is escalation.
    expect(kinds('Our legal team will review the contract.', 'them')).toEqual([]);
    expect(kinds('If this is not fixed by Friday we will involve our legal department.', 'them')).toEqual(['escalation']);
    expect(kinds('Please use our legal entity name on the invoice.', 'them')).toEqual([]);
  });

  it('is negation-aware', () => {
    expect(kinds("To be clear, we're not disappointed at all - the team did great work.", 'them')).toEqual([]);
    expect(kinds('There is no need to escalate this, it was a small slip.', 'them')).toEqual([]);
    expect(kinds("I'm not happy with the response times lately.", 'them')).toEqual(['dissatisfaction']);
    expect(kinds('The delivery was never delayed, thanks for checking.', 'them')).toEqual([]);
  });

  it('does not read apologies for a slow reply, thanks or everyday uses as risks', () => {
    expect(kinds('Sorry for the delay in getting back to you.', 'them')).toEqual([]);
    expect(kinds('Thanks once again for your help.', 'them')).toEqual([]);
    expect(kinds('The question slipped through the cracks, here is the answer.', 'them')).toEqual([]);
    expect(kinds('The go-live has been delayed again and we are now two weeks behind schedule.', 'them')).toEqual(['delay']);
    expect(kinds('We had to escalate this internally to our CFO.', 'them')).toEqual(['escalation']);
  });

  it('flags bad news in our own mail and nothing from the client list', () => {
    const ours = [
      "Unfortunately we won't be able to deliver before November.",
      "I'm afraid the API migration has slipped by a week.",
      'We missed the deadline for the first milestone.',
      'Great news: we shipped the fix a day early!',
    ].join(' ');
    expect(findRisks(ours, 'us').map((r) => r.text)).toEqual([
      "Unfortunately we won't be able to deliver before November.",
      "I'm afraid the API migration has slipped by a week.",
      'We missed the deadline for the first milestone.',
    ]);
    expect(findRisks(ours, 'us').every((r) => r.kind === 'bad-news' && r.side === 'us')).toBe(true);
    expect(kinds('We are very frustrated with the delays.', 'us')).toEqual([]);
  });

  it('names the finer signals: alternatives, quality, budget, a new decision maker, worry about a date, missed milestones, understatement', () => {
    const signals = (visible: string) => findRisks(visible, 'them').map((r) => [r.kind, r.signal]);
    expect(signals('Ahead of the renewal we are reviewing our options and getting quotes from other agencies.')).toEqual([['cancellation', 'alternatives']]);
    expect(signals('Procurement will run a formal tender for next year.')).toEqual([['cancellation', 'alternatives']]);
    expect(signals('Honestly the quality of the monthly reports has dropped since the summer.')).toEqual([['dissatisfaction', 'quality']]);
    expect(signals('Our marketing budget has been cut by a third for next year.')).toEqual([['cancellation', 'budget']]);
    expect(signals('Our new CFO wants to review every supplier contract.')).toEqual([['cancellation', 'decision-maker']]);
    expect(signals("I'm a little worried we won't make the March go-live date.")).toEqual([['delay', 'date-worry']]);
    expect(signals('Are we still on track for the launch?')).toEqual([['delay', 'date-worry']]);
    expect(signals('That is the third milestone missed this quarter.')).toEqual([['dissatisfaction', 'missed-milestones']]);
    expect(signals("It's not quite what we agreed in the kickoff.")).toEqual([['dissatisfaction', 'understatement']]);
    expect(signals('I asked about this a couple of times and got no response.')).toEqual([['dissatisfaction', 'understatement']]);
  });

  it('does not raise legal footers, escalation as a process, or concern about something else', () => {
    expect(kinds('If you wish to make a complaint, please follow our complaints procedure at example.com/complaints.', 'them')).toEqual([]);
    expect(kinds('We are authorised and regulated by the Financial Conduct Authority; complaints may be referred to the Financial Ombudsman.', 'them')).toEqual([]);
    expect(kinds('Please add me to the escalation matrix for the support desk.', 'them')).toEqual([]);
    expect(kinds('The escalation process is described in section 4 of the SLA.', 'them')).toEqual([]);
    expect(kinds("I'm a little concerned about the weather for the offsite.", 'them')).toEqual([]);
    expect(kinds('Parallel programming is very frustrating, compared with the ordinary kind.', 'them')).toEqual([]);
    expect(kinds('I was very unhappy with their packaged version, so I built my own.', 'them')).toEqual([]);
    expect(kinds('One seat is available due to a last minute cancellation.', 'them')).toEqual([]);
    expect(kinds('The CRAN task view is long overdue and a great resource.', 'them')).toEqual([]);
  });

  it('reads what real client mail says (issue 11, round 2): a product that got worse or keeps crashing, giving it up, lost faith, silence', () => {
    const signals = (visible: string) => findRisks(visible, 'them').map((r) => [r.kind, r.signal ?? null]);
    expect(signals('The export keeps crashing on our largest files.')).toEqual([['dissatisfaction', 'quality']]);
    expect(signals('Frankly the dashboard glitch seems worse than ever.')).toEqual([['dissatisfaction', 'quality']]);
    expect(signals('Half of our analysts have abandoned the tool in favour of spreadsheets.')).toEqual([['cancellation', 'alternatives']]);
    expect(signals('It may be time to give up on Acme and start over with another platform.')).toEqual([['cancellation', 'alternatives']]);
    expect(signals('We no longer have faith in the delivery plan.')).toEqual([['dissatisfaction', null]]);
    expect(signals("We sent the signed forms two weeks ago and haven't heard anything since.")).toEqual([['dissatisfaction', null]]);
  });

  it('does not read the writer\'s own news, technical questions or a silence elsewhere as risks', () => {
    expect(kinds('Our newsletter has been delayed for a variety of reasons, but we hope to send it next week.', 'them')).toEqual([]);
    expect(kinds('The new build is going to be delayed, although it works for me locally.', 'them')).toEqual([]);
    expect(kinds('Could the sync job be delayed until the backup has finished?', 'them')).toEqual([]);
    expect(kinds('The import has been running for hours and I am still waiting to see whether it finishes.', 'them')).toEqual([]);
    expect(kinds("I'm unhappy with any approach that drops the outliers.", 'them')).toEqual([]);
    expect(kinds('I posted this on the vendor forum and got no response.', 'them')).toEqual([]);
    expect(kinds("The agenda doesn't have any hint of escalation, which is good news.", 'them')).toEqual([]);
    expect(kinds("I'm sorry that you were upset by my last message.", 'them')).toEqual([]);
    expect(kinds("I'm not happy with how I handled the variable labels, so I'll revise them.", 'them')).toEqual([]);
    expect(kinds('The frustrating thing is that the importer never reports which row failed.', 'them')).toEqual([]);
    expect(kinds('Could you say what you find poor quality about the chart?', 'them')).toEqual([]);
    expect(kinds('I am overdue a new release of my own package anyway.', 'them')).toEqual([]);
    // Still a risk: a complaint asked as a question.
    expect(kinds('Why is the invoice still wrong after three corrections? This is unacceptable.', 'them')).toEqual(['dissatisfaction']);
    // Still a risk: a delay the client suffers, told with "we".
    expect(kinds('The go-live has slipped again and we are now three weeks behind because of it.', 'them')).toEqual(['delay']);
  });
});

describe('findRisks, round 3 (customers writing to their supplier)', () => {
  const signals = (visible: string) => findRisks(visible, 'them').map((r) => [r.kind, r.signal ?? null]);

  it('reads a verdict on the service, its staff or its promises as dissatisfaction', () => {
    expect(kinds('Honestly, that was the worst customer service we have had from any supplier.', 'them')).toEqual(['dissatisfaction']);
    expect(kinds('Your support team is completely useless at the moment.', 'them')).toEqual(['dissatisfaction']);
    expect(kinds('Your account team were not at all helpful on the call.', 'them')).toEqual(['dissatisfaction']);
    expect(kinds('You refused to honour the SLA twice this quarter.', 'them')).toEqual(['dissatisfaction']);
    expect(kinds('We gave you one more chance after the March outage.', 'them')).toEqual(['dissatisfaction']);
    // A verdict said as a sentence of its own judges what came before it.
    expect(kinds('The invoice was wrong again. Unacceptable.', 'them')).toEqual(['dissatisfaction']);
    // Not a verdict on us: a bad experience with a file system, a helpful answer.
    expect(kinds("I've had very bad experience when lots of nodes write to the same file on NFS.", 'them')).toEqual([]);
    expect(kinds('Your answer was very helpful, thank you.', 'them')).toEqual([]);
  });

  it('reads a bare feeling of the writer as aimed at the addressee, but not a feeling about themselves or a thing', () => {
    expect(kinds('The second batch arrived with the same defects. Very disappointed.', 'them')).toEqual(['dissatisfaction']);
    expect(kinds('Frustrated!', 'them')).toEqual(['dissatisfaction']);
    expect(kinds("I'm very disappointed with myself for missing the call.", 'them')).toEqual([]);
    expect(kinds('If you ignore the guide you will get a curt and irritated reply.', 'them')).toEqual([]);
    expect(kinds('The dependency is not satisfied.', 'them')).toEqual([]);
  });

  it('reads silence after the writer asked, but not silence from a third party', () => {
    expect(kinds('I emailed your team on Monday and again on Thursday, but still no response.', 'them')).toEqual(['dissatisfaction']);
    expect(kinds('Requested a status update twice, no response.', 'them')).toEqual(['dissatisfaction']);
    expect(kinds('We have three unanswered emails to your billing team.', 'them')).toEqual(['dissatisfaction']);
    expect(kinds('I contacted the maintainer of the package again, but still no response.', 'them')).toEqual([]);
    expect(kinds('They never responded to our letter.', 'them')).toEqual([]);
  });

  it('reads something owed to the writer that has not come as a delay, but not the writer\'s own unfinished work', () => {
    expect(kinds('It has been two weeks and our order has yet to arrive.', 'them')).toEqual(['delay']);
    expect(kinds('We still have not received the signed contract.', 'them')).toEqual(['delay']);
    expect(kinds('The courier never showed up.', 'them')).toEqual(['delay']);
    expect(kinds('The van turned up 40 minutes after the promised delivery time.', 'them')).toEqual(['delay']);
    expect(kinds('We have been waiting three weeks for the revised quote.', 'them')).toEqual(['delay']);
    expect(kinds('I never got the build working on Windows.', 'them')).toEqual([]);
    expect(kinds("If you haven't received a confirmation email, please submit again.", 'them')).toEqual([]);
    expect(kinds('I have been waiting two hours for the simulation to finish.', 'them')).toEqual([]);
    expect(kinds('Sorry for taking so long to get back to you.', 'them')).toEqual([]);
  });

  it('reads early, repeated or counted failure as a complaint about quality', () => {
    expect(signals('The new chairs are falling apart after two weeks.')).toEqual([['dissatisfaction', 'quality']]);
    expect(signals('The client portal is down again.')).toEqual([['dissatisfaction', 'quality']]);
    expect(signals('That makes three outages in two months.')).toEqual([['dissatisfaction', 'quality']]);
    expect(signals('Honestly the least reliable platform we have ever used.')).toEqual([['dissatisfaction', 'quality']]);
    expect(kinds('The project fell apart because the grant ended.', 'them')).toEqual([]);
    expect(kinds('In this mail I list several bugs in the robust regression code.', 'them')).toEqual([]);
  });

  it('reads the last time, never again, going elsewhere and cancelling in the writer\'s words, asked or told', () => {
    expect(signals('This is the last time we use your courier service.')).toEqual([['cancellation', 'alternatives']]);
    expect(signals('Never ordering from you again.')).toEqual([['cancellation', 'alternatives']]);
    expect(signals("If it is not fixed today we'll order from Northwind instead.")).toEqual([['cancellation', 'alternatives']]);
    expect(kinds("I'm cancelling my subscription at the end of the month.", 'them')).toEqual(['cancellation']);
    expect(kinds('How do I close my account?', 'them')).toEqual(['cancellation']);
    expect(kinds('Can I cancel part of this order?', 'them')).toEqual([]);
    // Advice to the reader, or dropping one's own design, is not leaving us.
    expect(kinds('It would be worth exploring other options than the stock kernel.', 'them')).toEqual([]);
    expect(kinds('We should drop our own scoping rules in favour of the standard ones.', 'them')).toEqual([]);
    expect(kinds('When I wrote the GUI I took a look at several options before choosing Tcl/Tk.', 'them')).toEqual([]);
  });

  it('reads billing errors, being passed around, waiting on the supplier and a fault that persists', () => {
    expect(kinds("You've invoiced us twice for the same work.", 'them')).toEqual(['dissatisfaction']);
    expect(kinds('Your helpdesk hung up on me.', 'them')).toEqual(['dissatisfaction']);
    expect(kinds('We have been passed between three different teams.', 'them')).toEqual(['dissatisfaction']);
    expect(kinds('Our delivery has been delayed again.', 'them')).toEqual(['delay']);
    expect(kinds('Still no progress on the migration since March.', 'them')).toEqual(['delay']);
    expect(kinds("I've been trying to reach your account manager for two weeks.", 'them')).toEqual(['delay']);
    expect(kinds("We've had no access since Monday.", 'them')).toEqual(['delay']);
    expect(signals('The invoice is still wrong.')).toEqual([['dissatisfaction', 'quality']]);
    // The writer's own progress, or a technical fault in their own plot, is not ours.
    expect(kinds("Up to now I've made no progress on doing this.", 'them')).toEqual([]);
    expect(kinds('The axis fonts are still wrong on my plots.', 'them')).toEqual([]);
  });

  it('reads complaining higher up as escalation, asked or told', () => {
    expect(kinds('Where can I make a complaint about one of your managers?', 'them')).toEqual(['escalation']);
    expect(kinds('We have now contacted the ombudsman about the billing.', 'them')).toEqual(['escalation']);
    expect(kinds('Who is the best person to contact at head office?', 'them')).toEqual(['escalation']);
    // Still not a complaints procedure in a footer.
    expect(kinds('If you wish to make a complaint, please follow our complaints procedure at example.com/complaints.', 'them')).toEqual([]);
  });

  it('reads a feeling with an object as about that object: ours is a risk, someone else\'s is not', () => {
    expect(kinds('We are very concerned about the quality of the last two deliveries.', 'them')).toEqual(['dissatisfaction']);
    expect(kinds("I'm really fed up with this now.", 'them')).toEqual(['dissatisfaction']);
    expect(kinds('I was a bit disappointed by that problem.', 'them')).toEqual(['dissatisfaction']);
    expect(kinds("I'm very concerned about the security of npm packages in general.", 'them')).toEqual([]);
    expect(kinds('I get very frustrated with students who produce plots that way.', 'them')).toEqual([]);
    expect(kinds('We got so annoyed about this we wrote our own function.', 'them')).toEqual([]);
  });

  it('does not read work on a thing, one\'s own non-answer or other people\'s questions as risks', () => {
    expect(kinds("I've started on a reorganization of the help pages.", 'them')).toEqual([]);
    expect(kinds("That's a different question, and I didn't really answer it.", 'them')).toEqual([]);
    expect(kinds('My searches found similar questions asked multiple times, but no answers.', 'them')).toEqual([]);
    expect(kinds("This is rather disappointing from the compiler's end; there isn't much we can do.", 'them')).toEqual([]);
    // Still a risk: a reorganisation of the client's company.
    expect(signals('There has been a reorganisation of the company and budgets are frozen.')).toEqual([['cancellation', 'decision-maker']]);
  });
});

describe('findRisks, round 9 (a principal to staff, customers to companies)', () => {
  const signals = (visible: string) => findRisks(visible, 'them').map((r) => [r.kind, r.signal ?? null]);

  it('reads what the reader owes the writer and has not sent as a delay, but not the writer\'s own reading or a third party\'s silence', () => {
    expect(kinds("I still don't have the agenda for Thursday.", 'them')).toEqual(['delay']);
    expect(kinds("We haven't gotten the revised schedule yet.", 'them')).toEqual(['delay']);
    expect(kinds('I did not receive the certificate you promised.', 'them')).toEqual(['delay']);
    expect(kinds('Requested it weeks ago and still not received anything.', 'them')).toEqual(['delay']);
    expect(kinds("I haven't seen the final draft yet.", 'them')).toEqual([]);
    expect(kinds("I don't have a copy of the old contract at hand.", 'them')).toEqual([]);
    expect(kinds('I wrote to the author twice and have not gotten any response.', 'them')).toEqual([]);
  });

  it('reads silence from the reader as a risk, and silence from someone the writer names as news', () => {
    expect(kinds("We sent the purchase order on Monday and haven't heard back.", 'them')).toEqual(['dissatisfaction']);
    expect(kinds("I'm only waiting on you guys at this point.", 'them')).toEqual(['dissatisfaction']);
    expect(kinds('Again no reply to my ticket.', 'them')).toEqual(['dissatisfaction']);
    expect(kinds('Nobody has gotten back to me about the refund.', 'them')).toEqual(['dissatisfaction']);
    expect(kinds("I sent the proposal to Maria but haven't heard back yet.", 'them')).toEqual([]);
    expect(kinds("We haven't heard back from the ministry's office yet.", 'them')).toEqual([]);
    expect(kinds('Still waiting to hear from Marco on his availability.', 'them')).toEqual([]);
    expect(kinds("Have not heard back from the board but will keep you posted.", 'them')).toEqual([]);
    // A chase in two words, and counted outages with what went out named.
    expect(kinds('Still nothing.', 'them')).toEqual(['dissatisfaction']);
    expect(kinds('Still nothing new to report from our side.', 'them')).toEqual([]);
    expect(signals('Three network outages in two months!')).toEqual([['dissatisfaction', 'quality']]);
  });

  it('reads verdicts on the reader\'s work and leaving for another provider, not a technical remark on the reader\'s code', () => {
    expect(kinds('Your onboarding portal is absolutely awful.', 'them')).toEqual(['dissatisfaction']);
    expect(kinds('The new dashboard is an absolute joke.', 'them')).toEqual(['dissatisfaction']);
    expect(kinds('Honestly, a poor customer experience from start to finish.', 'them')).toEqual(['dissatisfaction']);
    expect(kinds("We're done with you guys after this quarter.", 'them')).toEqual(['dissatisfaction']);
    expect(kinds('Pathetic. https://example.com/photo', 'them')).toEqual(['dissatisfaction']);
    expect(kinds('Highly unimpressed with the build quality.', 'them')).toEqual(['dissatisfaction']);
    expect(kinds("Looks like we're leaving you for a different provider.", 'them')).toEqual(['cancellation']);
    expect(kinds('Since the function is called for its side effect, your wrapper was useless.', 'them')).toEqual([]);
  });

  it('does not read a meeting moved, the writer running late, quoted words, a feeling someone else expressed or the escalation of a conflict as a risk', () => {
    expect(kinds('The Monday meeting at 9:15 has been postponed because of the snow.', 'them')).toEqual([]);
    expect(kinds("Please tell Liz we're running late.", 'them')).toEqual([]);
    expect(kinds('"It is all so frustrating."', 'them')).toEqual([]);
    expect(kinds('The partners had expressed disappointment that the fund was not larger.', 'them')).toEqual([]);
    expect(kinds('I spoke with Randy, who was very frustrated with the committee process.', 'them')).toEqual([]);
    expect(kinds('The duty was not enforced in the past due to a listing error.', 'them')).toEqual([]);
    expect(kinds('It is an unacceptable escalation of the conflict.', 'them')).toEqual([]);
    expect(kinds('Both sides were asked to de-escalate tensions before the talks.', 'them')).toEqual([]);
    expect(kinds('If this is not fixed by Friday we will escalate it to our legal team.', 'them')).toEqual(['escalation']);
    // Still risks: our own delivery moved, and the writer's own disappointment told.
    expect(kinds('The launch has been postponed again.', 'them')).toEqual(['delay']);
    expect(kinds('I expressed my disappointment with your team on the call.', 'them')).toEqual(['dissatisfaction']);
  });
});

describe('findRisks, round 10 (a principal chasing in few words, customers to companies)', () => {
  const signals = (visible: string) => findRisks(visible, 'them').map((r) => [r.kind, r.signal ?? null]);

  it('reads a short chase for something the reader sent or owes as a delay, but not an error not seen or news of an invitation', () => {
    expect(kinds('I did not get this.', 'them')).toEqual(['delay']);
    expect(kinds("Didn't get the second one.", 'them')).toEqual(['delay']);
    expect(kinds('I did not get before call.', 'them')).toEqual(['delay']);
    expect(kinds('The binder hasn\'t come yet.', 'them')).toEqual(['delay']);
    expect(kinds('The books did not arrive in New York, so were they sent to the office?', 'them')).toEqual(['delay']);
    expect(kinds("I haven't heard from anyone yet.", 'them')).toEqual(['dissatisfaction']);
    expect(kinds('I never received the loyalty voucher for my order.', 'them')).toEqual(['delay']);
    expect(kinds('I paid on Monday but I haven\'t received the tokens.', 'them')).toEqual(['delay']);
    expect(kinds("I didn't get this error with the old version.", 'them')).toEqual([]);
    expect(kinds("I haven't received the invitation yet to the September meeting.", 'them')).toEqual([]);
    expect(kinds("The answer hasn't come up in the archives.", 'them')).toEqual([]);
  });

  it('does not read someone else running late, an event moved in a later clause, or a third person or a phone not answering', () => {
    expect(kinds('The minister is running late so we will start at four.', 'them')).toEqual([]);
    expect(kinds('I hoped to see you at the photo, but since it has been postponed, thank you now.', 'them')).toEqual([]);
    expect(kinds('Is Oscar at the house? He didn\'t answer my email.', 'them')).toEqual([]);
    expect(kinds('I called and was transferred to the room but got no answer.', 'them')).toEqual([]);
    // Still risks: the reader's people running late, and the reader's own line not answered.
    expect(kinds('Your engineer is running late again.', 'them')).toEqual(['delay']);
    expect(kinds('I called your support line and got no answer.', 'them')).toEqual(['dissatisfaction']);
  });

  it('reads the principal\'s plainer chases: a deliverable she does not have, a thing still not received, the reader not heard back from', () => {
    expect(kinds("I don't have the call sheet for the minister.", 'them')).toEqual(['delay']);
    expect(kinds('I still have not received the seating plan.', 'them')).toEqual(['delay']);
    expect(kinds("I didn't hear back from you, so I'm checking again.", 'them')).toEqual(['dissatisfaction']);
    expect(kinds("I don't have an opinion on the venue.", 'them')).toEqual([]);
    expect(kinds('I never got the model to converge.', 'them')).toEqual([]);
  });

  it('reads a verdict in a hashtag, a rule or the staff called names, and a question why the reader\'s thing is so hard, but not a list user\'s question about their code', () => {
    expect(kinds('Third parcel this month left in the rain. #DeliveryFail', 'them')).toEqual(['dissatisfaction']);
    expect(kinds('@AcmeSupport two hours on the phone and nothing fixed #poorcustomerservice', 'them')).toEqual(['dissatisfaction']);
    expect(kinds('Your rebooking policy for families is ridiculous.', 'them')).toEqual(['dissatisfaction']);
    expect(kinds('The woman at the returns desk was so rude.', 'them')).toEqual(['dissatisfaction']);
    expect(kinds('Crappy customer service again from the Leeds branch.', 'them')).toEqual(['dissatisfaction']);
    expect(kinds('@AcmeBank why is it so hard to close a savings account?', 'them')).toEqual(['dissatisfaction']);
    expect(kinds('Why is your portal still not showing last month\'s invoices?', 'them')).toEqual(['dissatisfaction']);
    expect(kinds('@AcmeTel still no broadband on our street.', 'them')).toEqual(['dissatisfaction']);
    expect(kinds('I tried your patch, still no luck.', 'them')).toEqual([]);
    expect(kinds('Why is it so hard to install rgdal on a Mac?', 'them')).toEqual([]);
    expect(kinds('# this line fails when x is NULL', 'them')).toEqual([]);
    expect(kinds('I am furious about the invoice you sent.', 'them')).toEqual(['dissatisfaction']);
    expect(kinds('"I am furious," said the senator.', 'them')).toEqual([]);
  });

  it('reads leaving, a lawyer, a new handler, early failure and things gone missing in more of the words customers use', () => {
    expect(kinds('Never buy from this shop again.', 'them')).toEqual(['cancellation']);
    expect(kinds('We will never use your courier service again.', 'them')).toEqual(['cancellation']);
    expect(kinds('Should have booked with @OtherAir instead.', 'them')).toEqual(['cancellation']);
    expect(kinds('How do I cancel?', 'them')).toEqual(['cancellation']);
    expect(kinds("I'm going to contact a lawyer about this.", 'them')).toEqual(['escalation']);
    expect(kinds("We'd like to request a different account manager.", 'them')).toEqual(['escalation']);
    expect(kinds("I'll call you tomorrow about the figures.", 'them')).toEqual([]);
    expect(signals('Two week old kettle and the switch has already broken.')).toEqual([['dissatisfaction', 'quality']]);
    expect(signals('The battery life is nowhere near as advertised, not as advertised at all.')).toEqual([['dissatisfaction', 'quality']]);
    expect(signals('The app keeps freezing, constantly crashing since the update.')).toEqual([['dissatisfaction', 'quality']]);
    expect(kinds('I have no idea where my order is.', 'them')).toEqual(['delay']);
    expect(kinds('Has my parcel been sitting in your depot for six days?', 'them')).toEqual(['delay']);
    expect(kinds('Our internet has been down since Tuesday.', 'them')).toEqual(['delay']);
    expect(kinds('Your engineer was supposed to call me back this morning.', 'them')).toEqual(['delay']);
    expect(kinds("He's supposed to call me first.", 'them')).toEqual([]);
    expect(kinds('The interests of the child are undermined by constant delays.', 'them')).toEqual([]);
  });
});


describe('findRisks, round 11 (a principal left without what was owed, customers kept waiting)', () => {
  const signals = (visible: string) => findRisks(visible, 'them').map((r) => [r.kind, r.signal ?? null]);

  it('reads what the reader owed and did not send, said of the thing or in pronouns, but not the writer\'s reading or an answer owed by someone else', () => {
    expect(kinds("The seating chart didn't come thru.", 'them')).toEqual(['delay']);
    expect(kinds("I don't have them yet.", 'them')).toEqual(['delay']);
    expect(kinds("I've not seen any talking points for the lunch.", 'them')).toEqual(['delay']);
    expect(kinds("I didn't get the memo today--at least not yet.", 'them')).toEqual(['delay']);
    expect(kinds("Also, I have not rec'd the speech draft.", 'them')).toEqual(['delay']);
    expect(kinds("I haven't seen the final draft, so I can't comment.", 'them')).toEqual([]);
    expect(kinds('The package came through customs on Monday.', 'them')).toEqual([]);
    expect(kinds("If you don't have them yet, ask the desk.", 'them')).toEqual([]);
  });

  it('reads what the reader supplied as wrong, damaged or down again, but not the writer\'s own error or a curve going down again', () => {
    expect(signals('The number you gave me for the ambassador was wrong.')).toEqual([['dissatisfaction', 'quality']]);
    expect(signals('Your office sent us the wrong invoice again.')).toEqual([['dissatisfaction', 'quality']]);
    expect(signals('The lamp arrived damaged and the box was open.')).toEqual([['dissatisfaction', 'quality']]);
    expect(signals('@AcmeTel are the phone lines down again in our area?')).toEqual([['dissatisfaction', 'quality']]);
    expect(signals('@AcmeTel coverage is getting worse by the day.')).toEqual([['dissatisfaction', 'quality']]);
    expect(kinds('I gave the wrong name in my first message, sorry.', 'them')).toEqual([]);
    expect(kinds('The curve should go up before it is regulated down again.', 'them')).toEqual([]);
  });

  it('reads a refusal to go through it again, a run-around, fairness questioned, and hoping for more, but not a debate about what is fair', () => {
    expect(kinds("I'm not doing this again.", 'them')).toEqual(['dissatisfaction']);
    expect(kinds('Why do we always get the runaround from your desk?', 'them')).toEqual(['dissatisfaction']);
    expect(kinds("So you raised the fees again. How's that fair", 'them')).toEqual(['dissatisfaction']);
    expect(kinds("What's the point in paying for priority support if nobody answers?", 'them')).toEqual(['dissatisfaction']);
    expect(signals('The report covers it, but I had hoped for more emphasis on the pilots.')).toEqual([['dissatisfaction', 'understatement']]);
    expect(kinds("That isn't fair, you charged us twice.", 'them')).toEqual(['dissatisfaction']);
    expect(kinds("It's not fair to compare the two methods on this data.", 'them')).toEqual([]);
    expect(kinds('How is that fair to the other teams?', 'them')).toEqual([]);
    expect(kinds('I hope for more rain this week.', 'them')).toEqual([]);
    expect(signals('I thought this was done.')).toEqual([['dissatisfaction', 'understatement']]);
    expect(signals('I thought had been cancelled.')).toEqual([['dissatisfaction', 'understatement']]);
    expect(kinds('I thought it was a bug, but it is documented.', 'them')).toEqual([]);
    expect(kinds('I thought this was done by the optimiser, so I left it out.', 'them')).toEqual([]);
  });

  it('reads being kept waiting where the writer is, made late, not answered or kept out, but not a shuttle in a story or a third person not answering', () => {
    expect(kinds('Been sitting on the plane for two hours.', 'them')).toEqual(['delay']);
    expect(kinds('@AcmeAir our flight has been on the tarmac for an hour.', 'them')).toEqual(['delay']);
    expect(kinds('@AcmeAir you are going to make me late for my own wedding.', 'them')).toEqual(['delay']);
    expect(kinds('We are now more than 3 hours delayed :(', 'them')).toEqual(['delay']);
    expect(kinds('No reply to my email from last month.', 'them')).toEqual(['dissatisfaction']);
    expect(kinds("I wrote about the broken handle and I haven't had a reply.", 'them')).toEqual(['dissatisfaction']);
    expect(kinds("Why wasn't I told about the change of venue?", 'them')).toEqual(['dissatisfaction']);
    expect(kinds('Why is there no one from legal in my meeting tomorrow?', 'them')).toEqual(['dissatisfaction']);
    expect(kinds("I don't understand why I wasn't told about the visit.", 'them')).toEqual(['dissatisfaction']);
    expect(kinds('The shuttle, which sat on the tarmac for 2 hours, finally left.', 'them')).toEqual([]);
    expect(kinds("I emailed him a week ago and I haven't had a reply.", 'them')).toEqual([]);
    expect(kinds('The leaders meeting is 15 minutes delayed.', 'them')).toEqual([]);
    expect(kinds('Why was there no rain last summer?', 'them')).toEqual([]);
  });

  it('reads asking where to complain, being on the edge of cancelling, and a short verdict, but not someone else\'s feeling named after it', () => {
    expect(kinds('Where can I file a complaint about your branch manager?', 'them')).toEqual(['escalation']);
    expect(kinds('I was this close to cancelling altogether.', 'them')).toEqual(['cancellation']);
    expect(kinds('Please cancel everything!', 'them')).toEqual(['cancellation']);
    expect(kinds('This is ridiculous.', 'them')).toEqual(['dissatisfaction']);
    expect(kinds('Waste of time.', 'them')).toEqual(['dissatisfaction']);
    expect(kinds('@AcmeTV what a joke of a company.', 'them')).toEqual(['dissatisfaction']);
    expect(kinds('What a joke that was, we laughed all night.', 'them')).toEqual([]);
    expect(kinds('It is so horrible.', 'them')).toEqual([]);
    expect(kinds('There was a story this week about how unhappy she is at the school.', 'them')).toEqual([]);
  });

  it('reads the reader leaving a problem as it was, botched work, a verdict on the service, and having to look elsewhere, but not the writer\'s own slip or a package sought', () => {
    expect(kinds('@AcmeCar you did not resolve my issue.', 'them')).toEqual(['dissatisfaction']);
    expect(kinds('I opened two tickets and both were closed without being fixed.', 'them')).toEqual(['dissatisfaction']);
    expect(signals('@AcmeGarage messed up my oil change.')).toEqual([['dissatisfaction', 'quality']]);
    expect(kinds('@AcmeStore your delivery services are subpar.', 'them')).toEqual(['dissatisfaction']);
    expect(kinds('@AcmeTax what a mess you have there!', 'them')).toEqual(['dissatisfaction']);
    expect(signals('Now I have to find another brand.')).toEqual([['cancellation', 'alternatives']]);
    expect(kinds('I think I messed up my installation, can you help?', 'them')).toEqual([]);
    expect(kinds('Your patch did not fix my problem, but thanks for trying.', 'them')).toEqual([]);
    expect(kinds('I need to find another package that reads SPSS files.', 'them')).toEqual([]);
  });

  it('reads being ignored, fleeced or never served right, said to the reader, but not software ignoring an argument or a message to be ignored', () => {
    expect(kinds('Your "support" is ignoring the problem.', 'them')).toEqual(['dissatisfaction']);
    expect(kinds('@AcmeShop you can never get the order right.', 'them')).toEqual(['dissatisfaction']);
    expect(kinds('@AcmeCafe you fleeced me, where is the rest of my order?', 'them')).toEqual(['dissatisfaction']);
    expect(kinds('Nope. Still nada.', 'them')).toEqual(['dissatisfaction']);
    expect(kinds('Totally not cool.', 'them')).toEqual(['dissatisfaction']);
    expect(kinds('R is ignoring my argument, you said?', 'them')).toEqual([]);
    expect(kinds('You can ignore my previous message.', 'them')).toEqual([]);
    expect(kinds('Not cool enough to use everywhere yet, but close.', 'them')).toEqual([]);
  });
});

describe('findRisks, round 12 (requests not carried out, things come too late, customers worn out)', () => {
  const signals = (visible: string) => findRisks(visible, 'them').map((r) => [r.kind, r.signal ?? null]);

  it('reads a principal still without what was owed, or given it too late, but not the writer\'s own equipment or reading', () => {
    expect(kinds("I didn't get the talking points yet.", 'them')).toEqual(['delay']);
    expect(kinds("I don't yet have the call sheet for the minister.", 'them')).toEqual(['delay']);
    expect(kinds("I don't have cards for the dinner at the residence.", 'them')).toEqual(['delay']);
    expect(kinds("I still haven't seen them.", 'them')).toEqual(['delay']);
    expect(kinds('Too late--I already spoke to her.', 'them')).toEqual(['delay']);
    expect(kinds("@AcmeTax It's too late for that now.", 'them')).toEqual(['delay']);
    expect(kinds("I haven't seen it, so I can't say.", 'them')).toEqual([]);
    expect(kinds('The printer is down, so I did not get any remarks from home.', 'them')).toEqual([]);
    expect(kinds("It's never too late to learn R.", 'them')).toEqual([]);
    expect(kinds('I still have nothing to add to the thread.', 'them')).toEqual([]);
  });

  it('reads a request not carried out, an old concern, and a missing item on the schedule, but not worry about the news or a mistaken reading of the docs', () => {
    expect(kinds('Why didn\'t the desk call me as I asked?', 'them')).toEqual(['dissatisfaction']);
    expect(kinds('The draft still has not been cut like we requested.', 'them')).toEqual(['dissatisfaction']);
    expect(kinds('This is another example of my continuing concern that our files are not ready.', 'them')).toEqual(['dissatisfaction']);
    expect(kinds('What bothers me is that the summary leaves out most of the visits.', 'them')).toEqual(['dissatisfaction']);
    expect(signals('I thought I was supposed to speak at the lunch but I don\'t see it on my schedule.')).toEqual([['dissatisfaction', 'understatement']]);
    expect(kinds('I thought I was supposed to pass a list but I don\'t see it in the examples.', 'them')).toEqual([]);
    expect(kinds('As I asked on the list, does anyone have the data?', 'them')).toEqual([]);
    expect(kinds('The concern that inflation will rise is widely shared.', 'them')).toEqual([]);
  });

  it('reads a customer asking why the service is late, what gives, waiting since, indignation and weariness, but not the same words aimed elsewhere', () => {
    expect(kinds('Why is @AcmeAir flight 210 to Denver delayed again?', 'them')).toEqual(['delay']);
    expect(kinds('@AcmeRail stuck outside the station for ages, what gives?', 'them')).toEqual(['dissatisfaction']);
    expect(kinds('@AcmePower please restore the supply, been waiting since 6am', 'them')).toEqual(['delay']);
    expect(kinds('@AcmeCars they have the nerve to call it normal wear.', 'them')).toEqual(['dissatisfaction']);
    expect(kinds('@AcmeNet so sick of your service dropping every night!', 'them')).toEqual(['dissatisfaction']);
    expect(kinds("I got tired of waiting, so you'll see the slow version is commented out.", 'them')).toEqual([]);
    expect(kinds('Why is the second model delayed in converging?', 'them')).toEqual([]);
    expect(kinds('What gives the best fit here?', 'them')).toEqual([]);
    expect(kinds('I have been waiting since Monday for the simulation to finish.', 'them')).toEqual([]);
  });

  it('reads a defect, a bare verdict, giving up, a verdict on customer service, a cancellation and a forgotten order, but not a meeting called off', () => {
    expect(signals('@AcmeWear my new boots have a manufacturing defect.')).toEqual([['dissatisfaction', 'quality']]);
    expect(kinds('So annoying!', 'them')).toEqual(['dissatisfaction']);
    expect(kinds("@AcmeStream I'm done.", 'them')).toEqual(['dissatisfaction']);
    expect(kinds('Yet more awful Acme/Beta customer service.', 'them')).toEqual(['dissatisfaction']);
    expect(kinds('@AcmeMobile No, I just cancelled by phoning you.', 'them')).toEqual(['cancellation']);
    expect(signals('@AcmeTV bring back the old guide please.')).toEqual([['dissatisfaction', 'quality']]);
    expect(kinds('@AcmeChicken how do your staff forget the fries every time?', 'them')).toEqual(['dissatisfaction']);
    expect(kinds('I cancelled the meeting with you, sorry.', 'them')).toEqual([]);
    expect(kinds("I'm done with the first part of the analysis.", 'them')).toEqual([]);
    expect(kinds('The frustrating thing is the missing documentation.', 'them')).toEqual([]);
    expect(kinds('Yes, very frustrating.', 'them')).toEqual([]);
    expect(kinds('The weather advisory is clear. Just frustrating.', 'them')).toEqual([]);
    expect(kinds('A defect in my reasoning, I admit.', 'them')).toEqual([]);
  });
  it('reads being sent in circles, indignation to the reader, and a disorganised service, but not the writer\'s own circles or a question to a famous man', () => {
    expect(kinds('The help page keeps sending me in a loop back to the login.', 'them')).toEqual(['dissatisfaction']);
    expect(kinds('@AcmeBooks how is it that a pre-order takes longer than walking into the shop?', 'them')).toEqual(['dissatisfaction']);
    expect(kinds("@AcmePower there's no excuse for the supply to fail this often.", 'them')).toEqual(['dissatisfaction']);
    expect(kinds('@AcmeStore what happened to my son should never have happened.', 'them')).toEqual(['dissatisfaction']);
    expect(kinds('@AcmeCars you are not doing enough to fix the smell.', 'them')).toEqual(['dissatisfaction']);
    expect(kinds('@AcmeAir you made me pay for a second seat.', 'them')).toEqual(['dissatisfaction']);
    expect(kinds("@AcmeShop I'm still trying to get my account opened!", 'them')).toEqual(['dissatisfaction']);
    expect(kinds('There is nothing more infuriating than the @AcmeShop checkout.', 'them')).toEqual(['dissatisfaction']);
    expect(kinds('There is no reason things should be this disorganized.', 'them')).toEqual(['dissatisfaction']);
    expect(kinds("I'm going round in circles on this install, any hints?", 'them')).toEqual([]);
    expect(kinds('He asked him "how is it that you got through those years and you are not bitter?"', 'them')).toEqual([]);
    expect(kinds('There is no excuse for violence against civilians.', 'them')).toEqual([]);
  });
});

describe('findRisks, round 13 (a product that got worse, a hedged complaint, time lost, pushed elsewhere, problems counted)', () => {
  const signals = (visible: string): [RiskKind, string | undefined][] => findRisks(visible, 'them').map((r) => [r.kind, r.signal]);

  it('reads what worked before and does not since a change, but not a person who used to work somewhere or a passive "used to"', () => {
    expect(signals('The export used to work, but since the last update it hangs.')).toEqual([['dissatisfaction', 'quality']]);
    expect(signals('I ran the import just fine with the previous release.')).toEqual([['dissatisfaction', 'quality']]);
    expect(signals('This report worked a few weeks ago.')).toEqual([['dissatisfaction', 'quality']]);
    expect(signals('I upgraded to 4.2 and now the dashboard will not load.')).toEqual([['dissatisfaction', 'quality']]);
    expect(signals('After the latest update of the plugin, I am getting a blank page.')).toEqual([['dissatisfaction', 'quality']]);
    expect(signals('The sync stopped working after the recent upgrade.')).toEqual([['dissatisfaction', 'quality']]);
    expect(signals('When version 3.1 was released this problem showed up for us too.')).toEqual([['dissatisfaction', 'quality']]);
    expect(signals('@AcmeConsole I get these errors and I never used to get them!')).toEqual([['dissatisfaction', 'quality']]);
    expect(kinds('I used to work at a bank before this job.', 'them')).toEqual([]);
    expect(kinds('Quirks are used to work around buggy devices.', 'them')).toEqual([]);
    expect(kinds("I'm new here and used to work with the old tools.", 'them')).toEqual([]);
    expect(kinds('It seemed to have worked well until the last step.', 'them')).toEqual([]);
    expect(kinds('After the release of the next version the old packages will not be installable.', 'them')).toEqual([]);
  });

  it('reads a complaint told as the writer finding the product annoying, but not a limit admitted in passing', () => {
    expect(signals('I sometimes find it a little annoying when the window jumps to the front.')).toEqual([['dissatisfaction', 'understatement']]);
    expect(kinds('Personally, I find it quite cumbersome to use.', 'them')).toEqual(['dissatisfaction']);
    expect(kinds("It's a bit annoying that the installer can't find it, but on the other hand it shouldn't have to.", 'them')).toEqual([]);
  });

  it('reads time wasted on the product and giving up in frustration, but not a waste avoided or left behind for it', () => {
    expect(kinds('I wasted so much time trying to get the portal to do anything.', 'them')).toEqual(['dissatisfaction']);
    expect(kinds('I gave up in frustration after a week of it.', 'them')).toEqual(['dissatisfaction']);
    expect(kinds('Without your help I could have wasted weeks on this!', 'them')).toEqual([]);
    expect(kinds('I wasted a lot of time on Apache before switching to your server.', 'them')).toEqual([]);
  });

  it('reads being pushed onto something else and problems many users reported, but not being forced to use the product or reported success', () => {
    expect(signals('We need your library but ended up having to use another one for the web part.')).toEqual([['cancellation', 'alternatives']]);
    expect(signals('Many users (mostly on the new release) reported several issues with the driver.')).toEqual([['dissatisfaction', 'quality']]);
    expect(kinds('Until I was forced to use it, I had only heard bad things.', 'them')).toEqual([]);
    expect(kinds('Many people reported success with the new build.', 'them')).toEqual([]);
  });
});

describe('findRisks, round 13 (a feeling told to a company\'s account)', () => {
  it('reads the writer\'s own feeling in a message to a company\'s account as about that company, but not one about the weather or someone else\'s', () => {
    expect(kinds("@AcmeLaptops I'm fed up with Acme!", 'them')).toEqual(['dissatisfaction']);
    expect(kinds('So frustrated dealing with the mould in the bathroom of the house we bought last spring @AcmeHomes', 'them')).toEqual(['dissatisfaction']);
    expect(kinds("I'm fed up with Acme!", 'them')).toEqual([]);
    expect(kinds("@AcmeAir I'm so frustrated with the weather today.", 'them')).toEqual([]);
    expect(kinds('@AcmeAir my son is so upset with his teacher.', 'them')).toEqual([]);
  });
});

describe('findRisks, round 13 (indignation put to a company\'s account)', () => {
  it('reads "what the hell", "are you kidding me", "unbelievable" written to an account, but not the same words between list users or in a memo', () => {
    expect(kinds('@AcmePower what the hell is going on?', 'them')).toEqual(['dissatisfaction']);
    expect(kinds('@AcmeBrew are you kidding me? #recall', 'them')).toEqual(['dissatisfaction']);
    expect(kinds('@AcmeMobile This unbelievable! My data was gone in an hour.', 'them')).toEqual(['dissatisfaction']);
    expect(kinds('What the hell is a component?', 'them')).toEqual([]);
    expect(kinds('Sun RPC: Um... are you serious?', 'them')).toEqual([]);
    expect(kinds('It is unbelievable that the House declared a holiday without resolving the impasse.', 'them')).toEqual([]);
  });
});

describe('findRisks, round 14 (users let down: a fault dated to a release, a report nobody answered, a fault left standing, nothing said, money for nothing)', () => {
  const signals = (visible: string): [RiskKind, string | undefined][] => findRisks(visible, 'them').map((r) => [r.kind, r.signal]);

  it('reads a fault dated to a release of the product, but not a change introduced on purpose or the writer\'s own code that used to work', () => {
    expect(signals('The crash was introduced in 2.3.1, as far as I can tell.')).toEqual([['dissatisfaction', 'quality']]);
    expect(signals('Since the last upgrade I used to be able to export, now the menu is grey.')).toEqual([['dissatisfaction', 'quality']]);
    expect(signals('I tried it again with 4.0.2 and it worked fine.')).toEqual([['dissatisfaction', 'quality']]);
    expect(kinds('The new caching layer was introduced to speed things up.', 'them')).toEqual([]);
    expect(kinds('I wrote a small script for my lab that used to work in the old viewer.', 'them')).toEqual([]);
  });

  it('reads a report nobody answered, but not silence from someone the writer names', () => {
    expect(signals('I reported the same problem last month but got no reply.')).toEqual([['dissatisfaction', 'understatement']]);
    expect(signals('I have asked twice for a refund but there has been no response.')).toEqual([['dissatisfaction', 'understatement']]);
    expect(kinds('I wrote to the vendor of the driver but there was no response.', 'them')).toEqual([]);
    expect(kinds('My searches found similar questions asked multiple times, but no answers.', 'them')).toEqual([]);
    expect(kinds('I posted this on the forum and got no response.', 'them')).toEqual([]);
  });

  it('reads a fault left standing for years or called plainly annoying, but not "a bit annoying that" or a thing that exists for years', () => {
    expect(kinds('This bug has existed for three years now.', 'them')).toEqual(['dissatisfaction']);
    expect(kinds('The sync drops every hour and it is really annoying.', 'them')).toEqual(['dissatisfaction']);
    expect(kinds("It's a bit annoying that the installer can't find it, but on the other hand it shouldn't have to.", 'them')).toEqual([]);
    expect(kinds('The library has existed for years and is widely used.', 'them')).toEqual([]);
  });

  it('reads what the product does not tell its users, but not a missing word in a log or a constitution', () => {
    expect(signals('The export drops the labels and there is no warning that it will.')).toEqual([['dissatisfaction', 'understatement']]);
    expect(signals('The option was removed and there was no mention of it in the release notes.')).toEqual([['dissatisfaction', 'understatement']]);
    expect(kinds('I ran dmesg and there is no mention of the camera.', 'them')).toEqual([]);
    expect(kinds('There is no mention of immunity in the constitution.', 'them')).toEqual([]);
  });

  it('reads a decline told across two sentences, the change and then "now" the failure, but not "now" after anything else', () => {
    expect(signals('I updated to the latest release yesterday. Now the viewer crashes at start.')).toEqual([['dissatisfaction', 'quality']]);
    expect(kinds('I read the tutorial twice. Now it crashes at start.', 'them')).toEqual([]);
    expect(kinds('I updated to the latest release yesterday. Now I understand the new menu.', 'them')).toEqual([]);
  });

  it('reads money paid for something that does not work', () => {
    expect(kinds('I paid $900 for the unit last year and it is broken already.', 'them')).toEqual(['dissatisfaction']);
    expect(kinds('I paid $900 for the unit last year and it works well.', 'them')).toEqual([]);
  });

  it('reads a fault still there, money short and exasperation in a message to an account, even where the handle is in another sentence', () => {
    expect(kinds('@AcmeAir But the screen is still not working!!', 'them')).toEqual(['dissatisfaction']);
    expect(kinds('@AcmeCloud Account closed, all my files removed. What kind of stupidity is going on :(', 'them')).toEqual(['dissatisfaction']);
    expect(kinds('@AcmeFoods Went to my local shop. They short changed me by ten pound.', 'them')).toEqual(['dissatisfaction']);
    expect(kinds('After trying the patch my webcam is still not working.', 'them')).toEqual([]);
    expect(kinds('What kind of stupidity is going on here, I wonder, in my own code.', 'them')).toEqual([]);
  });
});

describe('findRisks, round 15 (the families the issue names: renewal in doubt, a decline, a date in doubt, understatement, missed milestones counted)', () => {
  const signals = (visible: string): string[] => findRisks(visible, 'them').map((r) => r.signal ?? r.kind);

  it('reads a renewal in doubt or a competitive process around it, not a renewal asked for or an outing planned', () => {
    for (const sentence of [
      "We're undecided about renewing.",
      "We're reviewing whether to renew with you.",
      "Honestly we're not sure we will renew in the spring.",
      "Ahead of the renewal we'll be inviting two or three other firms to pitch.",
      'Procurement has asked us to run a competitive process before we renew.',
      "We're going to get some comparison quotes before the contract renews in March.",
      'The board wants us to benchmark your pricing against the market at renewal.',
      "I've been asked to put the contract out for quotes when it comes up for renewal.",
      "We've been approached by a couple of your competitors.",
      'We are weighing our options for next year.',
      'Finance wants three quotes before we sign another year with you.',
    ]) expect(signals(sentence), sentence).toEqual(['alternatives']);
    for (const sentence of [
      'The renewal notice is attached.',
      "We'd like to renew for another year.",
      'Can you send us a quote for the renewal?',
      "I'm not sure whether to renew my passport before the trip.",
      "We're looking at other options for the venue.",
      'We are weighing our options for the team dinner.',
    ]) expect(signals(sentence), sentence).toEqual([]);
  });

  it('reads a decline in the work said of the work, not of sales, support dropped for an old version, or life', () => {
    for (const sentence of [
      'The last few reports have been noticeably weaker than what we used to get.',
      'Standards seem to have slipped over the past couple of months.',
      'The quality has really dipped recently.',
      "We've noticed more mistakes creeping into the monthly reports.",
      "The work isn't what it was when we started.",
      'The reports are not as thorough as they used to be.',
      'Lately the translations have needed a lot more correction on our side.',
    ]) expect(signals(sentence), sentence).toEqual(['quality']);
    for (const sentence of [
      'Our own sales dropped last quarter.',
      'Python 2.7 support has been dropped in trunk.',
      'Their quality of life has been worsened.',
      'The quality of the scan is too low to read; could you resend it?',
      'It simply generated more problems than it was worth.',
    ]) expect(signals(sentence), sentence).toEqual([]);
  });

  it('reads doubt that a date will be made, not a party, a trip or a status question', () => {
    for (const sentence of [
      "I'm not sure we'll make the 15th at this rate.",
      "I'm starting to doubt we'll hit the deadline.",
      "At this pace I don't see how the launch can happen on the 1st.",
      'The timeline is looking increasingly unrealistic to me.',
      "I'm not confident the team will be ready for the go-live on the 3rd.",
      'My concern is that the delivery date will slip again.',
      "I don't think we'll make the deadline at this rate.",
    ]) expect(signals(sentence), sentence).toEqual(['date-worry']);
    for (const sentence of [
      "I'm not sure we'll make it to the party on Friday.",
      "I'm nervous about my presentation on Friday.",
      'The deadline for submissions is Friday.',
      'Is the timeline in the shared folder?',
    ]) expect(signals(sentence), sentence).toEqual([]);
  });

  it('reads a complaint in understatement, not a developer finding a function surprising', () => {
    for (const sentence of [
      "It's not quite what we had in mind.",
      "This wasn't really what we were expecting.",
      'We were hoping for a bit more from this release.',
      "I'd have expected a quicker turnaround.",
      'Not ideal, to be honest.',
      'The response time has been less than stellar.',
      "The handover hasn't been as smooth as we'd hoped.",
      "The rollout hasn't gone as well as we had hoped.",
      "We're somewhat surprised by the size of the invoice.",
    ]) expect(signals(sentence), sentence).toEqual(['understatement']);
    for (const sentence of [
      "I'd have expected the function to return NULL here.",
      'The result of the first call was not what I expected.',
      'Storing passwords in plain text is less than ideal.',
      "I'm a little surprised by your comment, since I solved it in the first post.",
      'Not ideal weather for the picnic.',
      "We're hoping for more sun next week.",
    ]) expect(signals(sentence), sentence).toEqual([]);
  });

  it('reads missed milestones counted, not milestones met or listed', () => {
    for (const sentence of [
      "That's three deadlines in a row now.",
      "We've now missed every milestone this quarter.",
      'None of the last three deliveries arrived on time.',
      'Two of the three milestones have already slipped.',
      'Each of the last four releases has been late.',
      'Every deadline so far has slipped.',
    ]) expect(signals(sentence), sentence).toEqual(['missed-milestones']);
    for (const sentence of ['We hit all three milestones.', 'The three milestones are listed below.', 'Two deadlines are coming up next month.']) {
      expect(signals(sentence), sentence).toEqual([]);
    }
  });

  it('leaves footers, escalation as the name of a process, and feelings about things no supplier made', () => {
    for (const sentence of [
      'If you are dissatisfied with the handling of your complaint you may escalate it to the Ombudsman.',
      'Escalation: Jane Smith, Head of Service Delivery.',
      'The escalation clause in the contract sets out the steps.',
      'Level 2 escalation goes to the duty manager.',
      'I was disappointed to miss your talk at the conference.',
      'The delays on the M25 were frustrating this morning.',
      "Frustrating morning with the trains, sorry I'm late.",
      "I'm frustrated with our own finance team, who still haven't approved the PO.",
      'Really disappointed in the result of the game.',
      'Our board is unhappy with the share price.',
    ]) expect(signals(sentence), sentence).toEqual([]);
    // The same words about the supplier stay risks.
    expect(kinds('If this is not fixed by Friday I will escalate it to your CEO.', 'them')).toEqual(['escalation']);
    expect(kinds('This needs escalation.', 'them')).toEqual(['escalation']);
    expect(kinds('@SouthernRail trains late again, so frustrating', 'them')).toEqual(['dissatisfaction']);
    expect(kinds('We are very disappointed with the quality of the last two reports.', 'them')).toEqual(['dissatisfaction']);
  });
});

describe('findRisks, round 15 (families read from unlabelled customers\' mail: no reply after contact, a verdict on the business, let down, thanks that are a complaint, regret)', () => {
  it('reads silence after the writer got in touch with the reader, not with someone the writer names', () => {
    for (const sentence of [
      "I've DM'd you and nothing back.",
      'I have tweeted you three times, not heard back.',
      'I left two voicemails for your account manager and nobody has called back.',
      'Haven\'t had one yet.',
    ]) expect(kinds(sentence, 'them').length, sentence).toBe(1);
    for (const sentence of ['I emailed him last week but no reply.', "I've messaged you the logs, and I'll check the reply tomorrow.", "Haven't had lunch yet."]) {
      expect(kinds(sentence, 'them'), sentence).toEqual([]);
    }
  });

  it('reads a verdict on the reader as a business, not the same words about something else', () => {
    for (const sentence of [
      'Your team is completely disorganised.',
      'Frankly, what you charge for support is extortion.',
      'You show no respect for your customers.',
      'Please get your act together before the next release.',
      'We have been treated appallingly by your staff.',
      'Thanks to your incompetence the launch is off.',
    ]) expect(kinds(sentence, 'them'), sentence).toEqual(['dissatisfaction']);
    for (const sentence of ['Respect for the environment matters to us.', 'The old shed is disorganised.', 'You are hopeless at golf, Tom.']) {
      expect(kinds(sentence, 'them'), sentence).toEqual([]);
    }
  });

  it('reads being let down, thanks that are a complaint, and regret at the choice', () => {
    for (const sentence of [
      'We feel let down by the way this was handled.',
      "You've let us down again on the March report.",
      'Thanks for ignoring my last three emails.',
      'Thank you for not telling us about the outage until Friday.',
      'Thanks for sending us the wrong pallets again.',
      'We really regret switching to your platform.',
    ]) expect(kinds(sentence, 'them'), sentence).toEqual(['dissatisfaction']);
    expect(findRisks('Not exactly thrilled with your revised offer.', 'them').map((r) => r.signal)).toEqual(['understatement']);
    for (const sentence of [
      'Sorry to let you down on Friday.',
      'Bad planning can let us down.',
      'Thanks for sending the slides.',
      'Thanks for breaking it up into smaller patches!',
      "I'm not too happy with my own patch yet.",
      'I regret that I cannot attend.',
    ]) expect(kinds(sentence, 'them'), sentence).toEqual([]);
  });
  it('reads what was owed by a date, welcome words for what was not done, the reader contradicted, and the price questioned', () => {
    for (const sentence of [
      'We should have had the revised draft by Monday.',
      "I should've received the refund last week.",
      'A heads-up would have been nice.',
      'Some basic communication with your customers would be a good start.',
      "That's not what your account manager told us in March.",
      'What exactly are we paying you for?',
    ]) expect(kinds(sentence, 'them').length, sentence).toBe(1);
    for (const sentence of [
      'I should have got a bigger one.',
      'A reply would be appreciated.',
      'A phone call would be easier than email.',
      'What are we paying for the venue?',
      'That is what you told us, and it worked.',
    ]) expect(kinds(sentence, 'them'), sentence).toEqual([]);
  });
  it('reads a wait set against the speed promised, and an account told to stop pestering', () => {
    expect(findRisks('Ten days is not what I would call a quick turnaround.', 'them').map((r) => r.signal)).toEqual(['understatement']);
    expect(findRisks('Three weeks is hardly urgent.', 'them').map((r) => r.signal)).toEqual(['understatement']);
    expect(kinds('@AcmeShop please stop sending me 6 promo emails a day', 'them')).toEqual(['dissatisfaction']);
    for (const sentence of ['Two days is not enough to test it.', 'Five minutes is not a long time.', 'Please stop sending HTML mail to the list.', 'We will stop sending the weekly digest.']) {
      expect(kinds(sentence, 'them'), sentence).toEqual([]);
    }
  });
  it('reads a notice of ending and a question that is a verdict, not an example or a question about needs', () => {
    expect(kinds('Consider the contract terminated as of today.', 'them')).toEqual(['cancellation']);
    expect(kinds('Consider this our notice to terminate the retainer.', 'them')).toEqual(['cancellation']);
    expect(kinds('@AcmeTel what type of service is this', 'them')).toEqual(['dissatisfaction']);
    for (const sentence of ['Consider the following example.', 'What kind of service do you need?', 'Please consider the order closed once it ships.']) {
      expect(kinds(sentence, 'them'), sentence).toEqual([]);
    }
  });
});

describe('findClientRisks (a batch of client mail read rule by rule)', () => {
  it('gives each body what findRisks gives it, the first rule that decides a sentence naming its risk', () => {
    // Sentences two rules read differently: the earlier rule's reading is the one kept ("still no response" is plain
    // dissatisfaction before it is an understatement; "late again, so frustrating" dissatisfaction before a delay).
    const bodies = [
      'I emailed your team on Monday and again on Thursday, but still no response. Thanks for the update on the roadmap.',
      'Hi Maya, the numbers look right to us.',
      'I was a bit disappointed by that problem.',
      '@SouthernRail trains late again, so frustrating',
    ].map((visible) => ({ visible, sentences: splitSentences(visible) }));
    const together = findClientRisks(bodies);
    expect(together).toEqual(bodies.map((b) => findRisks(b.visible, 'them', b.sentences)));
    expect(together.map((risks) => risks.map((r) => r.signal ?? r.kind))).toEqual([['dissatisfaction'], [], ['understatement'], ['dissatisfaction']]);
  });
});
