using System.Reflection;

namespace Suno.Testing;

/// <summary>Where the repository, the npm tools and the built gateway are, seen from the running test assembly.</summary>
public static class RepoLayout
{
    /// <summary>Overrides the gateway dll the tests start (for a build laid out some other way).</summary>
    public const string GatewayDllVariable = "SUNO_GATEWAY_DLL";

    private const string GatewayProjectName = "Suno.WebApi";

    /// <summary>The folder of the test assembly being run (bin/…/ of a test project).</summary>
    public static string TestAssemblyDirectory { get; } = AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar);

    /// <summary>The repository root: the folder holding Suno.Api.sln.</summary>
    public static string Root { get; } = FindRoot();

    public static string ClientsDirectory => Path.Combine(Root, "build", "clients");

    public static string NodeModules => Path.Combine(ClientsDirectory, "node_modules");

    public static string RedoclyEntry => Path.Combine(NodeModules, ".bin", "redocly");

    /// <summary>Fails the test with the command that installs the npm tools when they are missing.</summary>
    public static void RequireNodeModules(params string[] required)
    {
        ArgumentNullException.ThrowIfNull(required);
        var missing = required.Where(p => !File.Exists(p) && !Directory.Exists(p)).ToList();
        if (missing.Count > 0)
        {
            Assert.Fail(
                $"The npm tools these tests need are missing ({string.Join(", ", missing)}). "
                + "Run ./build/test.sh from the repository root (it runs `npm ci` in build/clients), "
                + "or run `npm ci` in build/clients yourself.");
        }
    }

    /// <summary>
    /// The built gateway dll of the same build as the running tests. Two layouts are known: the default one
    /// (tests/X/bin/Debug/net10.0 beside src/Suno.WebApi/bin/Debug/net10.0) and the one of
    /// <c>dotnet build --artifacts-path A</c> (A/bin/X/debug beside A/bin/Suno.WebApi/debug).
    /// </summary>
    public static string GatewayDll()
    {
        var candidates = new List<string>();
        var overridden = Environment.GetEnvironmentVariable(GatewayDllVariable);
        if (!string.IsNullOrWhiteSpace(overridden))
        {
            candidates.Add(Path.GetFullPath(overridden));
        }
        else
        {
            var here = new DirectoryInfo(TestAssemblyDirectory);
            var parent = here.Parent;
            if (parent?.Parent is { Name: "bin" } artifactsBin)
            {
                // Artifacts layout: <artifacts>/bin/<project>/<pivot>/
                candidates.Add(Path.Combine(artifactsBin.FullName, GatewayProjectName, here.Name, GatewayProjectName + ".dll"));
            }

            if (parent is { Parent.Name: "bin" } || parent is { Name: "Debug" or "Release" })
            {
                // Default layout: tests/<project>/bin/<configuration>/<tfm>/
                candidates.Add(Path.Combine(Root, "src", GatewayProjectName, "bin", parent.Name, here.Name, GatewayProjectName + ".dll"));
            }

            var configuration = Assembly.GetExecutingAssembly()
                .GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
            candidates.Add(Path.Combine(Root, "src", GatewayProjectName, "bin", configuration, "net10.0", GatewayProjectName + ".dll"));
        }

        var found = candidates.FirstOrDefault(File.Exists);
        if (found is null)
        {
            Assert.Fail(
                "The built gateway was not found; looked for: " + string.Join(", ", candidates.Distinct())
                + $". Build the solution first (./build/test.sh does), or set {GatewayDllVariable}.");
        }

        return found!;
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(TestAssemblyDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Suno.Api.sln")))
            {
                return dir.FullName;
            }
        }

        // Built with --artifacts-path outside the tree: the root recorded at build time.
        var recorded = typeof(RepoLayout).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "RepoRoot")?.Value;
        if (recorded is not null && File.Exists(Path.Combine(recorded, "Suno.Api.sln")))
        {
            return recorded;
        }

        throw new InvalidOperationException(
            $"Cannot find the repository root (Suno.Api.sln) above {TestAssemblyDirectory} or at {recorded}.");
    }
}
