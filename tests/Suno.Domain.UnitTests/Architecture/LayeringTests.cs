using System.Reflection;
using Suno.Domain.Tasks;

namespace Suno.Domain.UnitTests.Architecture;

public class LayeringTests
{
    [Test]
    public void Domain_references_no_other_layer_and_no_framework_package()
    {
        var referenced = typeof(SunoTask).Assembly.GetReferencedAssemblies().Select(a => a.Name!).ToList();
        Assert.That(referenced, Has.None.StartsWith("Suno."), "Domain must not reference Application or Infrastructure");
        Assert.That(referenced, Has.None.StartsWith("Microsoft.EntityFrameworkCore"));
        Assert.That(referenced, Has.None.StartsWith("Microsoft.AspNetCore"));
        Assert.That(referenced, Has.None.StartsWith("MediatR"));
    }

    [Test]
    public void Entities_have_no_public_setters()
    {
        var leaky = typeof(SunoTask).Assembly.GetTypes()
            .Where(t => t.IsClass && !t.IsAbstract && t.Namespace!.StartsWith("Suno.Domain", StringComparison.Ordinal)
                        && t.GetCustomAttribute<System.Runtime.CompilerServices.CompilerGeneratedAttribute>() is null
                        && !typeof(Exception).IsAssignableFrom(t)
                        && !t.Name.EndsWith("Snapshot", StringComparison.Ordinal)
                        && !t.Name.EndsWith("Result", StringComparison.Ordinal))
            .SelectMany(t => t.GetProperties().Where(p => p.SetMethod?.IsPublic == true).Select(p => $"{t.Name}.{p.Name}"))
            .ToList();
        Assert.That(leaky, Is.Empty, "state changes go through the entity's methods");
    }
}
