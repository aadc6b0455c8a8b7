using System.Text.Json.Nodes;

namespace Suno.FakeUpstream;

/// <summary>
/// The fake's stand-in for an OpenAI-compatible language model (<c>POST {base}/openai/v1/chat/completions</c>), as
/// the gateway's chat route asks it to plan a song: it requires <c>Authorization: Bearer {ApiKey}</c> and answers
/// with a call of the tool the request offers (generate_song), whose arguments are derived from the last user
/// message by <see cref="PlanFor"/> (deterministic, so tests know what should reach Suno). Calls are counted under
/// <see cref="FakeSunoEndpoints.OpenAiChatCompletions"/>; faults of that endpoint apply, and <see cref="Failing"/>
/// makes every call a 500. Thread-safe.
/// </summary>
public sealed class FakeOpenAiModel
{
    /// <summary>The key the fake accepts unless a test sets another.</summary>
    public const string DefaultApiKey = "sk-fake-openai-key";

    private readonly Lock _gate = new();
    private readonly List<JsonObject> _requests = [];
    private string _apiKey = DefaultApiKey;
    private bool _failing;

    /// <summary>The only Bearer key accepted (401 otherwise).</summary>
    public string ApiKey
    {
        get
        {
            lock (_gate)
            {
                return _apiKey;
            }
        }

        set
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(value);
            lock (_gate)
            {
                _apiKey = value;
            }
        }
    }

    /// <summary>When true, every call answers 500 with an OpenAI error body.</summary>
    public bool Failing
    {
        get
        {
            lock (_gate)
            {
                return _failing;
            }
        }

        set
        {
            lock (_gate)
            {
                _failing = value;
            }
        }
    }

    /// <summary>The bodies of the accepted calls (authenticated, not failed), oldest first.</summary>
    public IReadOnlyList<JsonObject> Requests
    {
        get
        {
            lock (_gate)
            {
                return [.. _requests.Select(r => r.DeepClone().AsObject())];
            }
        }
    }

    /// <summary>
    /// The generate_song arguments the fake answers for <paramref name="lastUserMessage"/>: lyrics in prompt, tags
    /// "fake-llm, …", title "Planned: " + its first four words, make_instrumental when it says "instrumental".
    /// </summary>
    public static JsonObject PlanFor(string lastUserMessage)
    {
        ArgumentNullException.ThrowIfNull(lastUserMessage);
        var words = lastUserMessage.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
            .Select(w => w.Trim('.', ',', '!', '?', '"', '\''))
            .Where(w => w.Length > 0)
            .ToList();
        var title = "Planned: " + (words.Count == 0 ? "Untitled" : string.Join(' ', words.Take(4)));
        var instrumental = lastUserMessage.Contains("instrumental", StringComparison.OrdinalIgnoreCase);
        return new JsonObject
        {
            ["prompt"] = instrumental ? string.Empty : $"[Verse]\n{lastUserMessage.Trim()}\n\n[Chorus]\nThe fake model sings along",
            ["tags"] = "fake-llm, " + (instrumental ? "ambient" : "synth-pop"),
            ["title"] = title,
            ["make_instrumental"] = instrumental,
        };
    }

    internal void Record(JsonObject body)
    {
        lock (_gate)
        {
            _requests.Add(body.DeepClone().AsObject());
        }
    }
}
