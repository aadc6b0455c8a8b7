using Suno.Domain.Clips;
using Suno.Domain.Tasks;

namespace Suno.Application.UnitTests.Support;

/// <summary>Tasks in known states, built through the entity's own transitions.</summary>
public static class TaskSamples
{
    public static readonly DateTime Submitted = new(2026, 11, 22, 10, 0, 0, DateTimeKind.Utc);

    public static ClipSnapshot Clip(string id, ClipStatus status, string extraJson = "") => new()
    {
        Id = id,
        Status = status,
        Title = "Song " + id,
        AudioUrl = $"https://cdn1.suno.ai/{id}.mp3",
        RawJson = $$"""{"id":"{{id}}","status":"{{status.ToWire()}}","title":"Song {{id}}","audio_url":"https://cdn1.suno.ai/{{id}}.mp3","metadata":{"tags":"pop","duration":null}{{extraJson}}}""",
    };

    /// <summary>A finished music task with two complete clips, the first carrying a field this gateway does not know.</summary>
    public static SunoTask FinishedMusic(string id)
    {
        var task = SunoTask.Create(id, TaskAction.Music, """{"prompt":"a song"}""", Submitted.AddSeconds(-1));
        task.MarkSubmitted([Clip(id + "-a", ClipStatus.Submitted), Clip(id + "-b", ClipStatus.Submitted)], Submitted);
        task.ApplyClips([Clip(id + "-a", ClipStatus.Streaming), Clip(id + "-b", ClipStatus.Streaming)], Submitted.AddSeconds(20));
        task.ApplyClips(
            [Clip(id + "-a", ClipStatus.Complete, ""","brand_new_upstream_field":{"x":[1,2]}"""), Clip(id + "-b", ClipStatus.Complete)],
            Submitted.AddSeconds(95));
        return task;
    }

    public static SunoTask NewMusic(string id) => SunoTask.Create(id, TaskAction.Music, """{"prompt":"a song"}""", Submitted);

    public static SunoTask FinishedLyrics(string id)
    {
        var task = SunoTask.Create(id, TaskAction.Lyrics, """{"prompt":"about rain"}""", Submitted);
        task.MarkSubmitted(["lyr-" + id], Submitted);
        task.ApplyLyrics(new LyricsResult("lyr-" + id, "complete", "Rain", "[Verse]\nDrops"), Submitted.AddSeconds(7));
        return task;
    }
}
