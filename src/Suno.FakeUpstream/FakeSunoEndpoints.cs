namespace Suno.FakeUpstream;

/// <summary>Names of the fake's endpoints, as used by <see cref="FakeSunoCounters"/> and <see cref="FakeSunoFaults"/>.</summary>
public static class FakeSunoEndpoints
{
    /// <summary>Clerk <c>GET /v1/client</c>.</summary>
    public const string ClerkClient = "clerk.client";

    /// <summary>Clerk <c>POST /v1/client/sessions/{sid}/tokens</c> (and the legacy <c>/tokens/api</c>): a token exchange.</summary>
    public const string ClerkTokens = "clerk.tokens";

    public const string CaptchaCheck = "studio.captcha_check";

    /// <summary><c>POST /api/generate/v2/</c> and <c>/api/generate/v2-web/</c>.</summary>
    public const string Generate = "studio.generate";

    public const string FeedV2 = "studio.feed_v2";
    public const string FeedLegacy = "studio.feed";

    /// <summary><c>POST /api/feed/v3</c> (the current web app's cursor feed).</summary>
    public const string FeedV3 = "studio.feed_v3";
    public const string Clip = "studio.clip";
    public const string LyricsSubmit = "studio.lyrics_submit";
    public const string LyricsGet = "studio.lyrics_get";
    public const string Concat = "studio.concat";
    public const string Stems = "studio.stems";
    public const string AlignedLyrics = "studio.aligned_lyrics";
    public const string Billing = "studio.billing";
    public const string Persona = "studio.persona";

    /// <summary>The fake OpenAI-compatible model: <c>POST /openai/v1/chat/completions</c> (see <see cref="FakeOpenAiModel"/>).</summary>
    public const string OpenAiChatCompletions = "openai.chat_completions";

    /// <summary>Every endpoint name.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        ClerkClient, ClerkTokens, CaptchaCheck, Generate, FeedV2, FeedLegacy, FeedV3, Clip, LyricsSubmit, LyricsGet, Concat,
        Stems, AlignedLyrics, Billing, Persona, OpenAiChatCompletions,
    ];
}
