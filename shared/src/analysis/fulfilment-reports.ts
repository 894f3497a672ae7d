/**
 * Promises to find something out, and the later reports that keep them (PRODUCT.md "Kept").
 *
 * "I'll take a look", "I'll give it a try", "I'll see if the same thing applies to XP", "I'll report back to
 * say whether this worked", "I'll follow this up soon": what is promised is an examination, and it is done when the promiser reports
 * what the examination found: "Had a quick look and I have a few comments", "bang!, big improvement",
 * "Nope, that works OK", "the following commands worked", "the cluster administrator has suggested the
 * problem is due to ...". Such a report talks about the result, so it rarely repeats the promise's words:
 * only the thread ties it to the promise (fulfilment.ts asks for the same thread), and only a report of a
 * look, a try or an outcome counts, not any act the promiser later mentions.
 *
 * Checking, confirming, asking or reaching out ("I'll check with Lona", "Will confirm", "I will inquire", "Will reach
 * out") is such an examination too: it is done when the answer heard is passed on ("Lona said it is scheduled for
 * tomorrow", "Tom could do 8:30am", "From Dave A: ...": text/reported-answers.ts). A look or a try is also done when the
 * fix it led to is told landed ("Fixed in CVS.", "This should be fixed in r15022." after "I will investigate") or how
 * the try turned out is told in the fewest words ("Worked great." after "I'll try it"): text/terse-reports.ts.
 *
 * Not a report of the finding:
 * - a link or a file someone else published ("there is a patch available from CRAN <link>" does not say
 *   it was tried);
 * - an attempt to reach someone ("I tried calling you"), an agreement to a time ("that works for me");
 * - a slip or a negation ("still looking into it", "haven't had a look yet"): deliveries.ts never reads
 *   those as answers.
 */

import { reportsAnswerHeard } from './text/reported-answers';
import { reportsTerseFinding } from './text/terse-reports';

/** The promise commits to examining something and, by saying so, to telling what it found. */
const INQUIRY =
  /\b(?:try|test|give (?:it|this|that|them) a (?:try|go|shot|spin|whirl)|experiment|play (?:around )?with|(?:have|take) a (?:\w+ )?look|look (?:at|into)|(?:double[- ]?|triple[- ]?|re-?)?(?:check|ck)(?: (?:today|tomorrow|tonight|later|first thing))?(?: (?:it|this|that|them|whether|if|how|what|with|on|back|now|again|in|into|out|locally|first|when|once|after|before|as soon as)\b|(?=\s*[.!)]|\s*$))|(?:i'm|i am|we're|we are) (?:now |just )?checking\b|confirm\b|inquire|enquire|ask around|ask (?:him|her|them|about|if|whether)\b(?!\s+to\b)|reach out|get (?:right )?back to (?:you|the list)|^make sure(?=\W*$)|see (?:if|whether|how|what)|find out|figure out|investigate|(?:run|track) (?:it|this|that|them) down|follow (?:this|it|that|them) up|follow up on (?:this|it|that|them)|report back|(?:post|send|give|provide)(?: (?:you|the list|everyone))? (?:an? )?(?:regular |further |more |some |periodic |frequent |progress |quick |brief )?updates?|let (?:you|the list|everyone|you all) know|keep (?:you|the list|everyone) (?:posted|updated|informed|advised|apprised)|update (?:you |everyone )?(?:more|further|again)|(?:give|send) (?:you )?feedback|report (?:the|on|whether|how))\b/i;

/**
 * What the examination found, in the promiser's words: the try or the look itself, in the first person or
 * opening the sentence ("I tried ...", "We ran ...", "Had a quick look", "I was able to confirm ..."); an outcome ("big improvement", and OUTCOME
 * below: "that works OK", "the following commands worked", "still fails"); what someone asked said, or the cause found;
 * the findings presented ("here my findings on the memleak");
 * a shell session pasted ("edd@ron:~$ grep blas ..."): what was run, and what it printed.
 */
const FINDING =
  /\b(?:i|we) (?:\w+ )?(?:tried|tested|ran|installed|compiled|built|rebuilt|checked|looked|investigated|reproduced|benchmarked|timed)\b|^(?:just |now |also |then )?(?:tried|tested|installed|reinstalled|rebuilt|recompiled|compiled|checked|looked)\b(?!:)|\b(?:i|we)(?:'ve| have)? (?:\w+ )?(?:found|figured out|tracked down|identified)\b|\b(?:i|we) (?:was|were) (?:finally |now )?able to (?:reproduce|confirm|verify|install|run|build|compile|load|get)\b|\b(?:solved|fixed) the problem\b|\b(?:is|here's|here is) (?:a|one|my|the) (?:[\w-]+ ){0,2}(?:solution|workaround)\b|\b(?:gone|went) (?:through )?(?:ok|okay|fine|well|smoothly)\b|(?:^|\b(?:i|we)(?:'ve| have)? )(?:had|took) (?:a|another) (?:\w+ )?look\b|\b(?:improvement|speed-?up)\b|\b(?:has|have) (?:also )?(?:suggested|replied|explained|pointed out|told (?:me|us))\b|\b(?:is|was|seems to be|appears to be) (?:due to|caused by)\b|\bhere(?:'s| is| are)? (?:are )?(?:my|our|the) (?:\w+ )?findings\b|\b[\w.-]+(?:@| at )[\w.-]+:[~/][^\s$#]*[$#] /i;

/**
 * An outcome told of the thing itself ("that works OK", "everything is working fine now", "it still fails"), not
 * of "they are working on it". Read apart from FINDING because only these can be a general statement instead.
 */
const OUTCOME =
  /\b(?:it|that|this|everything|which|they|these|the following(?: \w+)?|the [\w-]+) (?:now |finally |then |also |all |still )?(?:works|worked|(?:is|are) working(?! (?:on|with|at|for|in|to|through|towards?)\b)|seems to work|seem to work|seemed to work|seems to have solved|fails|failed|runs|ran fine|crashes|crashed)\b/i;

/**
 * An outcome in a prediction or under a condition is no finding: "the list will most definitely be different,
 * because the updating works every time", "once I am sure everything is working", "to make sure it is working",
 * "please report if everything is working", or beside a plan of the writer's ("In future I will add history editing (as it
 * works in cmd.exe)": what works is the model, not what was tried) ("it works if I ..." and "it works
 * when ..." still report what was found). A try or a pasted session in the same sentence still is one (apt prints
 * "The following NEW packages will be installed").
 */
const NOT_AN_OUTCOME = /\b(?:will|'ll|’ll|would) (?:\w+ ){0,2}be\b|\b(?:i|we) (?:will|'ll|’ll|shall)\b|\b(?:i|we)(?:'ll|’ll)\b|\b(?:once|until|unless|whether|not sure if|make sure|ensure|please)\b/i;

/** What the thing turned out to be ("It turns out there are two distinct issues"); read with NOT_AN_OUTCOME, as OUTCOME. */
const TURNED_OUT = /\b(?:it|as it) turns out\b/i;

/** Not a finding: reaching someone, or a time that suits. */
const NOT_A_FINDING = /\btried (?:to )?(?:call|ring|phone|reach|contact|email|get hold)|\bworks? (?:for|with) (?:me|us|you|both)\b/i;

/** Whether the promise's own commitment ("I'll ...") is to examine something and tell what it found. */
export function isInquiry(commitment: string): boolean {
  return INQUIRY.test(commitment);
}

/** Whether a sentence of our later mail (an answer or a report) tells what an examination found. */
export function reportsFinding(sentence: string): boolean {
  if (NOT_A_FINDING.test(sentence)) return false;
  return FINDING.test(sentence) || reportsAnswerHeard(sentence) || reportsTerseFinding(sentence) || ((OUTCOME.test(sentence) || TURNED_OUT.test(sentence)) && !NOT_AN_OUTCOME.test(sentence));
}
