
namespace Suno.WebApi.Hosting;

/// <summary>Shape of the public API (section Api).</summary>
public sealed class ApiOptions
{
    public const string SectionName = "Api";
    public const string EnvelopeStyleKey = "Api:EnvelopeStyle";

    /// <summary>
    /// How the /suno/* envelope spells its code: <see cref="SunoEnvelopeStyle.CodeAsText"/> (default; the Go gateway's
    /// code:"success" / "task_not_exist") or <see cref="SunoEnvelopeStyle.CodeAsNumber"/> (code:200 / 404 and
    /// message:"success", for clients written against the Go gateway's README examples).
    /// </summary>
    public SunoEnvelopeStyle EnvelopeStyle { get; set; } = SunoEnvelopeStyle.CodeAsText;
}

public enum SunoEnvelopeStyle
{
    /// <summary>code: "success" / "task_not_exist" (Api:EnvelopeStyle = string).</summary>
    CodeAsText = 0,

    /// <summary>code: 200 / 404 (Api:EnvelopeStyle = integer).</summary>
    CodeAsNumber = 1,
}
