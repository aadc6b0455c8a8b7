using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Suno.Infrastructure.IntegrationTests.Support;
using Suno.Infrastructure.Persistence;

namespace Suno.Infrastructure.IntegrationTests.Persistence;

/// <summary>
/// The hand-written migrations must build exactly the schema the model describes. This replaces EF's model snapshot
/// check: change an entity or a configuration without a migration (or write a wrong one) and this fails, showing
/// the difference.
/// </summary>
[TestFixture(DatabaseProvider.Sqlite)]
[TestFixture(DatabaseProvider.Postgres)]
[TestFixture(DatabaseProvider.SqlServer)]
public sealed class SchemaTests(DatabaseProvider provider)
{
    private TestDatabase _migrated = null!;
    private TestDatabase _fromModel = null!;

    [OneTimeSetUp]
    public async Task CreateDatabasesAsync()
    {
        _migrated = await TestDatabase.CreateAsync(provider);
        _fromModel = await TestDatabase.CreateAsync(provider);
    }

    [OneTimeTearDown]
    public async Task DropDatabasesAsync()
    {
        // Null when the fixture was skipped (SQL Server without TEST_SQLSERVER).
        if (_migrated is not null)
        {
            await _migrated.DisposeAsync();
        }

        if (_fromModel is not null)
        {
            await _fromModel.DisposeAsync();
        }
    }

    [Test]
    public async Task Migrations_BuildTheSchemaTheModelDescribes()
    {
        await using var migrated = _migrated.CreateContext();
        await migrated.Database.MigrateAsync();
        await using var fromModel = _fromModel.CreateContext();
        Assert.That(await fromModel.Database.EnsureCreatedAsync(), Is.True, "EnsureCreated should build a fresh schema");

        var actual = await SchemaReader.ReadAsync(migrated);
        var expected = await SchemaReader.ReadAsync(fromModel);

        var missing = expected.Except(actual, StringComparer.Ordinal).ToList();
        var extra = actual.Except(expected, StringComparer.Ordinal).ToList();
        Assert.That(
            missing.Count + extra.Count,
            Is.Zero,
            $"The {provider} migrations do not match the model. Add or fix a migration in Persistence/Migrations/{provider}." +
            $"{Environment.NewLine}Expected by the model but not built by the migrations:{Environment.NewLine}  " +
            string.Join(Environment.NewLine + "  ", missing) +
            $"{Environment.NewLine}Built by the migrations but not in the model:{Environment.NewLine}  " +
            string.Join(Environment.NewLine + "  ", extra));
        Assert.That(actual, Has.Some.StartsWith("table tasks"));
        Assert.That(actual, Has.Some.StartsWith("table clips"));
        Assert.That(actual, Has.Some.StartsWith("table accounts"));
        Assert.That(actual, Has.Some.Contains("ux_tasks_tenant_id_idempotency_key"), "an Idempotency-Key is unique per tenant");
    }

    [Test]
    public async Task Migrations_AreThisProvidersOwn_AndNoneIsPendingAfterMigrate()
    {
        await using var db = _migrated.CreateContext();
        await db.Database.MigrateAsync();

        var migrationsAssembly = db.GetService<IMigrationsAssembly>();
        var expectedNamespace = $"Suno.Infrastructure.Persistence.Migrations.{provider}";
        using (Assert.EnterMultipleScope())
        {
            Assert.That(migrationsAssembly.Migrations, Is.Not.Empty);
            Assert.That(
                migrationsAssembly.Migrations.Values.Select(t => t.Namespace),
                Has.All.EqualTo(expectedNamespace),
                "a provider's context must only see its own migration set");
            Assert.That(await db.Database.GetPendingMigrationsAsync(), Is.Empty);
            Assert.That(await db.Database.GetAppliedMigrationsAsync(), Is.EqualTo(migrationsAssembly.Migrations.Keys));
        }
    }
}
