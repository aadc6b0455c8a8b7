using System.IO.Compression;
using System.Xml.Linq;
using Suno.Testing;

namespace Suno.Clients.Tests;

/// <summary><c>dotnet pack src/Suno.Api.Client</c>, as its README says, makes a package a .NET project can use.</summary>
[TestFixture]
[NonParallelizable]
public sealed class ClientPackageTests
{
#if DEBUG
    private const string Configuration = "Debug";
#else
    private const string Configuration = "Release";
#endif

    [Test]
    public async Task Dotnet_pack_makes_a_package_with_the_client_its_readme_and_no_dependency()
    {
        var output = Directory.CreateTempSubdirectory("suno-client-pack-").FullName;
        try
        {
            var project = Path.Combine(RepoLayout.Root, "src", "Suno.Api.Client");
            var pack = await ProcessRunner.RunAsync(
                "dotnet", ["pack", project, "-c", Configuration, "-o", output, "-nologo", "-v", "quiet"], RepoLayout.Root, TimeSpan.FromMinutes(5));
            Assert.That(pack.ExitCode, Is.Zero, pack.ToString());

            var package = Directory.GetFiles(output, "Suno.Api.Client.*.nupkg").SingleOrDefault();
            Assert.That(package, Is.Not.Null, "no Suno.Api.Client package in " + output);
            using var zip = ZipFile.OpenRead(package!);
            var entries = zip.Entries.Select(e => e.FullName).ToList();
            Assert.That(entries, Does.Contain("lib/net10.0/Suno.Api.Client.dll"));
            Assert.That(entries, Does.Contain("README.md"));

            await using var nuspec = zip.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal)).Open();
            var metadata = XDocument.Load(nuspec).Root!.Elements().Single(e => e.Name.LocalName == "metadata");
            var dependencies = metadata.Descendants().Where(e => e.Name.LocalName == "dependency").Select(e => (string?)e.Attribute("id")).ToList();
            Assert.That(dependencies, Is.Empty, "the client needs only the framework; the gateway project must not leak in as a dependency");
            Assert.That(metadata.Elements().Single(e => e.Name.LocalName == "readme").Value, Is.EqualTo("README.md"));
        }
        finally
        {
            Directory.Delete(output, recursive: true);
        }
    }
}
