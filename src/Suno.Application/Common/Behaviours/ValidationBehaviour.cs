using FluentValidation;
using FluentValidation.Results;
using MediatR;
using ValidationException = Suno.Application.Common.Exceptions.ValidationException;

namespace Suno.Application.Common.Behaviours;

/// <summary>
/// Runs every FluentValidation validator of the request before the handler and throws one
/// <see cref="ValidationException"/> with all failures, keyed by the field name as the client spells it
/// (validators name fields with <c>OverridePropertyName("snake_case")</c> or the default snake_case conversion below).
/// </summary>
public sealed class ValidationBehaviour<TRequest, TResponse>(IEnumerable<IValidator<TRequest>> validators)
    : IPipelineBehavior<TRequest, TResponse>
{
    private readonly IValidator<TRequest>[] _validators = validators.ToArray();

    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        ArgumentNullException.ThrowIfNull(next);
        if (_validators.Length == 0)
        {
            return await next().ConfigureAwait(false);
        }

        // One after another, not Task.WhenAll: the validators share one ValidationContext (not thread-safe), and
        // validators are transient services of the request's scope; run concurrently, two that use a scoped service
        // (a DbContext, say) would use it from two threads at once.
        var context = new ValidationContext<TRequest>(request);
        var failures = new List<ValidationFailure>();
        foreach (var validator in _validators)
        {
            var result = await validator.ValidateAsync(context, cancellationToken).ConfigureAwait(false);
            failures.AddRange(result.Errors);
        }

        var errors = failures
            .Where(f => f is not null)
            .GroupBy(f => FieldNames.ToWire(f.PropertyName), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(f => f.ErrorMessage).Distinct(StringComparer.Ordinal).ToArray(), StringComparer.Ordinal);

        if (errors.Count > 0)
        {
            throw new ValidationException(errors, tooLong: failures.TrueForAll(f => f.ErrorCode == ValidationException.TooLongCode));
        }

        return await next().ConfigureAwait(false);
    }
}
