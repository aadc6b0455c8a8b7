using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Suno.FakeUpstream.Internal;

namespace Suno.FakeUpstream.Endpoints;

/// <summary>Suno's studio-api (see PROTOCOL §1).</summary>
internal static class StudioEndpoints
{
    public static void Map(IEndpointRouteBuilder routes, FakeSunoState state)
    {
        // FastAPI answers unknown routes with a JSON 404, before any auth.
        routes.Map("/api/{**rest}", () => Responses.Detail(StatusCodes.Status404NotFound, "Not Found"));

        var api = routes.MapGroup("/api");
        api.AddEndpointFilter((context, next) => FakeSunoFilters.CountAndInjectFaultsAsync(state, clerk: false, context, next));
        api.AddEndpointFilter((context, next) => FakeSunoFilters.RequireStudioAuthAsync(state, context, next));

        api.MapPost("/c/check", () => CaptchaCheck(state)).Named(FakeSunoEndpoints.CaptchaCheck);
        api.MapPost("/generate/v2/", Async(http => GenerateHandler.HandleAsync(http, state))).Named(FakeSunoEndpoints.Generate);
        api.MapPost("/generate/v2-web/", Async(http => GenerateHandler.HandleAsync(http, state))).Named(FakeSunoEndpoints.Generate);
        api.MapGet("/feed/v2", (HttpContext http) => FeedV2(http, state)).Named(FakeSunoEndpoints.FeedV2);
        api.MapGet("/feed/", (HttpContext http) => FeedLegacy(http, state)).Named(FakeSunoEndpoints.FeedLegacy);
        api.MapPost("/feed/v3", Async(http => FeedV3Async(http, state))).Named(FakeSunoEndpoints.FeedV3);
        api.MapGet("/clip/{id}", (HttpContext http, string id) => GetClip(http, state, id)).Named(FakeSunoEndpoints.Clip);
        api.MapPost("/generate/lyrics/", Async(http => SubmitLyricsAsync(http, state))).Named(FakeSunoEndpoints.LyricsSubmit);
        api.MapGet("/generate/lyrics/{id}", (HttpContext http, string id) => GetLyrics(http, state, id)).Named(FakeSunoEndpoints.LyricsGet);
        api.MapPost("/generate/concat/v2/", Async(http => ConcatAsync(http, state))).Named(FakeSunoEndpoints.Concat);
        api.MapPost("/edit/stems/{id}", (HttpContext http, string id) => Stems(http, state, id)).Named(FakeSunoEndpoints.Stems);
        api.MapGet("/gen/{id}/aligned_lyrics/v2/", (HttpContext http, string id) => AlignedLyrics(http, state, id))
            .Named(FakeSunoEndpoints.AlignedLyrics);
        api.MapGet("/billing/info/", (HttpContext http) => Billing(http, state)).Named(FakeSunoEndpoints.Billing);
        api.MapGet("/persona/get-persona-paginated/{id}/", (HttpContext http, string id) => Persona(http, state, id))
            .Named(FakeSunoEndpoints.Persona);
    }

    /// <summary>Makes an async handler bind as a route handler (whose result is written), not as a RequestDelegate.</summary>
    private static Delegate Async(Func<HttpContext, Task<IResult>> handler) => handler;

    private static RouteHandlerBuilder Named(this RouteHandlerBuilder builder, string name) =>
        builder.WithMetadata(new FakeSunoEndpointMetadata(name));

    private static IResult CaptchaCheck(FakeSunoState state) =>
        Responses.Json(new JsonObject { ["required"] = state.CaptchaRequired, ["captcha_version"] = 1 });

    private static IResult FeedV2(HttpContext http, FakeSunoState state)
    {
        var account = Caller.Account(http);
        var now = state.Clock.GetUtcNow();
        var page = QueryInt(http, "page");
        var ids = QueryIds(http);
        // By ids or, without ids, the account's clips newest first; either way 20 a page.
        var all = ids.Count > 0
            ? [.. ids.Select(id => state.FindVisibleClip(id, account)).OfType<FakeClip>()]
            : state.ClipsOf(account);
        var size = state.Options.PageSize;
        var clips = all.Skip(page * size).Take(size).ToList();
        var total = all.Count;
        var hasMore = (page + 1) * size < all.Count;

        return Responses.Json(new JsonObject
        {
            ["clips"] = RenderAll(clips, state, now),
            ["num_total_results"] = total,
            ["current_page"] = page,
            ["has_more"] = hasMore,
        });
    }

    private static IResult FeedLegacy(HttpContext http, FakeSunoState state)
    {
        var account = Caller.Account(http);
        var ids = QueryIds(http);
        var size = state.Options.PageSize;
        var clips = ids.Count > 0
            ? [.. ids.Select(id => state.FindVisibleClip(id, account)).OfType<FakeClip>()]
            : state.ClipsOf(account).Skip(QueryInt(http, "page") * size).Take(size).ToList();
        return Responses.Json(RenderAll(clips, state, state.Clock.GetUtcNow()));
    }

    /// <summary>The web app's feed: <c>{cursor, limit, filters:{ids:{presence:"True", clipIds:[…]}}}</c> →
    /// <c>{clips, next_cursor, has_more}</c>. The cursor is opaque (here: the offset).</summary>
    private static async Task<IResult> FeedV3Async(HttpContext http, FakeSunoState state)
    {
        var (body, error) = await RequestBody.ReadObjectAsync(http).ConfigureAwait(false);
        if (body is null)
        {
            return error!;
        }

        var account = Caller.Account(http);
        var limit = (int)Math.Clamp(RequestBody.Number(body, "limit") ?? state.Options.PageSize, 1, 100);
        var cursor = RequestBody.String(body, "cursor");
        var offset = 0;
        if (cursor is not null && (!int.TryParse(cursor, NumberStyles.None, CultureInfo.InvariantCulture, out offset) || offset < 0))
        {
            return Responses.Detail(StatusCodes.Status400BadRequest, "Invalid cursor.");
        }

        var clipIds = body["filters"]?["ids"]?["clipIds"] as JsonArray;
        var all = clipIds is null
            ? state.ClipsOf(account)
            : [.. clipIds.Select(n => n?.GetValueKind() == JsonValueKind.String ? n.GetValue<string>() : null)
                .OfType<string>().Select(id => state.FindVisibleClip(id, account)).OfType<FakeClip>()];
        var page = all.Skip(offset).Take(limit).ToList();
        var hasMore = offset + page.Count < all.Count;
        return Responses.Json(new JsonObject
        {
            ["clips"] = RenderAll(page, state, state.Clock.GetUtcNow()),
            ["next_cursor"] = hasMore ? (offset + page.Count).ToString(CultureInfo.InvariantCulture) : null,
            ["has_more"] = hasMore,
        });
    }

    private static IResult GetClip(HttpContext http, FakeSunoState state, string id)
    {
        var clip = state.FindVisibleClip(id, Caller.Account(http));
        return clip is null ? Responses.NotFound() : Responses.Json(ClipJson.Render(clip, state, state.Clock.GetUtcNow()));
    }

    private static async Task<IResult> SubmitLyricsAsync(HttpContext http, FakeSunoState state)
    {
        var (body, error) = await RequestBody.ReadObjectAsync(http).ConfigureAwait(false);
        if (body is null)
        {
            return error!;
        }

        var prompt = RequestBody.String(body, "prompt") ?? string.Empty;
        var job = new FakeLyricsJob
        {
            Id = Guid.NewGuid().ToString(),
            Owner = Caller.Account(http),
            CreatedAt = state.Clock.GetUtcNow(),
            Prompt = prompt,
            Title = Text.TitleFrom(prompt, "Untitled"),
            Text = Text.LyricsFrom(prompt),
        };
        state.Store(job);
        return Responses.Json(new JsonObject { ["id"] = job.Id });
    }

    private static IResult GetLyrics(HttpContext http, FakeSunoState state, string id)
    {
        var job = state.FindLyrics(id);
        if (job is null || job.Owner != Caller.Account(http))
        {
            return Responses.NotFound();
        }

        var complete = state.Clock.GetUtcNow() - job.CreatedAt >= state.Options.LyricsCompleteAfter;
        var title = complete ? job.Title : string.Empty;
        if (complete && state.Options.SandboxMarking)
        {
            title = ClipJson.SandboxPrefix + title;
        }

        return Responses.Json(new JsonObject
        {
            ["text"] = complete ? job.Text : string.Empty,
            ["title"] = title,
            ["status"] = complete ? "complete" : "running",
            ["error_message"] = string.Empty,
        });
    }

    private static async Task<IResult> ConcatAsync(HttpContext http, FakeSunoState state)
    {
        var (body, error) = await RequestBody.ReadObjectAsync(http).ConfigureAwait(false);
        if (body is null)
        {
            return error!;
        }

        var clipId = RequestBody.String(body, "clip_id");
        if (string.IsNullOrEmpty(clipId))
        {
            return Responses.Validation("missing", "clip_id", "Field required", body["clip_id"]?.DeepClone());
        }

        var account = Caller.Account(http);
        var source = state.FindClip(clipId);
        if (source is null || source.Owner != account)
        {
            return Responses.NotFound();
        }

        if (source.Type != "gen")
        {
            return Responses.Detail(StatusCodes.Status400BadRequest, "Bad history.");
        }

        var history = new List<HistoryEntry>(source.History ?? []) { new(source.Id, null, "gen", false, "web") };
        var duration = FakeSunoState.NonIntegral((source.History ?? []).Sum(h => h.ContinueAt ?? 0) + source.Duration);
        var clip = new FakeClip
        {
            Id = Guid.NewGuid().ToString(),
            Owner = account,
            CreatedAt = state.Clock.GetUtcNow(),
            Sequence = state.NextSequence(),
            Mv = source.Mv,
            Type = "concat",
            Title = ResolvedTitle(source),
            Tags = source.Tags,
            NegativeTags = source.NegativeTags,
            Prompt = ResolvedLyrics(source),
            MakeInstrumental = source.MakeInstrumental,
            ConcatHistory = history,
            Duration = duration,
        };
        state.Store(clip);
        return Responses.Json(ClipJson.Render(clip, state, clip.CreatedAt));
    }

    private static IResult Stems(HttpContext http, FakeSunoState state, string id)
    {
        var account = Caller.Account(http);
        var source = state.FindClip(id);
        if (source is null || source.Owner != account)
        {
            return Responses.NotFound();
        }

        var now = state.Clock.GetUtcNow();
        var clips = new JsonArray();
        foreach (var (suffix, instrumental) in new[] { (" (Vocals)", false), (" (Instrumental)", true) })
        {
            var stem = new FakeClip
            {
                Id = Guid.NewGuid().ToString(),
                Owner = account,
                CreatedAt = now,
                Sequence = state.NextSequence(),
                Mv = source.Mv,
                Type = "gen",
                Title = ResolvedTitle(source),
                StemTitleSuffix = suffix,
                Tags = source.Tags,
                Prompt = instrumental ? string.Empty : ResolvedLyrics(source),
                MakeInstrumental = instrumental,
                StemFromId = source.Id,
                Duration = source.Duration,
            };
            state.Store(stem);
            clips.Add(ClipJson.Render(stem, state, now));
        }

        return Responses.Json(new JsonObject { ["clips"] = clips });
    }

    private static IResult AlignedLyrics(HttpContext http, FakeSunoState state, string id)
    {
        var clip = state.FindVisibleClip(id, Caller.Account(http));
        if (clip is null)
        {
            return Responses.NotFound();
        }

        var words = new JsonArray();
        if (state.ClipStatus(clip, state.Clock.GetUtcNow()) == "complete")
        {
            var tokens = ResolvedLyrics(clip)
                .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Where(line => !line.StartsWith('['))
                .SelectMany(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                .ToList();
            var slot = tokens.Count == 0 ? 0 : clip.Duration / tokens.Count;
            for (var i = 0; i < tokens.Count; i++)
            {
                words.Add(new JsonObject
                {
                    ["word"] = tokens[i],
                    ["start_s"] = Math.Round(i * slot, 2),
                    ["end_s"] = Math.Round((i + 0.8) * slot, 2),
                    ["success"] = true,
                    ["p_align"] = 0.9,
                });
            }
        }

        return Responses.Json(new JsonObject
        {
            ["aligned_words"] = words,
            ["waveform_data"] = new JsonArray(0.1, 0.4, 0.8, 0.6, 0.3),
            ["hoot_cer"] = 0.05,
            ["is_streamed"] = false,
        });
    }

    private static IResult Billing(HttpContext http, FakeSunoState state)
    {
        var account = Caller.Account(http);
        var now = state.Clock.GetUtcNow();
        var free = account.Plan == FakePlan.Free;
        var (planName, limit) = account.Plan switch
        {
            FakePlan.Pro => ("Pro Plan", 2500),
            FakePlan.Premier => ("Premier Plan", 10000),
            _ => ("Free Plan", 50),
        };
        var credits = account.Credits;
        var today = new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero);
        var periodStart = free ? today : today.AddDays(1 - today.Day);
        var periodEnd = free ? periodStart.AddDays(1) : periodStart.AddMonths(1);

        var models = new JsonArray();
        foreach (var (name, key, major, freeCanUse) in new[]
                 {
                     ("v5.5", "chirp-fenix", 5, false), ("v5", "chirp-crow", 5, false), ("v4.5+", "chirp-bluejay", 4, false),
                     ("v4.5", "chirp-auk", 4, false), ("v4.5-all", "chirp-auk-turbo", 4, true), ("v4", "chirp-v4", 4, false),
                     ("v3.5", "chirp-v3-5", 3, true),
                 })
        {
            var (prompt, tags) = ClipJson.MaxLengths(key);
            models.Add(new JsonObject
            {
                ["name"] = name,
                ["external_key"] = key,
                ["major_version"] = major,
                ["description"] = $"Model {name}",
                ["can_use"] = !free || freeCanUse,
                ["is_default_model"] = free ? key == "chirp-auk-turbo" : key == "chirp-crow",
                ["max_lengths"] = new JsonObject
                {
                    ["prompt"] = prompt,
                    ["tags"] = tags,
                    ["negative_tags"] = 1000,
                    ["gpt_description_prompt"] = 3000,
                },
            });
        }

        return Responses.Json(new JsonObject
        {
            ["credits"] = credits,
            ["total_credits_left"] = credits,
            ["credits_left"] = credits,
            ["subscription_type"] = free ? JsonValue.Create(false) : JsonValue.Create(account.Plan.ToString().ToUpperInvariant()),
            ["is_active"] = !free,
            ["is_past_due"] = false,
            ["cancel_on"] = null,
            ["changing_to"] = null,
            ["period"] = free ? "day" : "month",
            ["period_start"] = ClipJson.Timestamp(periodStart),
            ["period_end"] = ClipJson.Timestamp(periodEnd),
            ["renews_on"] = free ? null : ClipJson.Timestamp(periodEnd),
            ["monthly_limit"] = limit,
            ["monthly_usage"] = account.MonthlyUsage,
            ["plan"] = new JsonObject
            {
                ["id"] = account.Plan.ToString().ToLowerInvariant(),
                ["level"] = (int)account.Plan,
                ["name"] = planName,
                ["plan_key"] = account.Plan.ToString().ToLowerInvariant(),
                ["features"] = free ? "50 credits a day, non-commercial" : $"{limit} credits a month, commercial use",
                ["usage_plan_monthly_credits"] = limit,
            },
            ["models"] = models,
        });
    }

    private static IResult Persona(HttpContext http, FakeSunoState state, string id)
    {
        var account = Caller.Account(http);
        var persona = state.FindPersona(id);
        if (persona is null || (!persona.IsPublic && persona.Owner != account))
        {
            return Responses.NotFound();
        }

        var now = state.Clock.GetUtcNow();
        var page = Math.Max(1, QueryInt(http, "page"));
        var size = state.Options.PageSize;
        var clips = persona.ClipIds.Select(state.FindClip).OfType<FakeClip>().ToList();
        var root = clips.Count > 0 ? ClipJson.Render(clips[0], state, now) : null;
        var pageClips = new JsonArray();
        foreach (var clip in clips.Skip((page - 1) * size).Take(size))
        {
            pageClips.Add(new JsonObject { ["clip"] = ClipJson.Render(clip, state, now) });
        }

        var name = state.Options.SandboxMarking ? ClipJson.SandboxPrefix + persona.Name : persona.Name;
        return Responses.Json(new JsonObject
        {
            ["persona"] = new JsonObject
            {
                ["id"] = persona.Id,
                ["name"] = name,
                ["description"] = persona.Description,
                ["image_s3_id"] = $"{state.Media.ImageCdn}/persona_{persona.Id}.jpeg",
                ["root_clip_id"] = persona.ClipIds[0],
                ["clip"] = root,
                ["persona_clips"] = pageClips,
                ["user_display_name"] = persona.Owner.DisplayName,
                ["user_handle"] = persona.Owner.Handle,
                ["user_image_url"] = $"{state.Media.ImageCdn}/defaultAvatar.webp",
                ["is_suno_persona"] = false,
                ["is_trashed"] = false,
                ["is_owned"] = persona.Owner == account,
                ["is_public"] = persona.IsPublic,
                ["is_public_approved"] = persona.IsPublic,
                ["is_loved"] = false,
                ["upvote_count"] = 0,
                ["clip_count"] = clips.Count,
            },
            ["total_results"] = clips.Count,
            ["current_page"] = page,
            ["is_following"] = false,
        });
    }

    internal static string ResolvedTitle(FakeClip clip) =>
        clip.IsDescriptionMode && string.IsNullOrEmpty(clip.Title) ? clip.GeneratedTitle : clip.Title;

    internal static string ResolvedLyrics(FakeClip clip) =>
        clip.IsDescriptionMode && !clip.MakeInstrumental ? clip.GeneratedLyrics : clip.Prompt;

    private static JsonArray RenderAll(IEnumerable<FakeClip> clips, FakeSunoState state, DateTimeOffset now)
    {
        var array = new JsonArray();
        foreach (var clip in clips)
        {
            array.Add(ClipJson.Render(clip, state, now));
        }

        return array;
    }

    private static List<string> QueryIds(HttpContext http) =>
        [.. http.Request.Query["ids"].ToString().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

    private static int QueryInt(HttpContext http, string name) =>
        int.TryParse(http.Request.Query[name].ToString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : 0;
}
