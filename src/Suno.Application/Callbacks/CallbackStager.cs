using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Suno.Application.Common.Interfaces;
using Suno.Application.Tasks.Common;
using Suno.Application.Tasks.Hosted;
using Suno.Domain.Callbacks;
using Suno.Domain.Tasks;

namespace Suno.Application.Callbacks;

/// <summary>
/// Puts the callback stages a task has reached into the outbox, once each and in order, for every family's tasks
/// that gave a callback URL (the hosted callBackUrl, /suno/submit's callback_url). Music: text, first, complete, or
/// error; lyrics and vocal removal: complete or error. The body is fixed here, in the hosted API's documented shape (snake_case
/// items; no key, cookie or JWT). The poller calls it after each tick for the tasks that changed.
/// </summary>
public sealed class CallbackStager(ISunoDbContext db)
{
    public const string Text = "text";
    public const string First = "first";
    public const string Complete = "complete";
    public const string Error = "error";

    public async Task StageAsync(IReadOnlyCollection<SunoTask> tasks, DateTime now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tasks);
        var withCallback = tasks.Where(t => !string.IsNullOrWhiteSpace(t.CallbackUrl)).ToList();
        if (withCallback.Count == 0)
        {
            return;
        }

        var ids = withCallback.Select(t => t.Id).ToList();
        var staged = (await db.CallbackDeliveries.AsNoTracking()
                .Where(d => ids.Contains(d.TaskId))
                .Select(d => new { d.TaskId, d.Stage })
                .ToListAsync(cancellationToken)
                .ConfigureAwait(false))
            .Select(d => (d.TaskId, d.Stage))
            .ToHashSet();
        var added = false;
        foreach (var task in withCallback)
        {
            var dto = task.ToDto();
            foreach (var (stage, sequence) in StagesOf(dto))
            {
                if (staged.Contains((task.Id, stage)))
                {
                    continue;
                }

                db.CallbackDeliveries.Add(CallbackDelivery.Create(task.Id, task.TenantId, stage, sequence, task.CallbackUrl!, PayloadOf(dto, stage), now));
                added = true;
            }
        }

        if (added)
        {
            try
            {
                await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (DbUpdateException)
            {
                // Another process staged the same stage first (unique task_id + stage): it is in the outbox once.
                foreach (var entry in db.CallbackDeliveries.Local.ToList())
                {
                    db.CallbackDeliveries.Entry(entry).State = EntityState.Detached;
                }
            }
        }
    }

    /// <summary>The stages a task has reached, in delivery order.</summary>
    public static IEnumerable<(string Stage, int Sequence)> StagesOf(TaskDto task)
    {
        ArgumentNullException.ThrowIfNull(task);
        if (task.Action is "LYRICS" or HostedVocalRemoval.Action)
        {
            if (task.Status == "SUCCESS")
            {
                yield return (Complete, 3);
            }
            else if (task.Status == "FAILURE")
            {
                yield return (Error, 4);
            }

            yield break;
        }

        var stage = HostedMusic.StageOf(task);
        if (stage is MusicStage.Text or MusicStage.First or MusicStage.Complete)
        {
            yield return (Text, 1);
        }

        if (stage is MusicStage.First or MusicStage.Complete)
        {
            yield return (First, 2);
        }

        if (stage is MusicStage.Complete)
        {
            yield return (Complete, 3);
        }

        if (stage is MusicStage.CreateFailed or MusicStage.GenerateFailed)
        {
            yield return (Error, 4);
        }
    }

    /// <summary>The documented body of a stage.</summary>
    public static string PayloadOf(TaskDto task, string stage)
    {
        ArgumentNullException.ThrowIfNull(task);
        if (task.Action == HostedVocalRemoval.Action)
        {
            return HostedVocalRemoval.CallbackPayloadOf(task, failed: stage == Error);
        }

        if (task.Action == "LYRICS")
        {
            var failed = stage == Error;
            return JsonSerializer.Serialize(new
            {
                code = failed ? HostedMusic.CreateFailedCode : 200,
                msg = failed ? task.FailReason ?? "lyrics generation failed" : "All generated successfully.",
                data = new
                {
                    callbackType = stage,
                    taskId = task.TaskId,
                    data = new[]
                    {
                        new
                        {
                            text = task.Lyrics?.Text ?? string.Empty,
                            title = task.Lyrics?.Title ?? string.Empty,
                            status = failed ? "failed" : "complete",
                            errorMessage = failed ? task.FailReason ?? string.Empty : string.Empty,
                        },
                    },
                },
            });
        }

        if (stage == Error)
        {
            var code = HostedMusic.StageOf(task) == MusicStage.CreateFailed ? HostedMusic.CreateFailedCode : HostedMusic.GenerateFailedCode;
            return JsonSerializer.Serialize(new
            {
                code,
                msg = task.FailReason ?? "generation failed",
                data = new { callbackType = Error, task_id = task.TaskId, data = (object?)null },
            });
        }

        var items = stage == Text ? [] : task.Clips.Select(HostedClipItem.From).ToList();
        return JsonSerializer.Serialize(new
        {
            code = 200,
            msg = stage switch
            {
                Text => "Text generation completed.",
                First => "First track generated.",
                _ => "All generated successfully.",
            },
            data = new { callbackType = stage, task_id = task.TaskId, data = items },
        });
    }
}
