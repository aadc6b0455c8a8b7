using HandlebarsDotNet;

namespace Suno.Infrastructure.Templates;

/// <summary>
/// The three chat reply templates, read from Chat:TemplateDir and compiled once at start. A missing or broken file
/// is recorded in <see cref="Errors"/> (one line each, naming the file), which start-up validation reports.
/// </summary>
public sealed class ChatTemplateSet
{
    public const string SubmitFile = "chat_stream_submit.hbs";
    public const string TickFile = "chat_stream_tick.hbs";
    public const string ReplyFile = "chat_resp.hbs";

    private static readonly string[] Files = [SubmitFile, TickFile, ReplyFile];

    private readonly Dictionary<string, HandlebarsTemplate<object, object>> _templates = new(StringComparer.Ordinal);
    private readonly List<string> _errors = [];

    /// <summary>The folder the templates were read from (absolute).</summary>
    public string Directory { get; private set; } = string.Empty;

    public IReadOnlyList<string> Errors => _errors;

    public HandlebarsTemplate<object, object> Submit => Get(SubmitFile);

    public HandlebarsTemplate<object, object> Tick => Get(TickFile);

    public HandlebarsTemplate<object, object> Reply => Get(ReplyFile);

    /// <summary>Reads and compiles every template of <paramref name="directory"/>; failures go to <see cref="Errors"/>.</summary>
    public void Load(string directory, string settingName)
    {
        Directory = directory;
        _templates.Clear();
        _errors.Clear();
        if (!System.IO.Directory.Exists(directory))
        {
            _errors.Add($"{settingName}: the template folder {directory} does not exist (it must hold {string.Join(", ", Files)})");
            return;
        }

        var handlebars = Handlebars.Create(new HandlebarsConfiguration { NoEscape = true, ThrowOnUnresolvedBindingExpression = false });
        foreach (var file in Files)
        {
            var path = Path.Combine(directory, file);
            try
            {
                var source = File.ReadAllText(path);
                var template = handlebars.Compile(source);
                // Rendering an empty model finds errors Handlebars.Net only reports when it first runs a template.
                template(ChatTemplateModel.Sample, null!);
                _templates[file] = template;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or HandlebarsException)
            {
                var reason = ex is FileNotFoundException or DirectoryNotFoundException ? "the file does not exist" : OneLine(ex.Message);
                _errors.Add($"{settingName}: template {path} cannot be used: {reason}");
            }
        }
    }

    private HandlebarsTemplate<object, object> Get(string file) =>
        _templates.TryGetValue(file, out var template)
            ? template
            : throw new InvalidOperationException($"The chat template {file} was not loaded: {string.Join("; ", _errors)}");

    private static string OneLine(string text) =>
        string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
