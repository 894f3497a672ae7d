/**
 * Another user of the server, in a process of its own. The hostile tests ask whether the server keeps
 * answering others while a hostile request is in flight; asked from the test's own process, the answer also
 * held the time that process spent sending the hostile body (undici writing 10 MB took it past 100 ms while
 * the server answered a separate client within 3-16 ms), so the probe would fail for the client's work, not
 * the server's.
 *
 * Run by `OtherUser.start` (fork). On `start` it requests `url` over and over, each request starting once
 * the previous one answered, and says `started` once the first is sent; on `stop` it finishes the request in
 * flight and sends back every duration (ms).
 */
type Command = { type: 'start'; url: string; token: string } | { type: 'stop' };

let running = false;

async function probe(url: string, token: string): Promise<void> {
  const durations: number[] = [];
  let first = true;
  do {
    const started = performance.now();
    const answered = fetch(url, { headers: { authorization: `Bearer ${token}` } }).then((res) => res.text());
    if (first) {
      process.send!({ type: 'started' });
      first = false;
    }
    await answered;
    durations.push(performance.now() - started);
  } while (running);
  process.send!({ type: 'durations', durations });
}

process.on('message', (command: Command) => {
  if (command.type === 'stop') {
    running = false;
    return;
  }
  running = true;
  void probe(command.url, command.token);
});
