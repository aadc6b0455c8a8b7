using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Suno.WebApi.OpenApi;

/// <summary>Fixes and additions to the generated OpenAPI document, so the clients NSwag generates from it work.</summary>
public static class OpenApiTransformers
{
    public const string BearerScheme = "Bearer";

    /// <summary>
    /// String enums are emitted without "type": "string" (dotnet/aspnetcore#61303); NSwag then generates an
    /// integer enum that cannot read "assistant".
    /// </summary>
    public static Task EnumAsString(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(context);
        var type = Nullable.GetUnderlyingType(context.JsonTypeInfo.Type) ?? context.JsonTypeInfo.Type;
        if (type.IsEnum && schema.Enum is { Count: > 0 } && schema.Type is null)
        {
            schema.Type = JsonSchemaType.String;
        }

        return Task.CompletedTask;
    }

    /// <summary>Every operation gets an operationId: its [EndpointName], else Controller_Action.</summary>
    public static Task OperationId(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(context);
        if (string.IsNullOrEmpty(operation.OperationId) && context.Description.ActionDescriptor is ControllerActionDescriptor action)
        {
            operation.OperationId = $"{action.ControllerName}_{action.ActionName}";
        }

        return Task.CompletedTask;
    }

    /// <summary>Names the document after the product rather than the assembly.</summary>
    public static Task Info(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        document.Info = new OpenApiInfo
        {
            Title = "Suno.Api",
            Version = "v1",
            Description = "A self-hosted gateway that turns a Suno account into a music-generation API.",
        };
        return Task.CompletedTask;
    }

    /// <summary>Documents the optional bearer token (SECRET_TOKEN) and requires it on every operation but /ping.</summary>
    public static Task BearerSecurity(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[BearerScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "The gateway's SECRET_TOKEN, when one is configured: Authorization: Bearer <token>.",
        };

        var requirement = new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(BearerScheme, document)] = [] };
        foreach (var (path, item) in document.Paths)
        {
            if (path.StartsWith("/ping", StringComparison.OrdinalIgnoreCase) || item.Operations is null)
            {
                continue;
            }

            foreach (var operation in item.Operations.Values)
            {
                operation.Security ??= [];
                operation.Security.Add(requirement);
            }
        }

        return Task.CompletedTask;
    }
}
