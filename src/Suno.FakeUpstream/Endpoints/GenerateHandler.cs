using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Suno.FakeUpstream.Internal;

namespace Suno.FakeUpstream.Endpoints;

/// <summary><c>POST /api/generate/v2/</c> and <c>/api/generate/v2-web/</c>: two clips per call, song or extend.</summary>
internal static class GenerateHandler
{
    private const string DefaultModel = "chirp-v3-5";
    private static readonly string[] StringFields = ["prompt", "gpt_description_prompt", "tags", "negative_tags", "title", "mv", "task", "continue_clip_id", "token"];

    public static async Task<IResult> HandleAsync(HttpContext http, FakeSunoState state)
    {
        var account = Caller.Account(http);
        var (body, error) = await RequestBody.ReadObjectAsync(http).ConfigureAwait(false);
        if (body is null)
        {
            return error!;
        }

        foreach (var field in StringFields)
        {
            if (!RequestBody.IsStringOrNull(body, field))
            {
                return Responses.Validation("string_type", field, "Input should be a valid string", body[field]?.DeepClone());
            }
        }

        var task = RequestBody.String(body, "task");
        var isExtend = string.Equals(task, "extend", StringComparison.Ordinal);
        if (isExtend && !RequestBody.IsString(body, "title"))
        {
            return Responses.Validation("string_type", "title", "Input should be a valid string", body["title"]?.DeepClone());
        }

        var mv = RequestBody.String(body, "mv") ?? DefaultModel;
        if (!ClipJson.IsKnownModel(mv))
        {
            return Responses.Validation("enum", "mv", $"Input should be a known model, got '{mv}'", JsonValue.Create(mv));
        }

        var prompt = RequestBody.String(body, "prompt") ?? string.Empty;
        var description = RequestBody.String(body, "gpt_description_prompt");
        var tags = RequestBody.String(body, "tags") ?? string.Empty;
        var negativeTags = RequestBody.String(body, "negative_tags") ?? string.Empty;
        var (maxPrompt, maxTags) = ClipJson.MaxLengths(mv);
        var tooLong = TooLong("prompt", prompt, maxPrompt) ?? TooLong("tags", tags, maxTags) ??
                      TooLong("negative_tags", negativeTags, 1000) ?? TooLong("gpt_description_prompt", description, 3000);
        if (tooLong is not null)
        {
            return tooLong;
        }

        FakeClip? source = null;
        double? continueAt = null;
        if (isExtend)
        {
            var continueClipId = RequestBody.String(body, "continue_clip_id");
            source = continueClipId is null ? null : state.FindClip(continueClipId);
            if (source is null || source.Owner != account)
            {
                return Responses.Detail(StatusCodes.Status422UnprocessableEntity,
                    $"Clip {continueClipId ?? "null"} not found. continue_clip_id must be one of your clips.");
            }

            continueAt = RequestBody.Number(body, "continue_at") ?? source.Duration;
            if (continueAt < 0 || continueAt > source.Duration)
            {
                return Responses.Detail(StatusCodes.Status422UnprocessableEntity,
                    string.Create(CultureInfo.InvariantCulture, $"continue_at must be between 0 and {source.Duration} seconds."));
            }
        }

        if (state.CaptchaRequired && !state.IsCaptchaTokenAccepted(RequestBody.String(body, "token")))
        {
            return Responses.Detail(StatusCodes.Status422UnprocessableEntity, "Token validation failed.");
        }

        if (!account.TryCharge(state.Options.CreditsPerGeneration))
        {
            return Responses.Detail(StatusCodes.Status402PaymentRequired,
                "Insufficient credits. Please upgrade your plan or wait for your credits to renew.");
        }

        var failure = state.TakeGenerationFailure();
        var now = state.Clock.GetUtcNow();
        var instrumental = RequestBody.Bool(body, "make_instrumental") ?? false;
        var title = RequestBody.String(body, "title") ?? string.Empty;
        var history = source is null
            ? null
            : new List<HistoryEntry>(source.History ?? []) { new(source.Id, continueAt, "gen", false, "web") };
        var descriptionText = string.IsNullOrEmpty(description) ? null : description;

        var clips = new List<FakeClip>();
        for (var i = 0; i < 2; i++)
        {
            var id = Guid.NewGuid();
            var clip = new FakeClip
            {
                Id = id.ToString(),
                Owner = account,
                CreatedAt = now,
                Sequence = state.NextSequence(),
                Mv = mv,
                Type = "gen",
                Title = title,
                Tags = tags,
                NegativeTags = negativeTags,
                Prompt = descriptionText is null ? prompt : string.Empty,
                GptDescriptionPrompt = descriptionText,
                MakeInstrumental = instrumental,
                Task = task,
                ContinueClipId = source?.Id,
                ContinueAt = continueAt,
                History = history,
                ErrorMessage = failure,
                Duration = FakeSunoState.DurationFor(id),
                GeneratedTitle = descriptionText is null ? string.Empty : Text.TitleFrom(descriptionText, "Untitled"),
                GeneratedLyrics = descriptionText is null || instrumental ? string.Empty : Text.LyricsFrom(descriptionText),
            };
            state.Store(clip);
            clips.Add(clip);
        }

        var rendered = new JsonArray();
        foreach (var clip in clips)
        {
            rendered.Add(ClipJson.Render(clip, state, now, forcedStatus: "submitted"));
        }

        return Responses.Json(new JsonObject
        {
            ["id"] = Guid.NewGuid().ToString(),
            ["clips"] = rendered,
            ["metadata"] = ClipJson.Metadata(clips[0], "submitted", clips[0].IsDescriptionMode ? string.Empty : clips[0].Prompt),
            ["major_model_version"] = ClipJson.MajorVersion(mv),
            ["status"] = "complete",
            ["created_at"] = ClipJson.Timestamp(now),
            ["batch_size"] = 1,
        });
    }

    private static IResult? TooLong(string field, string? value, int max) =>
        value is not null && value.Length > max
            ? Responses.Validation("string_too_long", field,
                string.Create(CultureInfo.InvariantCulture, $"String should have at most {max} characters"),
                JsonValue.Create(value), new JsonObject { ["max_length"] = max })
            : null;
}
