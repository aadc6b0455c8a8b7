// The gateway's OpenAI-compatible chat route through real clients: the official `openai` SDK
// (chat.completions.create with stream false and true, and the .stream() helper with finalChatCompletion) and
// LangChain JS ChatOpenAI with a custom baseURL (invoke and stream). Usage:
//   GATEWAY_URL=http://127.0.0.1:8000 node build/clients/chat-clients.mjs
// Optional: MODEL (default chirp-v3-5), API_KEY (the gateway's SECRET_TOKEN, if any), TIMEOUT_MS (default 60000).
// Prints one line per client call with the song's title and audio URLs and, last, a JSON summary line
// ("SUMMARY {...}"); exits 1 at the first broken expectation.
import OpenAI from 'openai';
import { ChatOpenAI } from '@langchain/openai';

const base = (process.env.GATEWAY_URL ?? 'http://127.0.0.1:8000').replace(/\/$/, '');
const model = process.env.MODEL ?? 'chirp-v3-5';
const apiKey = process.env.API_KEY ?? 'sk-any';
const timeout = Number(process.env.TIMEOUT_MS ?? 60000);
const summary = {};

function expect(condition, message) {
  if (!condition) throw new Error(message);
}

// The rendered song (templates/chat_resp.hbs): "## <title>" headings and "- Audio: [url](url)" lines.
function song(content, what) {
  expect(typeof content === 'string' && content.length > 0, `${what}: empty content`);
  const titles = [...content.matchAll(/^## (.+)$/gm)].map((m) => m[1].trim());
  const audio = [...content.matchAll(/- Audio: \[([^\]]+)\]/g)].map((m) => m[1]);
  expect(titles.length >= 1, `${what}: no song title in: ${content.slice(0, 400)}`);
  expect(audio.length >= 1 && audio.every((u) => /^https?:\/\//.test(u)), `${what}: no audio URL in: ${content.slice(0, 400)}`);
  return { titles, audio };
}

function report(name, result, extra = {}) {
  summary[name] = { ...result, ...extra };
  console.log(`ok ${name}: "${result.titles[0]}" ${result.audio.join(' ')}`);
}

const client = new OpenAI({ baseURL: `${base}/v1`, apiKey, maxRetries: 0, timeout });

// 1. create, stream=false: a ChatCompletion object.
{
  const completion = await client.chat.completions.create({
    model,
    messages: [{ role: 'user', content: 'An openai SDK song about a paper boat' }],
    temperature: 0.7,
  });
  expect(completion.object === 'chat.completion', `create: object is ${completion.object}`);
  expect(completion.choices[0].message.role === 'assistant', 'create: role is not assistant');
  expect(completion.choices[0].finish_reason === 'stop', `create: finish_reason ${completion.choices[0].finish_reason}`);
  expect(completion.usage.total_tokens > 0, 'create: no usage');
  report('openai.create', song(completion.choices[0].message.content, 'create'), { id: completion.id });
}

// 2. create, stream=true: iterate the raw chunks.
{
  const stream = await client.chat.completions.create({
    model,
    messages: [{ role: 'user', content: 'An openai SDK streamed song about a night train' }],
    stream: true,
    stream_options: { include_usage: true },
  });
  let content = '';
  let firstRole;
  let finish;
  let usage;
  let chunks = 0;
  for await (const chunk of stream) {
    chunks += 1;
    if (chunks === 1) firstRole = chunk.choices[0]?.delta?.role;
    if (chunk.usage) usage = chunk.usage;
    for (const choice of chunk.choices) {
      content += choice.delta?.content ?? '';
      if (choice.finish_reason) finish = choice.finish_reason;
    }
  }
  expect(firstRole === 'assistant', `create stream: first chunk role ${firstRole}`);
  expect(finish === 'stop', `create stream: finish_reason ${finish}`);
  expect(usage?.total_tokens > 0, 'create stream: no usage chunk although include_usage');
  expect(content.includes('Your song is being made'), 'create stream: no progress message');
  report('openai.create_stream', song(content, 'create stream'), { chunks });
}

// 3. the .stream() helper, which checks roles, indexes and finish reasons, and finalChatCompletion().
{
  const runner = client.chat.completions.stream({
    model,
    messages: [{ role: 'user', content: 'A stream helper song about a lighthouse keeper' }],
  });
  let deltas = 0;
  runner.on('content', () => { deltas += 1; });
  const final = await runner.finalChatCompletion();
  expect(final.choices[0].message.role === 'assistant', 'stream helper: role is not assistant');
  expect(final.choices[0].finish_reason === 'stop', `stream helper: finish_reason ${final.choices[0].finish_reason}`);
  report('openai.stream_helper', song(final.choices[0].message.content, 'stream helper'), { deltas });
}

// 4. errors arrive as OpenAI errors the SDK parses.
{
  let caught;
  try {
    // No user message: a 400 naming messages (an unknown model runs on the default Suno model unless Chat:UnknownModel=reject).
    await client.chat.completions.create({ model, messages: [{ role: 'system', content: 'x' }] });
  } catch (error) {
    caught = error;
  }
  expect(caught instanceof OpenAI.BadRequestError, `no user message: expected BadRequestError, got ${caught}`);
  expect(caught.status === 400 && caught.param === 'messages', `no user message: status ${caught.status}, param ${caught.param}`);
  summary['openai.error'] = { status: caught.status, param: caught.param, message: caught.message };
  console.log(`ok openai.error: ${caught.status} ${caught.message}`);
}

// 5. LangChain ChatOpenAI with a custom baseURL: invoke and stream.
const llm = new ChatOpenAI({ model, apiKey, maxRetries: 0, timeout, configuration: { baseURL: `${base}/v1` } });
{
  const message = await llm.invoke('A LangChain song about a red kite');
  expect(message.usage_metadata?.total_tokens > 0, 'langchain invoke: no usage_metadata (role not assistant?)');
  report('langchain.invoke', song(message.content, 'langchain invoke'), { total_tokens: message.usage_metadata.total_tokens });
}
{
  let content = '';
  let chunks = 0;
  for await (const chunk of await llm.stream('A LangChain streamed song about a snowy owl')) {
    chunks += 1;
    content += typeof chunk.content === 'string' ? chunk.content : '';
  }
  report('langchain.stream', song(content, 'langchain stream'), { chunks });
}

console.log(`SUMMARY ${JSON.stringify(summary)}`);
