using Microsoft.Data.SqlClient;
using Npgsql;
using Suno.Infrastructure.Persistence;

namespace Suno.Infrastructure.IntegrationTests.Persistence;

public sealed class DsnParserTests
{
    [TestCase("postgres://suno:secret@db.example:6543/gateway")]
    [TestCase("postgresql://suno:secret@db.example:6543/gateway")]
    [TestCase("POSTGRES://suno:secret@db.example:6543/gateway")]
    [TestCase("Host=db.example;Port=6543;Username=suno;Password=secret;Database=gateway")]
    [TestCase("  host=db.example; port=6543; user id=suno; password=secret; database=gateway  ")]
    public void Convert_AcceptsUrlsAndKeyValueStrings(string dsn)
    {
        var builder = new NpgsqlConnectionStringBuilder(DsnParser.ToNpgsqlConnectionString(dsn));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(builder.Host, Is.EqualTo("db.example"));
            Assert.That(builder.Port, Is.EqualTo(6543));
            Assert.That(builder.Username, Is.EqualTo("suno"));
            Assert.That(builder.Password, Is.EqualTo("secret"));
            Assert.That(builder.Database, Is.EqualTo("gateway"));
        }
    }

    [Test]
    public void Convert_Url_WithoutPort_UsesTheDefaultPort()
    {
        var builder = new NpgsqlConnectionStringBuilder(DsnParser.ToNpgsqlConnectionString("postgres://u@localhost/app"));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(builder.Port, Is.EqualTo(5432));
            Assert.That(builder.Username, Is.EqualTo("u"));
            Assert.That(builder.Password, Is.Null);
            Assert.That(builder.Database, Is.EqualTo("app"));
        }
    }

    [Test]
    public void Convert_Url_DecodesPercentEncodedUserPasswordAndDatabase()
    {
        var dsn = "postgres://us%40er:p%40ss%3Aw%2Fo%23rd%25@127.0.0.1:5432/my%20db";

        var builder = new NpgsqlConnectionStringBuilder(DsnParser.ToNpgsqlConnectionString(dsn));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(builder.Username, Is.EqualTo("us@er"));
            Assert.That(builder.Password, Is.EqualTo("p@ss:w/o#rd%"));
            Assert.That(builder.Database, Is.EqualTo("my db"));
            Assert.That(builder.Host, Is.EqualTo("127.0.0.1"));
        }
    }

    [Test]
    public void Convert_Url_KeepsAColonInsideThePassword()
    {
        var builder = new NpgsqlConnectionStringBuilder(DsnParser.ToNpgsqlConnectionString("postgres://u:a:b@h/d"));

        Assert.That(builder.Password, Is.EqualTo("a:b"));
    }

    [Test]
    public void Convert_Url_TranslatesQueryParameters()
    {
        var dsn = "postgres://u:p@h:5432/d?sslmode=verify-full&connect_timeout=7&application_name=suno%20api+1&search_path=app";

        var builder = new NpgsqlConnectionStringBuilder(DsnParser.ToNpgsqlConnectionString(dsn));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(builder.SslMode, Is.EqualTo(SslMode.VerifyFull));
            Assert.That(builder.Timeout, Is.EqualTo(7));
            Assert.That(builder.ApplicationName, Is.EqualTo("suno api+1"), "libpq decodes %XX only; + stays +");
            Assert.That(builder.SearchPath, Is.EqualTo("app"));
        }
    }

    [TestCase("disable", SslMode.Disable)]
    [TestCase("require", SslMode.Require)]
    [TestCase("prefer", SslMode.Prefer)]
    [TestCase("verify-ca", SslMode.VerifyCA)]
    public void Convert_Url_SslModes(string value, SslMode expected)
    {
        var builder = new NpgsqlConnectionStringBuilder(DsnParser.ToNpgsqlConnectionString($"postgres://u@h/d?sslmode={value}"));

        Assert.That(builder.SslMode, Is.EqualTo(expected));
    }

    [Test]
    public void Convert_Url_AcceptsAnIpv6Host()
    {
        var builder = new NpgsqlConnectionStringBuilder(DsnParser.ToNpgsqlConnectionString("postgres://u@[::1]:5433/d"));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(builder.Host, Is.EqualTo("::1"));
            Assert.That(builder.Port, Is.EqualTo(5433));
        }
    }

    [TestCase("root:pw@tcp(127.0.0.1:3306)/suno?charset=utf8mb4&parseTime=True&loc=Local")]
    [TestCase("user:pass@unix(/var/run/mysqld/mysqld.sock)/db")]
    [TestCase("mysql://root:pw@localhost:3306/suno")]
    [TestCase("mysql+pymysql://root:pw@localhost/suno")]
    public void Convert_RejectsMySql_WithOneLineNamingTheSetting(string dsn)
    {
        var ok = DsnParser.TryConvert(dsn, out var connectionString, out var error);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(ok, Is.False);
            Assert.That(connectionString, Is.Empty);
            Assert.That(error, Does.Contain("SQL_DSN"));
            Assert.That(error, Does.Contain("MySQL"));
            Assert.That(error, Does.Contain("only SQLite (the default"));
            Assert.That(error, Does.Contain("PostgreSQL"));
            Assert.That(error, Does.Not.Contain("\n"));
            Assert.That(error, Does.Not.Contain("pw"), "the password must not be echoed");
        }
    }

    [TestCase("just some words")]
    [TestCase("http://db.example/app")]
    [TestCase("Bogus=1;Nonsense=2")]
    [TestCase("Database=app;Username=u")]
    [TestCase("postgres://u@h/d?not_a_parameter=1")]
    [TestCase("postgres:///d")]
    public void Convert_RejectsAnythingElse_NamingTheSetting(string dsn)
    {
        var ok = DsnParser.TryConvert(dsn, out _, out var error);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(ok, Is.False);
            Assert.That(error, Does.Contain("SQL_DSN (Database:Dsn)"));
            Assert.That(error, Does.Not.Contain("\n"));
        }
    }

    [Test]
    public void ToNpgsqlConnectionString_ThrowsFormatException_WithTheReason()
    {
        Assert.That(
            () => DsnParser.ToNpgsqlConnectionString("root:pw@tcp(127.0.0.1:3306)/db"),
            Throws.TypeOf<FormatException>().With.Message.Contains("SQL_DSN"));
    }

    [TestCase("sqlserver://suno:secret@db.example:1444/gateway")]
    [TestCase("SQLSERVER://suno:secret@db.example:1444/gateway")]
    [TestCase("sqlserver://suno:secret@db.example:1444?database=gateway")]
    [TestCase("Server=db.example,1444;Database=gateway;User Id=suno;Password=secret")]
    [TestCase("  data source=db.example,1444; initial catalog=gateway; user id=suno; password=secret  ")]
    public void Parse_SqlServerForms_SelectSqlServer(string dsn)
    {
        var ok = DsnParser.TryParse(dsn, out var provider, out var connectionString, out var error);

        var builder = new SqlConnectionStringBuilder(connectionString);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(ok, Is.True, error);
            Assert.That(provider, Is.EqualTo(DatabaseProvider.SqlServer));
            Assert.That(DsnParser.ProviderOf(dsn), Is.EqualTo(DatabaseProvider.SqlServer));
            Assert.That(builder.DataSource, Is.EqualTo("db.example,1444"));
            Assert.That(builder.InitialCatalog, Is.EqualTo("gateway"));
            Assert.That(builder.UserID, Is.EqualTo("suno"));
            Assert.That(builder.Password, Is.EqualTo("secret"));
        }
    }

    [Test]
    public void Parse_SqlServerUrl_DecodesUserAndPassword_AndTakesSqlClientParameters()
    {
        var dsn = "sqlserver://us%40er:p%40ss%3Aw%2Fo%23rd@sql.local/my%20db?encrypt=true&trustservercertificate=true&connect%20timeout=7&application%20name=suno";

        var builder = new SqlConnectionStringBuilder(DsnParser.ToConnectionString(dsn));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(builder.DataSource, Is.EqualTo("sql.local"), "no port: SqlClient's default (1433)");
            Assert.That(builder.UserID, Is.EqualTo("us@er"));
            Assert.That(builder.Password, Is.EqualTo("p@ss:w/o#rd"));
            Assert.That(builder.InitialCatalog, Is.EqualTo("my db"));
            Assert.That(builder.Encrypt, Is.EqualTo(SqlConnectionEncryptOption.Mandatory));
            Assert.That(builder.TrustServerCertificate, Is.True);
            Assert.That(builder.ConnectTimeout, Is.EqualTo(7));
            Assert.That(builder.ApplicationName, Is.EqualTo("suno"));
        }
    }

    [TestCase("", DatabaseProvider.Sqlite)]
    [TestCase("   ", DatabaseProvider.Sqlite)]
    [TestCase("postgres://u:p@h/d", DatabaseProvider.Postgres)]
    [TestCase("Host=h;Database=d", DatabaseProvider.Postgres)]
    [TestCase("sqlserver://u:p@h/d", DatabaseProvider.SqlServer)]
    [TestCase("Server=h;Database=d", DatabaseProvider.SqlServer)]
    [TestCase("Data Source=h;Initial Catalog=d", DatabaseProvider.SqlServer)]
    [TestCase("mysql://u:p@h/d", DatabaseProvider.Postgres)]
    public void ProviderOf_IsDecidedByTheForm(string dsn, DatabaseProvider expected)
    {
        Assert.That(new DatabaseOptions { Dsn = dsn }.Provider, Is.EqualTo(expected));
    }

    [TestCase("sqlserver://sa:pw@host", "names no SQL Server database")]
    [TestCase("Server=host;User Id=sa;Password=pw", "names no SQL Server database")]
    [TestCase("Server=;Database=db", "names no SQL Server host")]
    [TestCase("sqlserver://sa:pw@host/db?bogus_key=1", "unsupported SQL Server URL parameter 'bogus_key=1'")]
    [TestCase("sqlserver://sa:pw@host/db?password=pw", "in the URL's user part")]
    [TestCase("sqlserver://sa:pw@host/a?database=b", "names two databases")]
    [TestCase("sqlserver://sa:pw@host/a/b", "more than one path segment")]
    [TestCase("sqlserver:///db", "not a valid SQL Server URL")]
    [TestCase("Server=host;Database=db;Bogus Key=1", "not a valid SQL Server connection string")]
    public void Parse_RejectsBadSqlServerDsns_WithOneLineNamingTheSetting(string dsn, string reason)
    {
        var ok = DsnParser.TryParse(dsn, out var provider, out var connectionString, out var error);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(ok, Is.False);
            Assert.That(provider, Is.EqualTo(DatabaseProvider.SqlServer));
            Assert.That(connectionString, Is.Empty);
            Assert.That(error, Does.StartWith("SQL_DSN (Database:Dsn)"));
            Assert.That(error, Does.Contain(reason));
            Assert.That(error, Does.Not.Contain("\n"));
            Assert.That(error, Does.Not.Contain("pw"), "the password must not be echoed");
        }
    }

    [Test]
    public void Convert_PostgresOnly_RefusesASqlServerDsn()
    {
        var ok = DsnParser.TryConvert("sqlserver://sa:secret@host/db", out _, out var error);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(ok, Is.False);
            Assert.That(error, Does.Contain("SQL Server DSN where a PostgreSQL one is expected"));
        }
    }

    [Test]
    public void Validator_RefusesABadSqlServerDsn_AtStart()
    {
        var result = new DatabaseOptionsValidator().Validate(null, new DatabaseOptions { Dsn = "sqlserver://sa:pw@host" });

        Assert.That(result.Failed, Is.True);
        Assert.That(result.FailureMessage, Does.Contain("SQL_DSN").And.Contain("names no SQL Server database"));
    }

    [TestCase("Data Source=db.example,1444;Initial Catalog=gateway;User Id=sa;Password=pw", "db.example:1444")]
    [TestCase("Data Source=db.example;Initial Catalog=gateway", "db.example")]
    [TestCase("Bogus Key=1", "?")]
    public void SqlServerHostOf_NamesTheServer_ForTheStartupLog(string connectionString, string expected)
    {
        Assert.That(SqlServerDsn.HostOf(connectionString), Is.EqualTo(expected));
    }
}
