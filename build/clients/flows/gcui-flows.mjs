// The client flows of gcui-art's agent-integration guide (seed 000), as a real client runs them against a gateway:
// Node 20's built-in fetch, no packages. Usage:
//   GATEWAY_URL=http://127.0.0.1:3000 node build/clients/flows/gcui-flows.mjs
// Optional: SECOND_COOKIE (an account for the multi-account rotation), POOR_COOKIE (an account with a few credits,
// too few for a song: the 402 path), EMPTY_COOKIE (an account with 0 credits: skipped before generating),
// POLL_MS (pause between two polls of /api/get; the guide's 5000), AUTH_TOKEN (the gateway's SECRET_TOKEN).
// Prints one line per step and, last, a JSON summary; exits 1 at the first broken expectation.

const base = (process.env.GATEWAY_URL ?? 'http://127.0.0.1:3000').replace(/\/$/, '');
const pollMs = Number(process.env.POLL_MS ?? 5000);
const summary = {};

function headers(cookie) {
  const h = { 'Content-Type': 'application/json' };
  if (cookie) h.Cookie = cookie;
  if (process.env.AUTH_TOKEN) h.Authorization = `Bearer ${process.env.AUTH_TOKEN}`;
  return h;
}

function expect(condition, message) {
  if (!condition) throw new Error(message);
}

async function json(response, what) {
  const text = await response.text();
  try {
    return JSON.parse(text);
  } catch {
    throw new Error(`${what}: HTTP ${response.status}, not JSON: ${text.slice(0, 300)}`);
  }
}

async function getAudioInformation(ids, cookie) {
  const response = await fetch(`${base}/api/get?ids=${ids}`, { headers: headers(cookie) });
  const body = await json(response, 'GET /api/get');
  expect(response.ok, `GET /api/get answered ${response.status}: ${JSON.stringify(body)}`);
  return body;
}

async function generate(prompt, cookie) {
  const response = await fetch(`${base}/api/generate`, {
    method: 'POST',
    headers: headers(cookie),
    body: JSON.stringify({ prompt, make_instrumental: false, wait_audio: false }),
  });
  return { status: response.status, body: await json(response, 'POST /api/generate') };
}

async function checkCredits(cookie) {
  const response = await fetch(`${base}/api/get_limit`, { headers: headers(cookie) });
  const body = await json(response, 'GET /api/get_limit');
  expect(response.ok, `GET /api/get_limit answered ${response.status}: ${JSON.stringify(body)}`);
  for (const field of ['credits_left', 'period', 'monthly_limit', 'monthly_usage']) {
    expect(field in body, `GET /api/get_limit has no ${field}: ${JSON.stringify(body)}`);
  }
  return body.credits_left;
}

// The guide's generate_music_async: generate with wait_audio false, then poll /api/get until the first clip streams.
async function generateMusicAsync(prompt) {
  const { status, body } = await generate(prompt);
  expect(status === 200, `POST /api/generate answered ${status}: ${JSON.stringify(body)}`);
  expect(Array.isArray(body) && body.length === 2, `POST /api/generate did not answer two clips: ${JSON.stringify(body)}`);
  const ids = `${body[0].id},${body[1].id}`;
  for (let i = 0; i < 60; i++) {
    const result = await getAudioInformation(ids);
    if (result[0].status === 'streaming' || result[0].status === 'complete') {
      expect(result[0].audio_url, `clip ${result[0].id} is ${result[0].status} without an audio_url`);
      return { url: result[0].audio_url, polls: i + 1 };
    }
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
  throw new Error('Generation timed out.');
}

// The guide's safe_generate: check the credits first, handle 402.
async function safeGenerate(prompt, cookie) {
  if ((await checkCredits(cookie)) === 0) {
    return 'skipped: no credits remaining';
  }
  const { status, body } = await generate(prompt, cookie);
  if (status === 402) {
    expect(typeof body.error === 'string' && body.error.length > 0, `402 without an error text: ${JSON.stringify(body)}`);
    return 'out of credits (402)';
  }
  expect(status === 200, `POST /api/generate answered ${status}: ${JSON.stringify(body)}`);
  return `generated ${body.map((clip) => clip.id).join(',')}`;
}

async function main() {
  const credits = await checkCredits();
  console.log(`get_limit: ${credits} credits left`);
  expect(credits > 0, 'the configured account has no credits');

  const song = await generateMusicAsync('A calm lo-fi hip hop track with rain ambience and soft piano');
  console.log(`poll: streaming after ${song.polls} polls: ${song.url}`);
  summary.poll = 'streaming';

  summary.safe = await safeGenerate('A jazz piano trio playing a slow ballad');
  console.log(`safe_generate (configured account): ${summary.safe}`);
  expect(summary.safe.startsWith('generated'), 'the configured account could not generate');

  if (process.env.SECOND_COOKIE) {
    const accounts = [undefined, process.env.SECOND_COOKIE];
    summary.rotation = [];
    for (const [i, cookie] of accounts.entries()) {
      const { status, body } = await generate(`Song ${i}`, cookie);
      expect(status === 200, `rotation: account ${i} answered ${status}: ${JSON.stringify(body)}`);
      summary.rotation.push(body.map((clip) => clip.id));
    }
    console.log(`rotation: ${summary.rotation.length} accounts generated`);
  }

  if (process.env.POOR_COOKIE) {
    summary.poor = await safeGenerate('A song the account cannot pay for', process.env.POOR_COOKIE);
    console.log(`safe_generate (poor account): ${summary.poor}`);
  }

  if (process.env.EMPTY_COOKIE) {
    summary.empty = await safeGenerate('A song for an empty account', process.env.EMPTY_COOKIE);
    console.log(`safe_generate (empty account): ${summary.empty}`);
  }

  console.log(`SUMMARY ${JSON.stringify(summary)}`);
}

main().catch((error) => {
  console.error(`FAILED: ${error.message}`);
  process.exit(1);
});
