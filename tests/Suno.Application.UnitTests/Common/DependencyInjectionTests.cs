using IValidator = FluentValidation.IValidator;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Suno.Application.Common.Behaviours;
using Suno.Application.Common.Exceptions;
using Suno.Application.Common.Interfaces;
using Suno.Application.Tasks.Common;
using Suno.Application.Tasks.Queries.GetTask;
using Suno.Application.UnitTests.Support;

namespace Suno.Application.UnitTests.Common;

public sealed class DependencyInjectionTests
{
    private TaskDatabase _database = null!;
    private ServiceCollection _services = null!;
    private ServiceProvider _provider = null!;

    [SetUp]
    public async Task SetUp()
    {
        _database = await TaskDatabase.CreateAsync();
        var services = _services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Debug));
        services.AddApplicationServices();
        services.AddScoped<ISunoDbContext>(_ => _database.CreateContext());
        _provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
    }

    [TearDown]
    public async Task TearDown()
    {
        await _provider.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Test]
    public void Behaviours_RunInTheDocumentedOrder()
    {
        using var scope = _provider.CreateScope();
        var behaviours = scope.ServiceProvider.GetServices<IPipelineBehavior<GetTaskQuery, TaskDto>>().Select(b => b.GetType().GetGenericTypeDefinition());

        Assert.That(behaviours, Is.EqualTo(new[]
        {
            typeof(UnhandledExceptionBehaviour<,>),
            typeof(ValidationBehaviour<,>),
            typeof(PerformanceBehaviour<,>),
        }));
    }

    [Test]
    public void AddApplicationServices_RegistersTheTaskEngine()
    {
        var registered = _services.Select(d => d.ServiceType).ToList();

        Assert.That(registered, Is.SupersetOf(new[]
        {
            typeof(Suno.Application.Tasks.Engine.TaskSubmitter),
            typeof(Suno.Application.Tasks.Engine.TaskPoller),
            typeof(Suno.Application.Tasks.Engine.GatewayInstance),
            typeof(Suno.Application.Tasks.Engine.ITaskChangeNotifier),
            typeof(Suno.Application.Tasks.Engine.TaskWaiter),
            typeof(Suno.Application.Tasks.Engine.LostSubmissionSettler),
            typeof(Suno.Application.Tasks.Common.TaskReader),
            typeof(Suno.Application.Common.Tenancy.ICallerContext),
        }));
    }

    [Test]
    public void EveryValidatorOfTheAssembly_IsRegisteredTransient_AndResolves()
    {
        var validatorTypes = typeof(DependencyInjection).Assembly.GetTypes()
            .Where(t => t is { IsAbstract: false, IsGenericTypeDefinition: false } && typeof(IValidator).IsAssignableFrom(t))
            .ToList();
        using var scope = _provider.CreateScope();

        Assert.That(validatorTypes, Is.Not.Empty);
        Assert.Multiple(() =>
        {
            foreach (var type in validatorTypes)
            {
                var service = type.GetInterfaces().Single(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(FluentValidation.IValidator<>));
                var registration = _services.Where(d => d.ServiceType == service).ToList();
                Assert.That(registration.Select(d => d.ImplementationType), Is.EqualTo(new[] { type }), service.Name);
                Assert.That(registration.Select(d => d.Lifetime), Is.All.EqualTo(ServiceLifetime.Transient), service.Name);
                Assert.That(scope.ServiceProvider.GetServices(service).Select(v => v!.GetType()), Is.EqualTo(new[] { type }), service.Name);
            }
        });
    }

    [Test]
    public async Task Mediator_SendsThroughValidationToTheHandler()
    {
        await using (var db = _database.CreateContext())
        {
            db.Tasks.Add(TaskSamples.FinishedMusic("t-di"));
            await db.SaveChangesAsync();
        }

        using var scope = _provider.CreateScope();
        var mediator = scope.ServiceProvider.GetRequiredService<IMediator>();

        var found = await mediator.Send(new GetTaskQuery("t-di"));
        Assert.That(found.Status, Is.EqualTo("SUCCESS"));

        var invalid = Assert.ThrowsAsync<ValidationException>(() => mediator.Send(new GetTaskQuery("")));
        Assert.That(invalid!.Errors.Keys, Is.EquivalentTo(new[] { "id" }));

        var missing = Assert.ThrowsAsync<NotFoundException>(() => mediator.Send(new GetTaskQuery("nope")));
        Assert.That(missing!.ErrorCode, Is.EqualTo("task_not_exist"));
    }
}
