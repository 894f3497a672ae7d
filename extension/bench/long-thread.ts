/**
 * A Gmail conversation page with `count` messages, in the structure of the dated fixtures: the client
 * and us alternating over several weeks, with requests, promises, quoted history and signatures, the
 * first ones collapsed as Gmail shows long threads. Invented text throughout.
 */
const CLIENT = { name: 'Dana Lee', email: 'dana.lee@northwind-logistics.example' };
const US = { name: 'Alex Morgan', email: 'alex.morgan@ourco.example' };

const CLIENT_LINES = [
  'Could you send the updated depot schedule before our call?',
  'We are still waiting on the revised rollout plan. Honestly, this is getting frustrating.',
  'Thanks for the update. Can you confirm the cut-over weekend with your team?',
  'The warehouse leads asked whether training can move to the week after go-live.',
  'Please share the invoice breakdown for October when you have it.',
];
const US_LINES = [
  "I'll send the updated schedule by Thursday.",
  'Apologies for the delay. We will have the revised plan to you by Friday.',
  "Confirmed: cut-over is the weekend of 5 December. I'll circulate the checklist tomorrow.",
  'Training can move; I will check availability with the trainers and get back to you by Monday.',
  "Attached is the October breakdown. Let me know if anything looks off.",
];

function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function gmailTime(date: Date): string {
  const days = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const h = date.getUTCHours();
  const hour12 = h % 12 === 0 ? 12 : h % 12;
  const minute = String(date.getUTCMinutes()).padStart(2, '0');
  return `${days[date.getUTCDay()]}, ${months[date.getUTCMonth()]} ${date.getUTCDate()}, ${date.getUTCFullYear()}, ${hour12}:${minute} ${h < 12 ? 'AM' : 'PM'}`;
}

export function longGmailThread(
  count: number,
  collapsed = Math.max(0, count - 6),
  threadId = '1938c0a7d2b4e5ff',
): { html: string; main: string; url: string } {
  const start = Date.parse('2026-09-01T08:00:00Z');
  const items: string[] = [];
  for (let i = 0; i < count; i += 1) {
    const fromClient = i % 2 === 0;
    const who = fromClient ? CLIENT : US;
    const to = fromClient ? US : CLIENT;
    const line = (fromClient ? CLIENT_LINES : US_LINES)[Math.floor(i / 2) % 5]!;
    // Replies arrive 1-30 working hours apart, over about three months.
    const sent = new Date(start + i * 43 * 3_600_000 + (i % 7) * 1_900_000);
    const id = `${threadId.slice(0, 10)}${i.toString(16).padStart(6, '0')}`;
    const sender = `<span class="gD" email="${who.email}" name="${who.name}">${who.name}</span>`;
    const time = `<span class="g3" title="${gmailTime(sent)}">${gmailTime(sent)}</span>`;
    if (i < collapsed) {
      items.push(`<div class="h7" role="listitem"><div class="kv" data-legacy-message-id="${id}"><table><tbody><tr><td>${sender}</td><td>${time}</td></tr></tbody></table><div class="iA g6"><span>${escape(line)}</span></div></div></div>`);
      continue;
    }
    const body = [`Hi ${to.name.split(' ')[0]},`, '', line, '', 'Best,', who.name.split(' ')[0], '', `${who.name} | Account team`]
      .map((l) => (l ? `<div dir="ltr">${escape(l)}</div>` : '<div dir="ltr"><br></div>'))
      .join('');
    const quote = `<div class="gmail_quote"><div class="gmail_attr">On ${gmailTime(new Date(sent.getTime() - 86_400_000))} ${to.name} &lt;${to.email}&gt; wrote:</div><blockquote class="gmail_quote">${escape(line)}</blockquote></div>`;
    items.push(
      `<div class="h7" role="listitem"><div class="adn ads" data-legacy-message-id="${id}"><div class="gs"><div class="gE iv gt"><table class="cf gJ"><tbody><tr class="acZ"><td class="gF gK"><h3 class="iw">${sender}</h3></td><td class="gH">${time}</td></tr><tr class="acZ xD"><td colspan="2"><span class="hb">to <span class="g2" email="${to.email}" name="${to.name}">${to.name}</span></span></td></tr></tbody></table></div><div class="ii gt"><div class="a3s aiL">${body}${quote}</div></div></div></div></div>`,
    );
  }
  const main = `<div class="ha"><h2 class="hP" data-legacy-thread-id="${threadId}">Leeds depot rollout</h2></div>
<div role="list">${items.join('\n')}</div>`;
  const html = `<!doctype html><html><head><title>Leeds depot rollout - ${US.email} - Ourco Mail</title></head><body>
<a aria-label="Google Account: ${US.name} (${US.email})" href="https://accounts.google.com/SignOutOptions">AM</a>
<div role="main">${main}</div></body></html>`;
  return { html, main, url: `https://mail.google.com/mail/u/0/#inbox/${threadId}` };
}
