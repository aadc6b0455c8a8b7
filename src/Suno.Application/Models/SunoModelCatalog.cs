namespace Suno.Application.Models;

/// <summary>
/// The models the gateway knows, and the names clients use for them. Clients of the three API families name models
/// differently: upstream names (<c>chirp-crow</c>), the Go gateway's aliases (<c>suno-v3.5</c>) and the hosted API's
/// version names (<c>V4_5PLUS</c>); all resolve to one upstream <c>mv</c> here. Limits follow Suno's own: models up to
/// v4 take 3000 characters of lyrics and 200 of style, v4.5 and later 5000 and 1000.
/// </summary>
public static class SunoModelCatalog
{
    private const int Title = 100;

    private static readonly SunoModel[] Known =
    [
        new("chirp-v2-xxl-alpha", "v2", 3000, 200, 80),
        new("chirp-v3-0", "v3", 3000, 200, 80),
        new("chirp-v3-5", "v3.5", 3000, 200, 80),
        new("chirp-v4", "v4", 3000, 200, 80),
        new("chirp-auk", "v4.5", 5000, 1000, Title),
        new("chirp-auk-turbo", "v4.5-all", 5000, 1000, 80),
        new("chirp-bluejay", "v4.5+", 5000, 1000, Title),
        new("chirp-crow", "v5", 5000, 1000, Title),
        new("chirp-fenix", "v5.5", 5000, 1000, Title),
    ];

    private static readonly Dictionary<string, string> Aliases = new(StringComparer.OrdinalIgnoreCase)
    {
        ["suno-v3"] = "chirp-v3-0",
        ["suno-v3.5"] = "chirp-v3-5",
        ["V3_5"] = "chirp-v3-5",
        ["V4"] = "chirp-v4",
        ["V4_5"] = "chirp-auk",
        ["V4_5PLUS"] = "chirp-bluejay",
        ["V4_5ALL"] = "chirp-auk-turbo",
        ["V5"] = "chirp-crow",
        ["V5_5"] = "chirp-fenix",
    };

    /// <summary>The hosted API's (/api/v1/*) model names, the only ones that family accepts; each is an alias above.</summary>
    public static IReadOnlyList<string> HostedNames { get; } = ["V3_5", "V4", "V4_5", "V4_5PLUS", "V4_5ALL", "V5", "V5_5"];

    /// <summary>Whether <paramref name="name"/> is one of <see cref="HostedNames"/> (any case).</summary>
    public static bool IsHostedName(string? name) =>
        name is not null && HostedNames.Contains(name.Trim(), StringComparer.OrdinalIgnoreCase);

    /// <summary>The hosted name of an upstream <c>mv</c> (chirp-auk → V4_5); the <c>mv</c> itself when it has none.</summary>
    public static string HostedNameOf(string mv) =>
        HostedNames.FirstOrDefault(n => string.Equals(Aliases[n], mv, StringComparison.OrdinalIgnoreCase)) ?? mv;

    /// <summary>Every known model, oldest first.</summary>
    public static IReadOnlyList<SunoModel> All => Known;

    /// <summary>Every name a client may use: the upstream names and the aliases.</summary>
    public static IEnumerable<string> AcceptedNames => Known.Select(m => m.Mv).Concat(Aliases.Keys);

    /// <summary>
    /// Resolves a client's model name to a model. Known upstream names and aliases resolve case-insensitively;
    /// any other <c>chirp-*</c> name is passed through with the newest limits, since Suno adds models before we
    /// learn of them. Anything else is unknown.
    /// </summary>
    public static bool TryResolve(string? name, out SunoModel model)
    {
        model = Known[^1];
        if (string.IsNullOrWhiteSpace(name))
        {
            return false;
        }

        var trimmed = name.Trim();
        var mv = Aliases.TryGetValue(trimmed, out var aliased) ? aliased : trimmed;
        var known = Array.Find(Known, m => string.Equals(m.Mv, mv, StringComparison.OrdinalIgnoreCase));
        if (known is not null)
        {
            model = known;
            return true;
        }

        if (mv.StartsWith("chirp-", StringComparison.OrdinalIgnoreCase) && mv.Length > "chirp-".Length
            && mv.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_'))
        {
            model = Known[^1] with { Mv = mv.ToLowerInvariant(), DisplayName = mv.ToLowerInvariant() };
            return true;
        }

        return false;
    }

    /// <summary>
    /// The model a request runs on: the one it names when known, else <paramref name="familyDefault"/> (each API family
    /// has its own), else the newest. Names are checked by the validators (<see cref="IsEmptyOrKnown"/>) before this
    /// runs, except where a family lets an unknown name fall back to its default (chat's Chat:UnknownModel).
    /// </summary>
    public static SunoModel ResolveOrDefault(string? requested, string familyDefault) =>
        TryResolve(requested, out var model) || TryResolve(familyDefault, out model) ? model : Known[^1];

    /// <summary>The one rule for a client's model name: empty (the family's default) or a name <see cref="TryResolve"/> knows.</summary>
    public static bool IsEmptyOrKnown(string? name) => string.IsNullOrWhiteSpace(name) || TryResolve(name, out _);

    /// <summary>The one message for a name that fails <see cref="IsEmptyOrKnown"/>.</summary>
    public static string UnknownModelMessage(string? name) => $"unknown model '{name}'; use one of {AcceptedNamesText}";

    /// <summary>A one-line list of accepted names, for error messages.</summary>
    public static string AcceptedNamesText => string.Join(", ", AcceptedNames);
}
