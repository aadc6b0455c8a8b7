using System.Reflection;
using FluentValidation;
using MediatR;
using Suno.Domain.Tasks;

namespace Suno.WebApi.FunctionalTests.Architecture;

/// <summary>
/// The layering and naming rules of docs/architecture.md, checked by reflection over the built assemblies. This
/// project references every src assembly (WebApi, and through it Infrastructure, Application and Domain).
/// </summary>
public sealed class ArchitectureTests
{
    private const string Infrastructure = "Suno.Infrastructure";

    private static readonly Assembly Domain = typeof(SunoTask).Assembly;
    private static readonly Assembly Application = typeof(Suno.Application.DependencyInjection).Assembly;
    private static readonly Assembly WebApi = typeof(Suno.WebApi.DependencyInjection).Assembly;

    /// <summary>WebApi's composition root and host setup: the only WebApi types that may use Infrastructure types.</summary>
    private static readonly string[] CompositionRoot =
    [
        "Program",
        "Suno.WebApi.DependencyInjection",
        "Suno.WebApi.Hosting.GatewayHosting",
        "Suno.WebApi.Hosting.Sandbox.SandboxMode",
    ];

    [Test]
    public void Domain_ReferencesNothingOfOurs_AndNoFrameworkPackage()
    {
        var notBaseLibrary = Domain.GetReferencedAssemblies()
            .Select(a => a.Name!)
            .Where(name => !IsBaseLibrary(name))
            .ToList();

        Assert.That(notBaseLibrary, Is.Empty, "Domain may reference only the .NET base library");
    }

    [Test]
    public void Application_ReferencesNeitherInfrastructureNorWebApiNorAspNetCore()
    {
        var referenced = Application.GetReferencedAssemblies().Select(a => a.Name!).ToList();

        Assert.That(
            referenced.Where(n => n.StartsWith(Infrastructure, StringComparison.Ordinal)
                                  || n.StartsWith("Suno.WebApi", StringComparison.Ordinal)
                                  || IsAspNetCore(n)),
            Is.Empty);
    }

    [Test]
    public void Application_Types_UseNoAspNetCoreType_InTheirSignatures()
    {
        var offenders = TypesUsed(Application, assemblyName => IsAspNetCore(assemblyName));

        Assert.That(offenders, Is.Empty, Describe(offenders));
    }

    [Test]
    public void WebApi_Types_UseInfrastructureTypes_OnlyInTheCompositionRoot()
    {
        var offenders = TypesUsed(WebApi, assemblyName => assemblyName == Infrastructure)
            .Where(o => !CompositionRoot.Contains(o.Key, StringComparer.Ordinal))
            .ToDictionary(o => o.Key, o => o.Value, StringComparer.Ordinal);

        Assert.That(offenders, Is.Empty, "WebApi types using Infrastructure types outside the composition root:\n" + Describe(offenders));
    }

    [Test]
    public void RequestHandlers_AreNamedCommandHandlerOrQueryHandler() =>
        AssertNamed(Implementations(Application, typeof(IRequestHandler<,>)), "CommandHandler", "QueryHandler");

    [Test]
    public void Validators_AreNamedCommandValidatorOrQueryValidator() =>
        AssertNamed(ConcreteTypes(Application).Where(t => DerivesFromGeneric(t, typeof(AbstractValidator<>))), "CommandValidator", "QueryValidator");

    [Test]
    public void Requests_AreNamedCommandOrQuery() =>
        AssertNamed(Implementations(Application, typeof(IRequest<>)), "Command", "Query");

    private static void AssertNamed(IEnumerable<Type> types, params string[] suffixes)
    {
        var all = types.ToList();
        var misnamed = all.Where(t => !suffixes.Any(s => t.Name.EndsWith(s, StringComparison.Ordinal))).Select(t => t.FullName).ToList();

        Assert.That(all, Is.Not.Empty, "the rule finds the types it is about");
        Assert.That(misnamed, Is.Empty, "names must end in " + string.Join(" or ", suffixes));
    }

    private static bool IsBaseLibrary(string assemblyName) =>
        assemblyName is "netstandard" or "mscorlib" || assemblyName.StartsWith("System", StringComparison.Ordinal);

    private static bool IsAspNetCore(string assemblyName) =>
        assemblyName.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal);

    private static IEnumerable<Type> ConcreteTypes(Assembly assembly) =>
        assembly.GetTypes().Where(t => t is { IsAbstract: false, IsInterface: false, IsGenericTypeDefinition: false });

    private static IEnumerable<Type> Implementations(Assembly assembly, Type openInterface) =>
        ConcreteTypes(assembly).Where(t => t.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == openInterface));

    private static bool DerivesFromGeneric(Type type, Type openBase)
    {
        for (var t = type.BaseType; t is not null; t = t.BaseType)
        {
            if (t.IsGenericType && t.GetGenericTypeDefinition() == openBase)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// For every type of <paramref name="assembly"/> (nested and compiler-generated ones counted as their outermost
    /// declaring type), the types from assemblies matching <paramref name="isForbidden"/> that appear in its base
    /// types, interfaces, fields, properties, events, constructor parameters and method signatures.
    /// </summary>
    private static Dictionary<string, SortedSet<string>> TypesUsed(Assembly assembly, Func<string, bool> isForbidden)
    {
        var found = new Dictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        foreach (var type in assembly.GetTypes())
        {
            var forbidden = SignatureTypes(type)
                .SelectMany(Expand)
                .Where(t => isForbidden(t.Assembly.GetName().Name!))
                .Select(t => t.FullName ?? t.Name)
                .ToList();
            if (forbidden.Count == 0)
            {
                continue;
            }

            var owner = Outermost(type).FullName!;
            if (!found.TryGetValue(owner, out var set))
            {
                found[owner] = set = new SortedSet<string>(StringComparer.Ordinal);
            }

            set.UnionWith(forbidden);
        }

        return found;
    }

    private static Type Outermost(Type type)
    {
        while (type.DeclaringType is { } outer)
        {
            type = outer;
        }

        return type;
    }

    private static IEnumerable<Type> SignatureTypes(Type type)
    {
        const BindingFlags Declared = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance
                                      | BindingFlags.Static | BindingFlags.DeclaredOnly;
        if (type.BaseType is { } baseType)
        {
            yield return baseType;
        }

        foreach (var item in type.GetInterfaces())
        {
            yield return item;
        }

        foreach (var field in type.GetFields(Declared))
        {
            yield return field.FieldType;
        }

        foreach (var property in type.GetProperties(Declared))
        {
            yield return property.PropertyType;
        }

        foreach (var item in type.GetEvents(Declared))
        {
            yield return item.EventHandlerType!;
        }

        foreach (var constructor in type.GetConstructors(Declared))
        {
            foreach (var parameter in constructor.GetParameters())
            {
                yield return parameter.ParameterType;
            }
        }

        foreach (var method in type.GetMethods(Declared))
        {
            yield return method.ReturnType;
            foreach (var parameter in method.GetParameters())
            {
                yield return parameter.ParameterType;
            }
        }
    }

    /// <summary>The type itself and every type inside it: element types of arrays and by-refs, generic arguments.</summary>
    private static IEnumerable<Type> Expand(Type type)
    {
        if (type.HasElementType)
        {
            foreach (var inner in Expand(type.GetElementType()!))
            {
                yield return inner;
            }

            yield break;
        }

        if (type.IsGenericParameter)
        {
            yield break;
        }

        yield return type;
        if (type.IsGenericType)
        {
            foreach (var inner in type.GetGenericArguments().SelectMany(Expand))
            {
                yield return inner;
            }
        }
    }

    private static string Describe(IReadOnlyDictionary<string, SortedSet<string>> offenders) =>
        string.Join("\n", offenders.OrderBy(o => o.Key, StringComparer.Ordinal).Select(o => $"{o.Key}: {string.Join(", ", o.Value)}"));
}
