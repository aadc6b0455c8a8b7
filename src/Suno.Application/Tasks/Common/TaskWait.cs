namespace Suno.Application.Tasks.Common;

/// <summary>How long a submission's answer waits for its task.</summary>
public enum TaskWait
{
    /// <summary>Answer as soon as Suno accepted the work.</summary>
    None,

    /// <summary>gcui-art's wait_audio: until every clip streams or is complete, or every clip failed.</summary>
    Playable,

    /// <summary>Until the task ended (SUCCESS or FAILURE).</summary>
    Finished,
}

/// <summary>Whose field names and messages a submission's errors use (the same rules, each family's spelling).</summary>
public enum SubmissionDialect
{
    /// <summary>The task routes (/suno/*): mv, task_id, ...</summary>
    Tasks,

    /// <summary>The gcui-art routes (/api/*): model, audio_id, ...</summary>
    Gcui,

    /// <summary>
    /// The hosted routes (/api/v1/*, sunoapi.org's API): camelCase fields (style, callBackUrl, audioId), required
    /// customMode/instrumental/model/callBackUrl, the hosted model names and per-model limits (too long = 413).
    /// </summary>
    Hosted,
}
