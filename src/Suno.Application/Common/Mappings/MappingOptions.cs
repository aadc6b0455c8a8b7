namespace Suno.Application.Common.Mappings;

/// <summary>
/// AutoMapper settings (section "AutoMapper"). AutoMapper 17 is dual-licensed; without <see cref="LicenseKey"/> it
/// logs a license warning at start and works otherwise. Bound by Infrastructure's configuration registration.
/// </summary>
public sealed class MappingOptions
{
    public const string SectionName = "AutoMapper";

    public string? LicenseKey { get; set; }
}
