// The hosted API's own sample client (seed 004's `SunoAPI` class and its `main`), as its users run it, against the
// gateway: Node 20's built-in fetch, no packages. The calls, bodies and fields read are the sample's; only the base
// URL, the key, the callback URLs and the pause between two polls (the sample's 30 s) come from the environment:
//   GATEWAY_URL=http://127.0.0.1:3000 API_KEY=<SECRET_TOKEN> CALLBACK_URL=https://you.example/cb node build/clients/flows/hosted-flows.mjs
// Prints one line per step and, last, a JSON summary; exits 1 at the first failure.

const gateway = (process.env.GATEWAY_URL ?? 'http://127.0.0.1:3000').replace(/\/$/, '');
const callback = process.env.CALLBACK_URL ?? 'https://your-server.com';
const pollMs = Number(process.env.POLL_MS ?? 30000);
const summary = {};

class SunoAPI {
  constructor(apiKey) {
    this.apiKey = apiKey;
    this.baseUrl = `${gateway}/api/v1`;
  }

  async generateMusic(options) {
    const response = await fetch(`${this.baseUrl}/generate`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${this.apiKey}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(options),
    });
    const result = await response.json();
    if (result.code !== 200) {
      throw new Error(`Generation failed: ${result.msg}`);
    }
    return result.data.taskId;
  }

  async generateLyrics(prompt) {
    const response = await fetch(`${this.baseUrl}/lyrics`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${this.apiKey}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ prompt, callBackUrl: `${callback}/lyrics-callback` }),
    });
    const result = await response.json();
    return result.data.taskId;
  }

  async waitForCompletion(taskId, maxWaitTime = 600000) {
    const startTime = Date.now();
    while (Date.now() - startTime < maxWaitTime) {
      const status = await this.getTaskStatus(taskId);
      if (status.status === 'SUCCESS') {
        return status.response;
      } else if (status.status === 'FAILED') {
        throw new Error(`Generation failed: ${status.errorMessage}`);
      }
      await new Promise((resolve) => setTimeout(resolve, pollMs));
    }
    throw new Error('Generation timeout');
  }

  async getTaskStatus(taskId) {
    const response = await fetch(`${this.baseUrl}/generate/record-info?taskId=${taskId}`, {
      headers: { Authorization: `Bearer ${this.apiKey}` },
    });
    const result = await response.json();
    return result.data;
  }

  async extendMusic(audioId, options) {
    const response = await fetch(`${this.baseUrl}/generate/extend`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${this.apiKey}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ audioId, ...options }),
    });
    const result = await response.json();
    return result.data.taskId;
  }

  async separateVocals(taskId, audioId) {
    const response = await fetch(`${this.baseUrl}/vocal-removal/generate`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${this.apiKey}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ taskId, audioId, callBackUrl: `${callback}/vocal-callback` }),
    });
    const result = await response.json();
    return result.data.taskId;
  }

  async getRemainingCredits() {
    const response = await fetch(`${this.baseUrl}/get-credits`, {
      headers: { Authorization: `Bearer ${this.apiKey}` },
    });
    const result = await response.json();
    return result.data.credits;
  }
}

async function main() {
  const api = new SunoAPI(process.env.API_KEY ?? 'YOUR_API_KEY');

  const credits = await api.getRemainingCredits();
  console.log(`Remaining credits: ${credits}`);
  summary.credits = credits;

  console.log('Generating lyrics...');
  const lyricsTaskId = await api.generateLyrics('A song about adventure and discovery, uplifting and inspiring');
  const lyricsResult = await api.waitForCompletion(lyricsTaskId);
  console.log('Lyrics generated:', lyricsResult.data[0].text);
  summary.lyrics = lyricsResult.data[0].text;

  console.log('Generating music...');
  const musicTaskId = await api.generateMusic({
    prompt: lyricsResult.data[0].text,
    customMode: true,
    style: 'Folk Pop',
    title: 'Adventure Song',
    instrumental: false,
    model: 'V4_5',
    callBackUrl: `${callback}/music-callback`,
  });
  const musicResult = await api.waitForCompletion(musicTaskId);
  console.log('Music generated successfully!');
  musicResult.data.forEach((track, index) => {
    console.log(`Track ${index + 1}:`);
    console.log(` Title: ${track.title}`);
    console.log(` Duration: ${track.duration}s`);
    console.log(` Audio URL: ${track.audio_url}`);
  });
  summary.tracks = musicResult.data.map((track) => ({ id: track.id, title: track.title, duration: track.duration, audio_url: track.audio_url }));

  const originalTrack = musicResult.data[0];
  console.log('Extending music...');
  const extendTaskId = await api.extendMusic(originalTrack.id, {
    defaultParamFlag: true,
    prompt: 'Continue with a beautiful instrumental outro',
    continueAt: originalTrack.duration - 30,
    model: 'V4_5',
  });
  const extendedResult = await api.waitForCompletion(extendTaskId);
  console.log('Extended version created:', extendedResult.data[0].audio_url);
  summary.extended = extendedResult.data[0].audio_url;

  console.log('Separating vocals...');
  const separationTaskId = await api.separateVocals(musicTaskId, originalTrack.id);
  const separationResult = await api.waitForCompletion(separationTaskId);
  console.log('Vocal separation completed:');
  console.log(` Instrumental: ${separationResult.vocal_removal_info.instrumental_url}`);
  console.log(` Vocals only: ${separationResult.vocal_removal_info.vocal_url}`);
  summary.instrumental = separationResult.vocal_removal_info.instrumental_url;
  summary.vocals = separationResult.vocal_removal_info.vocal_url;

  console.log(`SUMMARY ${JSON.stringify(summary)}`);
}

main().catch((error) => {
  console.error(`FAILED: ${error.message}`);
  process.exit(1);
});
