using FluentValidation;
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

        var context = new ValidationContext<TRequest>(request);
        var results = await Task.WhenAll(_validators.Select(v => v.ValidateAsync(context, cancellationToken))).ConfigureAwait(false);
        var errors = results
            .SelectMany(r => r.Errors)
            .Where(f => f is not null)
            .GroupBy(f => FieldNames.ToWire(f.PropertyName), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(f => f.ErrorMessage).Distinct(StringComparer.Ordinal).ToArray(), StringComparer.Ordinal);

        if (errors.Count > 0)
        {
            throw new ValidationException(errors);
        }

        return await next().ConfigureAwait(false);
    }
}
