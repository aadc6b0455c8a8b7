using System.Reflection;

namespace Suno.WebApi.OpenApi;

/// <summary>
/// The build writes the OpenAPI document that src/Suno.Api.Client is generated from: Microsoft.Extensions.ApiDescription
/// .Server's dotnet-getdocument runs this program's Main with a server that never listens and reads the document
/// from its services. The program then only composes its services: no settings check, no database migration, no
/// background worker, so a build touches no database, account or network.
/// </summary>
public static class BuildTimeDocument
{
    /// <summary>True when the process is the build's document writer rather than a gateway.</summary>
    public static bool IsBeingWritten { get; } =
        string.Equals(Assembly.GetEntryAssembly()?.GetName().Name, "GetDocument.Insider", StringComparison.Ordinal);
}
