using Microsoft.OpenApi;

namespace IctPlanAssistant.Web.Apis;

/// <summary>The OpenAPI document of the HTTP API, served at /openapi/v1.json.</summary>
internal static class PlanOpenApi
{
    public static IServiceCollection AddPlanOpenApi(this IServiceCollection services) => services.AddOpenApi(options =>
    {
        // RowIdJsonConverter writes an id as its text ("1-2", "2017:1-2"); the generator sees only an empty struct.
        options.AddSchemaTransformer((schema, context, _) =>
        {
            if (context.JsonTypeInfo.Type == typeof(RowId))
            {
                schema.Type = JsonSchemaType.String;
                schema.Pattern = @"^(?:[\w.\-]+:)?\d{1,3}-\d{1,5}$";
                schema.Properties?.Clear();
            }
            return Task.CompletedTask;
        });
    });
}
