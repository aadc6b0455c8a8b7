using Suno.Infrastructure.IntegrationTests.Support;

// Deliberately in the project's root namespace (not .Support): a [SetUpFixture] covers the tests in its namespace
// and below, and this one must cover every test of the assembly.
namespace Suno.Infrastructure.IntegrationTests;

/// <summary>Stops the throwaway PostgreSQL cluster (if any test started it) once the whole run is over.</summary>
[SetUpFixture]
public sealed class PostgresSetUpFixture
{
    [OneTimeTearDown]
    public Task StopPostgresAsync() => PostgresServer.StopSharedAsync();
}
