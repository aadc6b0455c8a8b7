using Suno.Infrastructure.IntegrationTests.Support;

// In the root namespace so it covers every test of the assembly.
namespace Suno.WebApi.FunctionalTests;

/// <summary>Stops the throwaway PostgreSQL cluster (if a test started it) once the run is over.</summary>
[SetUpFixture]
public sealed class FunctionalSetUpFixture
{
    [OneTimeTearDown]
    public Task StopPostgresAsync() => PostgresServer.StopSharedAsync();
}
