using FluentValidation;
using FluentValidation.Results;
using MediatR;
using Microsoft.Extensions.Logging;
using Moq;
using Suno.Application.Common.Behaviours;
using Suno.Application.Common.Exceptions;
using Suno.Application.Tasks.Common;
using Suno.Application.Tasks.Queries.GetTask;
using Suno.Application.Tasks.Queries.GetTasks;
using Suno.Application.UnitTests.Support;
using ValidationException = Suno.Application.Common.Exceptions.ValidationException;

namespace Suno.Application.UnitTests.Common;

public sealed class BehaviourTests
{
    private static readonly TaskDto Dto = new() { TaskId = "t", Action = "MUSIC", Status = "SUCCESS", Progress = "100%" };

    [Test]
    public async Task Validation_WhenValid_CallsTheHandler()
    {
        var behaviour = new ValidationBehaviour<GetTaskQuery, TaskDto>([new GetTaskQueryValidator()]);
        var called = false;

        var result = await behaviour.Handle(new GetTaskQuery("t"), CancellationToken.None, () =>
        {
            called = true;
            return Task.FromResult(Dto);
        });

        Assert.Multiple(() =>
        {
            Assert.That(called, Is.True);
            Assert.That(result, Is.SameAs(Dto));
        });
    }

    [Test]
    public void Validation_WhenInvalid_ThrowsWithSnakeCaseFieldsAndSkipsTheHandler()
    {
        var behaviour = new ValidationBehaviour<GetTasksQuery, IReadOnlyList<TaskDto>>([new GetTasksQueryValidator()]);
        var called = false;

        var ex = Assert.ThrowsAsync<ValidationException>(() => behaviour.Handle(
            new GetTasksQuery(["ok", ""], "video"),
            CancellationToken.None,
            () =>
            {
                called = true;
                return Task.FromResult<IReadOnlyList<TaskDto>>([]);
            }));

        Assert.Multiple(() =>
        {
            Assert.That(called, Is.False);
            Assert.That(ex!.StatusCode, Is.EqualTo(400));
            Assert.That(ex.ErrorCode, Is.EqualTo("invalid_request"));
            Assert.That(ex.Errors.Keys, Is.EquivalentTo(new[] { "ids[1]", "action" }));
            Assert.That(ex.Errors["action"], Is.EqualTo(new[] { "invalid action" }));
        });
    }

    [Test]
    public void Validation_MergesEveryValidatorsFailures_WithDefaultNamesInSnakeCase()
    {
        var validator = new Mock<IValidator<GetTaskQuery>>();
        validator.Setup(v => v.ValidateAsync(It.IsAny<IValidationContext>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new ValidationResult([new ValidationFailure("ContinueClipId", "continue_clip_id needs task_id")]));
        var behaviour = new ValidationBehaviour<GetTaskQuery, TaskDto>([new GetTaskQueryValidator(), validator.Object]);

        var ex = Assert.ThrowsAsync<ValidationException>(() =>
            behaviour.Handle(new GetTaskQuery(""), CancellationToken.None, () => Task.FromResult(Dto)));

        Assert.That(ex!.Errors.Keys, Is.EquivalentTo(new[] { "id", "continue_clip_id" }));
    }

    [Test]
    public async Task Validation_RunsTheValidatorsOneAfterAnother()
    {
        var firstRunning = new TaskCompletionSource();
        var releaseFirst = new TaskCompletionSource<ValidationResult>();
        var secondStarted = false;
        var first = new Mock<IValidator<GetTaskQuery>>();
        first.Setup(v => v.ValidateAsync(It.IsAny<IValidationContext>(), It.IsAny<CancellationToken>()))
            .Returns(() =>
            {
                firstRunning.SetResult();
                return releaseFirst.Task;
            });
        var second = new Mock<IValidator<GetTaskQuery>>();
        second.Setup(v => v.ValidateAsync(It.IsAny<IValidationContext>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(() =>
            {
                secondStarted = true;
                return new ValidationResult();
            });
        var behaviour = new ValidationBehaviour<GetTaskQuery, TaskDto>([first.Object, second.Object]);

        var handling = behaviour.Handle(new GetTaskQuery("t"), CancellationToken.None, () => Task.FromResult(Dto));
        await firstRunning.Task;
        var startedWhileFirstRan = secondStarted;
        releaseFirst.SetResult(new ValidationResult());
        var result = await handling;

        Assert.Multiple(() =>
        {
            Assert.That(startedWhileFirstRan, Is.False, "the second validator waits for the first");
            Assert.That(secondStarted, Is.True);
            Assert.That(result, Is.SameAs(Dto));
        });
    }

    [Test]
    public void UnhandledException_IsLoggedWithTheRequestNameAndRethrown()
    {
        var logger = new ListLogger<UnhandledExceptionBehaviour<GetTaskQuery, TaskDto>>();
        var behaviour = new UnhandledExceptionBehaviour<GetTaskQuery, TaskDto>(logger);
        var boom = new InvalidOperationException("boom");

        var thrown = Assert.ThrowsAsync<InvalidOperationException>(() =>
            behaviour.Handle(new GetTaskQuery("secret-looking-id"), CancellationToken.None, () => throw boom));

        Assert.Multiple(() =>
        {
            Assert.That(thrown, Is.SameAs(boom));
            Assert.That(logger.Entries, Has.Count.EqualTo(1));
            Assert.That(logger.Entries[0].Level, Is.EqualTo(LogLevel.Error));
            Assert.That(logger.Entries[0].Message, Does.Contain(nameof(GetTaskQuery)));
            Assert.That(logger.Entries[0].Message, Does.Not.Contain("secret-looking-id"));
            Assert.That(logger.Entries[0].Exception, Is.SameAs(boom));
        });
    }

    [Test]
    public void UnhandledException_ApplicationErrorsAreNotLoggedAsErrors()
    {
        var logger = new ListLogger<UnhandledExceptionBehaviour<GetTaskQuery, TaskDto>>();
        var behaviour = new UnhandledExceptionBehaviour<GetTaskQuery, TaskDto>(logger);

        Assert.ThrowsAsync<NotFoundException>(() =>
            behaviour.Handle(new GetTaskQuery("x"), CancellationToken.None, () => throw NotFoundException.Task("x")));

        Assert.That(logger.Entries.Select(e => e.Level), Has.None.EqualTo(LogLevel.Error));
    }

    [Test]
    public async Task Performance_LogsNameAndElapsed_WarnsWhenSlow_NeverTheRequest()
    {
        var clock = new SteppingTimeProvider();
        var logger = new ListLogger<PerformanceBehaviour<GetTaskQuery, TaskDto>>();
        var behaviour = new PerformanceBehaviour<GetTaskQuery, TaskDto>(logger, clock);

        await behaviour.Handle(new GetTaskQuery("cookie-like-value"), CancellationToken.None, () =>
        {
            clock.Advance(TimeSpan.FromMilliseconds(20));
            return Task.FromResult(Dto);
        });
        await behaviour.Handle(new GetTaskQuery("cookie-like-value"), CancellationToken.None, () =>
        {
            clock.Advance(TimeSpan.FromSeconds(2));
            return Task.FromResult(Dto);
        });

        Assert.Multiple(() =>
        {
            Assert.That(logger.Entries.Select(e => e.Level), Is.EqualTo(new[] { LogLevel.Debug, LogLevel.Warning }));
            Assert.That(logger.Entries[0].Message, Does.Contain(nameof(GetTaskQuery)).And.Contain("20.0 ms"));
            Assert.That(logger.Entries[1].Message, Does.Contain(nameof(GetTaskQuery)).And.Contain("2000 ms"));
            Assert.That(logger.Entries.Select(e => e.Message), Has.None.Contain("cookie-like-value"));
        });
    }

    [Test]
    public void Performance_StillLogsWhenTheHandlerThrows()
    {
        var logger = new ListLogger<PerformanceBehaviour<GetTaskQuery, TaskDto>>();
        var behaviour = new PerformanceBehaviour<GetTaskQuery, TaskDto>(logger, new SteppingTimeProvider());

        Assert.ThrowsAsync<NotFoundException>(() =>
            behaviour.Handle(new GetTaskQuery("x"), CancellationToken.None, () => throw NotFoundException.Task("x")));

        Assert.That(logger.Entries, Has.Count.EqualTo(1));
    }

    [Test]
    public void RequestHandlerDelegate_TypeIsMediatR5()
    {
        // Guards the hand registration: MediatR 5.1.0's pipeline signature (request, token, next).
        RequestHandlerDelegate<TaskDto> next = () => Task.FromResult(Dto);
        Assert.That(next, Is.Not.Null);
    }
}
